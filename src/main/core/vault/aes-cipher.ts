import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import type { SecretCipher } from './vault'

/**
 * AES-256-GCM with a key held only in this process. Used where no OS keyring exists and the user has not opted
 * into persistence (secrets then live for the session), and by tests as a real cipher.
 */
export function createSessionCipher(note: string | null, persistent = false): SecretCipher {
  const key = randomBytes(32)
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
