/**
 * Child process of crash-safety.test.ts (run with tsx). Saves settings, a vault entry and a collection request
 * through the real core stores, round after round, printing "<file> <n>" once each save has returned, until the
 * parent SIGKILLs it. Usage: crash-writer <dataDir> <collectionFolder> <firstRound> <hex AES key>
 */
import { CollectionRepository } from '../../../../src/main/core/collections/repository'
import { openSettingsStore } from '../../../../src/main/core/settings-store'
import { createSessionCipher } from '../../../../src/main/core/vault/aes-cipher'
import { openVault } from '../../../../src/main/core/vault/vault'
import { CRASH_REQUEST_PATH, VAULT_KEY, roundRequest, roundSecret, roundTimeout } from './crash-rounds'

const [dataDir = '', folder = '', first = '1', keyHex = ''] = process.argv.slice(2)
const notices: string[] = []
const settings = await openSettingsStore(dataDir, notices)
const vault = await openVault(dataDir, createSessionCipher(null, true, Buffer.from(keyHex, 'hex')), notices)
const collections = new CollectionRepository()
// A reader that found something corrupt would make the parent's checks meaningless: say so and stop.
if (notices.length > 0) {
  process.stdout.write(`corrupt ${JSON.stringify(notices)}\n`)
  process.exit(2)
}
process.stdout.write('ready\n')
for (let round = Number(first); ; round++) {
  await settings.update({ totalTimeoutMs: roundTimeout(round) })
  process.stdout.write(`settings ${round}\n`)
  await vault.set(VAULT_KEY, roundSecret(round))
  process.stdout.write(`vault ${round}\n`)
  await collections.saveRequest(folder, { path: CRASH_REQUEST_PATH, request: roundRequest(round) })
  process.stdout.write(`collection ${round}\n`)
}
