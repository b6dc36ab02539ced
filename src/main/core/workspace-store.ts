import { AppError } from '@shared/model/errors'
import { EMPTY_WORKSPACE, WorkspaceSchema, type Workspace } from '@shared/model/workspace'
import { openState, type OpenStateFile } from './storage/state-file'
import { openConfStateFile } from './storage/conf-state-file'

export interface WorkspaceStore {
  get(): Workspace
  /** Saves the whole workspace; returns its size in bytes. */
  save(workspace: Workspace): number
}

/** The format of workspace.json; a migration per change of it goes into the `migrations` below. */
const WORKSPACE_VERSION = '1.0.0'
/**
 * Saved on every edit (debounced) and written synchronously by the engine, so it is kept small: drafts with huge
 * bodies belong in a collection, not in the tab strip.
 */
export const MAX_WORKSPACE_BYTES = 8 * 1024 * 1024

/** Open tabs and layout in `<dataDir>/workspace.json`, kept like settings.json (src/main/core/settings-store.ts). */
export async function openWorkspaceStore(dataDir: string, notices: string[], open: OpenStateFile = openConfStateFile): Promise<WorkspaceStore> {
  const state = await openState(open, { cwd: dataDir, name: 'workspace', version: WORKSPACE_VERSION, schema: WorkspaceSchema, defaults: EMPTY_WORKSPACE, what: 'Workspace file (open tabs and layout)' }, notices)
  return {
    get: () => state.get(),
    save(workspace) {
      const bytes = Buffer.byteLength(JSON.stringify(workspace))
      if (bytes > MAX_WORKSPACE_BYTES) {
        throw new AppError('INVALID_INPUT', `The open tabs are ${Math.ceil(bytes / 1048576)} MB, more than the ${MAX_WORKSPACE_BYTES / 1048576} MB the workspace keeps.`, 'Save large requests to a collection and close their tabs.')
      }
      state.set(workspace)
      return bytes
    }
  }
}
