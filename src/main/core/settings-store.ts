import { SettingsSchema, DEFAULT_SETTINGS, type Settings } from '@shared/model/settings'
import { openState, type OpenStateFile } from './storage/state-file'
import { openConfStateFile } from './storage/conf-state-file'

export interface SettingsStore {
  get(): Settings
  update(patch: Partial<Settings>): Promise<Settings>
}

/** The format of settings.json; a migration per change of it goes into SETTINGS_MIGRATIONS. */
const SETTINGS_VERSION = '1.0.0'

/**
 * Settings live in `<dataDir>/settings.json`, kept by electron-store in the app and by conf elsewhere (`open`);
 * `notices` collects problems to show the user at start.
 */
export async function openSettingsStore(dataDir: string, notices: string[], open: OpenStateFile = openConfStateFile): Promise<SettingsStore> {
  const state = await openState(open, { cwd: dataDir, name: 'settings', version: SETTINGS_VERSION, schema: SettingsSchema, defaults: DEFAULT_SETTINGS, what: 'Settings file' }, notices)
  return {
    get: () => state.get(),
    update: async (patch) => state.set({ ...state.get(), ...patch })
  }
}
