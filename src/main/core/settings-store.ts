import { join } from 'node:path'
import { SettingsSchema, DEFAULT_SETTINGS, type Settings } from '@shared/model/settings'
import { readJsonFile, writeJsonAtomic } from './storage/json-file'

export interface SettingsStore {
  get(): Settings
  update(patch: Partial<Settings>): Promise<Settings>
}

/** Settings live in `<dataDir>/settings.json`; `notices` collects problems to show the user at start. */
export async function openSettingsStore(dataDir: string, notices: string[]): Promise<SettingsStore> {
  const path = join(dataDir, 'settings.json')
  const outcome = await readJsonFile(path, SettingsSchema)
  let current: Settings = outcome.kind === 'ok' ? outcome.value : { ...DEFAULT_SETTINGS }
  if (outcome.kind === 'corrupt') {
    notices.push(`Settings file was unreadable (${outcome.reason}); it was moved to ${outcome.movedTo} and defaults are used.`)
  }
  return {
    get: () => current,
    async update(patch) {
      const next = SettingsSchema.parse({ ...current, ...patch })
      await writeJsonAtomic(path, next)
      current = next
      return current
    }
  }
}
