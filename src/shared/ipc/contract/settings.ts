import { z } from 'zod'
import { SettingsPatchSchema, SettingsSchema } from '../../model/settings'

export const settingsCommands = {
  'settings:get': { input: z.object({}), output: SettingsSchema },
  'settings:update': { input: SettingsPatchSchema, output: SettingsSchema }
} as const
