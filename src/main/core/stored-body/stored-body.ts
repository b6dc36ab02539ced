/**
 * Where a finished body lives: small ones in memory, anything larger in its own temp file. Written by the engine's
 * body sink (src/main/core/http/body-sink.ts), read by the large-body viewer (src/main/core/body-view/); it lives
 * beside both so that neither folder imports the other for it.
 */
export type StoredBody = { kind: 'memory'; data: Buffer; size: number } | { kind: 'file'; path: string; size: number }
