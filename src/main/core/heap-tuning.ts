import { setFlagsFromString } from 'node:v8'

/**
 * Turns off V8's allocation-site pretenuring in the process that hosts AppCore (Electron's main process; the benches
 * do the same so that they measure what ships). Call it once, first thing, before requests are sent.
 *
 * Why: pretenuring moves an allocation site's objects straight to the old generation once it sees most of them
 * survive a young-generation GC. Early in a run (JIT warm-up) it makes that call for the engine's per-response
 * objects (the response header pairs, the warnings list): from then on each response's header pairs are old-space
 * garbage that points at young strings, so every young GC copies ~2 MB of dead strings and promotes them. Measured
 * on a 2-core machine (bench/engine-overhead.ts, one loopback GET after another): young GC fell from 7.3 to about
 * 2 µs per request and the engine from ~1.25x to ~1.0x raw `undici.request`, whose own figures did not move; the
 * iterator export, catalog import and collection benches did not change either (bench/README.md, "Engine overhead").
 * Re-measured without it on a slower machine: ~20 µs more per send and the engine at ~1.24x (bench/README.md,
 * "Simplified").
 */
export function tuneMainProcessHeap(): void {
  setFlagsFromString('--no-allocation-site-pretenuring')
}
