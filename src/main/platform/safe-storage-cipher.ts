import { safeStorage } from 'electron'
import type { SecretCipher } from '../core/vault/vault'
import { createSessionCipher } from '../core/vault/aes-cipher'

/**
 * Electron safeStorage (async API; the sync one is deprecated in Electron 45). With the `basic_text` backend
 * (no OS keyring, common on bare Linux desktops) encryption is only a fixed obfuscation, so secrets are kept in
 * memory for the session instead and the app says so — unless the user explicitly accepted weaker storage in
 * Settings, in which case they are written with that weaker protection and the app keeps saying so.
 */
export async function createSafeStorageCipher(weakStorageAccepted: boolean): Promise<SecretCipher> {
  const available = await safeStorage.isAsyncEncryptionAvailable()
  const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : 'os'
  const weak = backend === 'basic_text' || backend === 'unknown'
  if (!available || (weak && !weakStorageAccepted)) {
    return createSessionCipher(
      'No OS keyring was found (install and unlock GNOME Keyring or KWallet). Credentials are kept in memory for this session only; Settings can store them on disk with weaker protection.'
    )
  }
  return {
    persistent: true,
    note: weak ? 'No OS keyring: credentials are stored on disk with weaker protection, as you accepted in Settings.' : null,
    encrypt: (plain) => safeStorage.encryptStringAsync(plain),
    async decrypt(encrypted) {
      const result = await safeStorage.decryptStringAsync(encrypted)
      return result.result
    }
  }
}
