import type { ExportFormat, IteratorStart, IteratorSummary } from '@shared/iterator/iterator-model'
import { AppError } from '@shared/model/errors'
import type { PlatformPort } from '../ports/platform-port'
import type { IteratorListeners, IteratorRunner } from './iterator-runner'

/** Save dialog in main for an export file; only a path chosen here is accepted by startWithExport. */
export async function pickExportPath(iterator: IteratorRunner, platform: PlatformPort, format: ExportFormat, defaultName?: string): Promise<string | null> {
  const path = (await platform.pickSavePath?.('export', defaultName ?? `netskope-export.${format}`)) ?? null
  if (path !== null) iterator.grantExportPath(path)
  return path
}

/** Starts a run; the renderer cannot name arbitrary files, so an export goes only to a path picked in main's dialog. */
export function startWithExport(iterator: IteratorRunner, input: IteratorStart, listeners: IteratorListeners): Promise<IteratorSummary> {
  if (input.export && !iterator.isExportPathGranted(input.export.path)) {
    throw new AppError('INVALID_INPUT', 'Choose the export file with the Export button (save dialog) first.')
  }
  return iterator.start(input, listeners)
}
