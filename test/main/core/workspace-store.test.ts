import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { z } from 'zod'
import { describe, expect, it } from 'vitest'
import { MAX_WORKSPACE_BYTES, openWorkspaceStore } from '../../../src/main/core/workspace-store'
import { openState } from '../../../src/main/core/storage/state-file'
import { openConfStateFile } from '../../../src/main/core/storage/conf-state-file'
import type { Workspace } from '../../../src/shared/model/workspace'

const fresh = (): Promise<string> => mkdtemp(join(tmpdir(), 'workspace-'))

const workspace: Workspace = {
  tabs: [
    {
      id: 'tab-1',
      title: 'List alerts',
      request: { method: 'GET', url: '{{baseUrl}}/api/v2/events/data/alert?limit=10', query: [], headers: [{ name: 'Accept', value: 'application/json', enabled: true }], body: { kind: 'none' } },
      environmentId: 'sandbox-netskope',
      origin: { kind: 'operation', operationId: 'netskope:getAlerts' },
      baseline: null
    }
  ],
  activeTabId: 'tab-1',
  layout: { sidebarView: 'history', 'split.main': [30, 70], sidebarCollapsed: false }
}

describe('workspace store (workspace.json on conf, as electron-store keeps it in the app)', () => {
  it('round-trips tabs and layout through a reopen', async () => {
    const dir = await fresh()
    const store = await openWorkspaceStore(dir, [])
    expect(store.get()).toEqual({ tabs: [], activeTabId: null, layout: {} })
    expect(store.save(workspace)).toBeGreaterThan(100)
    const notices: string[] = []
    const reopened = await openWorkspaceStore(dir, notices)
    expect(notices).toEqual([])
    expect(reopened.get()).toEqual(workspace)
    // The file is the workspace plus conf's migration bookkeeping, readable by the user.
    const onDisk = JSON.parse(await readFile(join(dir, 'workspace.json'), 'utf8')) as Record<string, unknown>
    expect(onDisk).toMatchObject({ activeTabId: 'tab-1', __internal__: { migrations: { version: '1.0.0' } } })
  })

  it('moves a file that is not JSON aside, reports it, and starts empty', async () => {
    const dir = await fresh()
    await writeFile(join(dir, 'workspace.json'), '{"tabs": [', 'utf8')
    const notices: string[] = []
    const store = await openWorkspaceStore(dir, notices)
    expect(store.get().tabs).toEqual([])
    expect(notices).toEqual([expect.stringMatching(/^Workspace file \(open tabs and layout\) was unreadable \(not valid JSON.*moved to .*workspace\.json\.corrupt-/)])
    const names = await readdir(dir)
    expect(names.filter((name) => name.startsWith('workspace.json.corrupt-'))).toHaveLength(1)
    expect(await readFile(join(dir, names.find((name) => name.startsWith('workspace.json.corrupt-')) ?? ''), 'utf8')).toBe('{"tabs": [')
  })

  it('moves a file that fails the schema aside too (a tab without its request)', async () => {
    const dir = await fresh()
    await writeFile(join(dir, 'workspace.json'), JSON.stringify({ tabs: [{ id: 'x', title: 't' }] }), 'utf8')
    const notices: string[] = []
    const store = await openWorkspaceStore(dir, notices)
    expect(store.get().tabs).toEqual([])
    expect(notices[0]).toMatch(/tabs\.0\.request/)
  })

  it('refuses a workspace over its size cap with a message that says what to do', async () => {
    const store = await openWorkspaceStore(await fresh(), [])
    const big = 'x'.repeat(MAX_WORKSPACE_BYTES)
    const first = workspace.tabs[0]
    if (!first) throw new Error('no tab')
    expect(() => store.save({ ...workspace, tabs: [{ ...first, request: { ...first.request, body: { kind: 'text', text: big } } }] })).toThrow(/Save large requests to a collection|MB/)
    expect(store.get()).toEqual({ tabs: [], activeTabId: null, layout: {} })
  })

  it('runs a migration once when the format version goes up (conf migrations, recorded in the file)', async () => {
    const dir = await fresh()
    const v1 = z.object({ theme: z.string().default('system') })
    const first = await openState(openConfStateFile, { cwd: dir, name: 'state', version: '1.0.0', schema: v1, defaults: { theme: 'system' }, what: 'State' }, [])
    first.set({ theme: 'dark' })
    const v2 = z.object({ colorScheme: z.string() })
    let runs = 0
    const migrations = {
      '2.0.0': (store: { get(key: string): unknown; set(key: string, value: unknown): void; delete(key: string): void }) => {
        runs++
        store.set('colorScheme', store.get('theme'))
        store.delete('theme')
      }
    }
    const spec = { cwd: dir, name: 'state', version: '2.0.0', migrations, schema: v2, defaults: { colorScheme: 'system' }, what: 'State' }
    const notices: string[] = []
    expect((await openState(openConfStateFile, spec, notices)).get()).toEqual({ colorScheme: 'dark' })
    expect((await openState(openConfStateFile, spec, notices)).get()).toEqual({ colorScheme: 'dark' })
    expect(runs).toBe(1)
    expect(notices).toEqual([])
  })
})
