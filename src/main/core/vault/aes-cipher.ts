import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import type { SecretCipher } from './vault'

/**
 * AES-256-GCM with a key held only in this process. Used where no OS keyring exists and the user has not opted
 * into persistence (secrets then live for the session), and by tests as a real cipher.
 */
export function createSessionCipher(note: string | null, persistent = false, key: Buffer = randomBytes(32)): SecretCipher {
  // `key` is only passed by tests that reopen a vault from another process (crash-safety).
  if (key.length !== 32) throw new Error('An AES-256 key has 32 bytes.')
  return {
    persistent,
    note,
    async encrypt(plain) {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', key, iv)
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
      return Buffer.concat([iv, cipher.getAuthTag(), body])
    },
    async decrypt(encrypted) {
      const decipher = createDecipheriv('aes-256-gcm', key, encrypted.subarray(0, 12))
      decipher.setAuthTag(encrypted.subarray(12, 28))
      return Buffer.concat([decipher.update(encrypted.subarray(28)), decipher.final()]).toString('utf8')
    }
  }
}
