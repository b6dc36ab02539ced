/** Selected history entries written as one HAR 1.2 file at a path the user chose in the host's save dialog. */
import { historyToHar } from '@shared/collections/history-har'
import type { HistoryEntry, HistoryPage } from '@shared/collections/history-entry'
import { AppError } from '@shared/model/errors'
import type { HostDialogs } from '../ports/platform-port'
import type { EnvironmentRepository } from '../environments'
import { writeTextAtomic } from '../storage/json-file'
import type { History } from './history-client'

export interface HistoryHarResult {
  /** null when the save dialog was cancelled. */
  path: string | null
  entries: number
  warnings: string[]
}

export async function exportHistoryHar(
  history: Pick<History, 'get'>,
  dialogs: Pick<HostDialogs, 'pickSavePath'>,
  ids: readonly string[],
  creator: { name: string; version: string },
  now: Date = new Date()
): Promise<HistoryHarResult> {
  const entries: HistoryEntry[] = []
  const warnings: string[] = []
  for (const id of new Set(ids)) {
    try {
      entries.push(await history.get(id))
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'NOT_FOUND') throw error
      warnings.push(error.message)
    }
  }
  if (entries.length === 0) throw new AppError('NOT_FOUND', 'None of the selected history entries exists any more.', 'Select entries again.')
  const target = await dialogs.pickSavePath('export', `history-${now.toISOString().slice(0, 10)}.har`)
  if (target === null) return { path: null, entries: 0, warnings: [] }
  await writeTextAtomic(target, JSON.stringify(historyToHar(entries, creator), null, 2) + '\n')
  return { path: target, entries: entries.length, warnings }
}

/** Each summary with its environment's current name (null without one, or once it was deleted). */
export function withEnvironmentNames(page: HistoryPage, environments: Pick<EnvironmentRepository, 'list'>): HistoryPage {
  const names = new Map(environments.list().map((environment) => [environment.id, environment.name]))
  return {
    total: page.total,
    items: page.items.map((item) => ({ ...item, environmentName: item.environmentId === null ? null : (names.get(item.environmentId) ?? null) }))
  }
}
