import { safeStorage } from 'electron'
import type { SecretCipher } from '../core/vault/vault'
import { createSessionCipher } from '../core/vault/aes-cipher'

/**
 * Electron safeStorage (async API; the sync one is deprecated in Electron 45). With the `basic_text` backend
 * (no OS keyring, common on bare Linux desktops) encryption would be a fixed obfuscation, so secrets are kept
 * in memory for the session instead, and the app says so.
 */
export async function createSafeStorageCipher(): Promise<SecretCipher> {
  const available = await safeStorage.isAsyncEncryptionAvailable()
  const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : 'os'
  if (!available || backend === 'basic_text' || backend === 'unknown') {
    return createSessionCipher(
      'No OS keyring was found (install and unlock GNOME Keyring or KWallet). Credentials are kept in memory for this session only.'
    )
  }
  return {
    persistent: true,
    note: null,
    encrypt: (plain) => safeStorage.encryptStringAsync(plain),
    async decrypt(encrypted) {
      const result = await safeStorage.decryptStringAsync(encrypted)
      return result.result
    }
  }
}
