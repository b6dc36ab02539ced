import { describe, expect, it } from 'vitest'
import { createTabsStore, isUnsaved, toWorkspace } from '../../../src/renderer/src/store/tabs-store'
import { startWorkspaceSync } from '../../../src/renderer/src/store/workspace-sync'
import { WorkspaceSchema, type Workspace } from '../../../src/shared/model/workspace'
import type { RequestSpec } from '../../../src/shared/model/request'

const get = (url: string): RequestSpec => ({ method: 'GET', url, query: [], headers: [], body: { kind: 'none' } })
const op = (operationId: string) => ({ kind: 'operation', operationId }) as const

describe('request tabs', () => {
  it('opening the same operation again focuses its tab and never overwrites its edits', () => {
    const store = createTabsStore()
    const first = store.getState().open(op('alerts'), 'Alerts', get('/alerts'), 'env-1')
    store.getState().update(first.id, get('/alerts?limit=5'))
    store.getState().open(op('users'), 'Users', get('/users'), 'env-1')
    const again = store.getState().open(op('alerts'), 'Alerts', get('/alerts'), 'env-1')
    expect(again).toEqual({ id: first.id, existed: true })
    const state = store.getState()
    expect(state.activeTabId).toBe(first.id)
    expect(state.tabs.map((tab) => tab.title)).toEqual(['Alerts', 'Users'])
    expect(state.tabs[0]?.request.url).toBe('/alerts?limit=5')
  })

  it('marks a tab unsaved while it differs from what it was opened or saved as', () => {
    const store = createTabsStore()
    const { id } = store.getState().open({ kind: 'saved', folder: '/c', path: 'a.json', id: 'r1', name: 'A' }, 'A', get('/a'), null)
    const tab = (wanted = id) => {
      const found = store.getState().tabs.find((candidate) => candidate.id === wanted)
      if (!found) throw new Error(`no tab ${wanted}`)
      return found
    }
    expect(isUnsaved(tab())).toBe(false)
    store.getState().update(id, get('/a?x=1'))
    expect(isUnsaved(tab())).toBe(true)
    store.getState().markSaved(id, get('/a?x=1'), { kind: 'saved', folder: '/c', path: 'a.json', id: 'r1', name: 'A' }, 'A')
    expect(isUnsaved(tab())).toBe(false)
    const blank = store.getState().openBlank(null)
    expect(isUnsaved(tab(blank))).toBe(false)
  })

  it('new tabs open after the active one; closing focuses the right neighbour, else the left; the last leaves a blank', () => {
    const store = createTabsStore()
    const a = store.getState().openBlank(null)
    const b = store.getState().openBlank(null)
    store.getState().activate(a)
    const c = store.getState().openBlank(null)
    expect(store.getState().tabs.map((tab) => tab.id)).toEqual([a, c, b])
    store.getState().close(c)
    expect(store.getState().activeTabId).toBe(b)
    store.getState().close(b)
    expect(store.getState().activeTabId).toBe(a)
    store.getState().close(a)
    expect(store.getState().tabs).toHaveLength(1)
    expect(store.getState().tabs[0]?.origin).toEqual({ kind: 'blank' })
  })

  it('Ctrl+Tab cycles and wraps; drag moves a tab to an index', () => {
    const store = createTabsStore()
    const ids = [store.getState().openBlank(null), store.getState().openBlank(null), store.getState().openBlank(null)]
    store.getState().cycle(1)
    expect(store.getState().activeTabId).toBe(ids[0])
    store.getState().cycle(-1)
    expect(store.getState().activeTabId).toBe(ids[2])
    store.getState().move(ids[2] ?? '', 0)
    expect(store.getState().tabs.map((tab) => tab.id)).toEqual([ids[2], ids[0], ids[1]])
  })

  it('what it saves is a valid workspace, and a restore brings back tabs, the active one and the layout', () => {
    const store = createTabsStore()
    const { id } = store.getState().open(op('alerts'), 'Alerts', get('/alerts'), 'env-1')
    store.getState().setLayout('sidebarView', 'history')
    const saved = WorkspaceSchema.parse(toWorkspace(store.getState()))
    const restored = createTabsStore()
    restored.getState().hydrate(saved)
    expect(restored.getState().activeTabId).toBe(id)
    expect(restored.getState().tabs[0]?.title).toBe('Alerts')
    expect(restored.getState().layout).toEqual({ sidebarView: 'history' })
  })
})

describe('workspace sync', () => {
  it('restores, then saves once per burst of changes, and flush writes a pending change at once', async () => {
    const saved: Workspace[] = []
    const store = createTabsStore()
    const sync = await startWorkspaceSync(
      store,
      { load: async () => ({ tabs: [], activeTabId: null, layout: { sidebarCollapsed: true } }), save: async (workspace) => saved.push(workspace), onError: () => undefined },
      20
    )
    expect(store.getState().tabs).toHaveLength(1)
    expect(store.getState().layout).toEqual({ sidebarCollapsed: true })
    const id = store.getState().openBlank(null)
    for (let i = 0; i < 5; i++) store.getState().update(id, get(`/typed-${i}`))
    await new Promise((resolve) => setTimeout(resolve, 80))
    expect(saved).toHaveLength(1)
    expect(saved[0]?.tabs.find((tab) => tab.id === id)?.request.url).toBe('/typed-4')
    store.getState().update(id, get('/last'))
    await sync.flush()
    expect(saved.at(-1)?.tabs.find((tab) => tab.id === id)?.request.url).toBe('/last')
    sync.stop()
  })

  it('a failed save is reported and retried with the next change', async () => {
    const errors: string[] = []
    let fail = true
    const saved: Workspace[] = []
    const store = createTabsStore()
    const sync = await startWorkspaceSync(
      store,
      {
        load: async () => ({ tabs: [], activeTabId: null, layout: {} }),
        save: async (workspace) => {
          if (fail) throw new Error('disk full')
          saved.push(workspace)
        },
        onError: (message) => errors.push(message)
      },
      1
    )
    store.getState().openBlank(null)
    await sync.flush()
    expect(errors).toEqual(['The open tabs could not be saved: disk full'])
    fail = false
    store.getState().setLayout('x', 1)
    await sync.flush()
    expect(saved).toHaveLength(1)
    sync.stop()
  })
})
