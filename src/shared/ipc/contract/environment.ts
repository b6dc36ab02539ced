import { z } from 'zod'
import { EnvironmentSchema } from '../../model/environment'
import { IdSchema } from './ids'

export const environmentCommands = {
  'environment:list': { input: z.object({}), output: z.array(EnvironmentSchema) },
  'environment:save': { input: EnvironmentSchema, output: EnvironmentSchema },
  'environment:delete': { input: z.object({ id: IdSchema }), output: z.object({ deleted: z.boolean() }) }
} as const
