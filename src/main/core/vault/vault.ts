import { join } from 'node:path'
import { z } from 'zod'
import { readJsonFile, writeJsonAtomic } from '../storage/json-file'

/**
 * Encrypts secrets at rest. Injected by the host: Electron's safeStorage in the app (src/main/platform), a real
 * AES cipher with a throw-away key in tests. `persistent` is false when no OS keyring is available: then secrets
 * stay in memory for the session rather than being written with weak protection.
 */
export interface SecretCipher {
  persistent: boolean
  /** Why storage is not persistent, in plain words (null when it is). */
  note: string | null
  encrypt(plain: string): Promise<Buffer>
  decrypt(encrypted: Buffer): Promise<string>
}

export interface Vault {
  readonly persistent: boolean
  readonly note: string | null
  set(key: string, value: string): Promise<void>
  delete(key: string): Promise<boolean>
  has(key: string): boolean
  /** Main-process only: never hand the result to the renderer, a log or an error message. */
  reveal(key: string): Promise<string | null>
  /** Deletes every key that starts with `prefix` (e.g. all secrets of a deleted environment). */
  deletePrefix(prefix: string): Promise<void>
  /** The keys (never the values) that start with `prefix`. */
  keys(prefix: string): string[]
}

const FileSchema = z.object({ version: z.literal(1), entries: z.record(z.string(), z.string()) })

/** Secrets are stored as base64 ciphertext in `<dataDir>/vault.json` (atomic writes), or only in memory. */
export async function openVault(dataDir: string, cipher: SecretCipher, notices: string[]): Promise<Vault> {
  const path = join(dataDir, 'vault.json')
  const entries = new Map<string, Buffer>()
  if (cipher.persistent) {
    const outcome = await readJsonFile(path, FileSchema)
    if (outcome.kind === 'ok') {
      for (const [key, value] of Object.entries(outcome.value.entries)) entries.set(key, Buffer.from(value, 'base64'))
    } else if (outcome.kind === 'corrupt') {
      notices.push(`The credential vault was unreadable (${outcome.reason}); it was moved to ${outcome.movedTo}. Enter your credentials again.`)
    }
  }
  const persist = async (): Promise<void> => {
    if (!cipher.persistent) return
    const plain = Object.fromEntries([...entries].map(([key, value]) => [key, value.toString('base64')]))
    await writeJsonAtomic(path, { version: 1, entries: plain })
  }

  return {
    persistent: cipher.persistent,
    note: cipher.note,
    async set(key, value) {
      entries.set(key, await cipher.encrypt(value))
      await persist()
    },
    async delete(key) {
      const existed = entries.delete(key)
      if (existed) await persist()
      return existed
    },
    has: (key) => entries.has(key),
    async reveal(key) {
      const encrypted = entries.get(key)
      return encrypted === undefined ? null : cipher.decrypt(encrypted)
    },
    async deletePrefix(prefix) {
      const before = entries.size
      for (const key of [...entries.keys()]) if (key.startsWith(prefix)) entries.delete(key)
      if (entries.size !== before) await persist()
    },
    keys: (prefix) => [...entries.keys()].filter((key) => key.startsWith(prefix))
  }
}

export function secretKey(environmentId: string, name: string): string {
  return `${environmentId}/${name}`
}

/**
 * Where a secret variable's value is kept. The "/" cannot appear in a `{{secret.NAME}}` placeholder, so these values
 * are reachable only through the variable itself, never by naming them as an auth secret.
 */
export function variableSecretKey(environmentId: string, name: string): string {
  return secretKey(environmentId, `var/${name}`)
}
