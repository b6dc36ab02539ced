import { z } from 'zod'

/** The ids every domain's commands use (runs, environments, responses, ...). */
export const RunIdSchema = z.string().min(1).max(128)
export const IdSchema = z.string().min(1).max(128)
