import { z } from 'zod'

const fields = {
  connectTimeoutMs: z.number().int().min(100).max(600_000),
  totalTimeoutMs: z.number().int().min(100).max(86_400_000),
  maxRedirects: z.number().int().min(0).max(50),
  /** Decoded (after gzip/deflate/br) body cap; protects against decompression bombs. */
  maxDecodedBytes: z.number().int().min(1024).max(8 * 1024 ** 3),
  theme: z.enum(['system', 'light', 'dark']),
  /** Without an OS keyring, secrets stay in memory unless the user explicitly accepts weaker on-disk storage. */
  weakSecretStorageAccepted: z.boolean()
}

export const SettingsSchema = z.object({
  connectTimeoutMs: fields.connectTimeoutMs.default(10_000),
  totalTimeoutMs: fields.totalTimeoutMs.default(120_000),
  maxRedirects: fields.maxRedirects.default(10),
  maxDecodedBytes: fields.maxDecodedBytes.default(1024 ** 3),
  theme: fields.theme.default('system'),
  weakSecretStorageAccepted: fields.weakSecretStorageAccepted.default(false)
})
export type Settings = z.infer<typeof SettingsSchema>
export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({})

/** A partial update: no defaults here, or an update of one field would reset the others. */
export const SettingsPatchSchema = z.object(fields).partial()
