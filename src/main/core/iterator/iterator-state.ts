/**
 * Saved iterator positions (environment, endpoint, index, last timestamp_hwm), one JSON file written atomically
 * after every page, so a pull can be resumed after a cancel, a crash or a restart.
 */
import { join } from 'node:path'
import { z } from 'zod'
import { IteratorSavedStateSchema, type IteratorSavedState } from '@shared/iterator/iterator-model'
import { readJsonFile, writeJsonAtomic } from '../storage/json-file'

const FileSchema = z.object({ version: z.literal(1), states: z.array(IteratorSavedStateSchema) })

export interface IteratorStateStore {
  list(): IteratorSavedState[]
  get(environmentId: string, endpoint: string, index: string): IteratorSavedState | null
  save(state: Omit<IteratorSavedState, 'updatedAt'>): Promise<void>
}

const keyOf = (environmentId: string, endpoint: string, index: string): string => `${environmentId}\n${endpoint}\n${index}`

export async function openIteratorStateStore(dataDir: string, notices: string[]): Promise<IteratorStateStore> {
  const path = join(dataDir, 'iterator-state.json')
  const states = new Map<string, IteratorSavedState>()
  const read = await readJsonFile(path, FileSchema)
  if (read.kind === 'ok') for (const state of read.value.states) states.set(keyOf(state.environmentId, state.endpoint, state.index), state)
  if (read.kind === 'corrupt') notices.push(`Saved iterator positions were unreadable (${read.reason}); the file was moved to ${read.movedTo}.`)
  // Writes are chained so two runs finishing pages at once cannot interleave renames out of order.
  let chain: Promise<void> = Promise.resolve()
  return {
    list: () => [...states.values()],
    get: (environmentId, endpoint, index) => states.get(keyOf(environmentId, endpoint, index)) ?? null,
    save(state) {
      states.set(keyOf(state.environmentId, state.endpoint, state.index), { ...state, updatedAt: new Date().toISOString() })
      const snapshot = { version: 1 as const, states: [...states.values()] }
      chain = chain.catch(() => undefined).then(() => writeJsonAtomic(path, snapshot))
      return chain
    }
  }
}
