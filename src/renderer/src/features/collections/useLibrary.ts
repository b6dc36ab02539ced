import { useCallback, useLayoutEffect, useRef, useState } from 'react'
import { toSpec, type RequestDraft } from '../request-editor/request-draft'
import { useHistory, type History } from '../history/useHistory'
import type { RequestSpec } from '@shared/model/request'
import type { TabOrigin } from '@shared/model/workspace'
import { useCollections, type Collections, type CurrentSaved } from './useCollections'
import { useCurlPaste, type CurlPaste } from './useCurlPaste'
import type { OpenedResponse } from '../../store/opened-response'

interface Options {
  /** The active tab's draft. */
  update(patch: Partial<RequestDraft>): void
  current(): RequestDraft
  environmentId: string | null
  operationId: string | null
  /** Changes after each send, so history reloads. */
  sendState: unknown
  /** A saved request or history entry was opened: it gets its own tab (or focuses the one showing it). */
  onOpen(origin: TabOrigin, title: string, spec: RequestSpec, opened?: OpenedResponse): void
  /** The active tab's request was saved as this. */
  onSaved(saved: CurrentSaved, spec: RequestSpec): void
}

export interface Library {
  collections: Collections
  history: History
  saveFormOpen: boolean
  /** What the URL bar's onChange should call: a pasted cURL command is imported, anything else is the URL. */
  onUrl(text: string): void
  /** The pasted cURL command's outcome, and its held credentials' "Move to vault" / "Discard". */
  curl: CurlPaste
  /** Whether an environment is selected (the vault that "Move to vault" writes to). */
  hasEnvironment: boolean
  save(): void
  saveAs(): void
  saveInto(folder: string, name: string): void
  closeSaveForm(): void
  suggestedName(): string
  openSaved(folder: string, path: string): void
  openHistory(id: string): void
  exportHar(folder: string, path: string): void
}

const CURL_PREFIX = /^\s*curl(\.exe)?(\s|$)/i

/** Collections, history and cURL import, wired to the active tab's draft. save() is Ctrl+S (ui/keymap.ts). */
export function useLibrary(options: Options): Library {
  const collections = useCollections()
  const history = useHistory(options.sendState)
  const [saveFormOpen, setSaveFormOpen] = useState(false)
  const latest = useRef(options)
  useLayoutEffect(() => {
    latest.current = options
  })
  const updateDraft = useCallback((patch: Partial<RequestDraft>) => latest.current.update(patch), [])
  const selectedEnvironment = useCallback(() => latest.current.environmentId, [])
  const curl = useCurlPaste(updateDraft, selectedEnvironment)
  const { importCommand } = curl

  const draftToSave = useCallback(() => {
    const { current, environmentId, operationId } = latest.current
    return { spec: toSpec(current()), environmentId, operationId }
  }, [])

  const saved = useCallback((done: CurrentSaved | null, spec: RequestSpec): boolean => {
    if (done) latest.current.onSaved(done, spec)
    return done !== null
  }, [])

  const save = useCallback(() => {
    if (!collections.current) {
      setSaveFormOpen(true)
      return
    }
    const draft = draftToSave()
    void collections.save(draft).then((done) => saved(done, draft.spec))
  }, [collections, draftToSave, saved])

  const onUrl = useCallback((text: string) => {
    if (!CURL_PREFIX.test(text)) {
      latest.current.update({ url: text })
      return
    }
    importCommand(text, () => latest.current.update({ url: text }))
  }, [importCommand])

  return {
    collections,
    history,
    saveFormOpen,
    onUrl,
    curl,
    hasEnvironment: options.environmentId !== null,
    save,
    saveAs: () => setSaveFormOpen(true),
    saveInto(folder, name) {
      const draft = draftToSave()
      void collections.save(draft, { folder, name }).then((done) => saved(done, draft.spec) && setSaveFormOpen(false))
    },
    closeSaveForm: () => setSaveFormOpen(false),
    suggestedName() {
      const draft = latest.current.current()
      const path = draft.url.replace(/^[a-z]+:\/\/[^/]+/i, '').split('?')[0] ?? ''
      return `${draft.method} ${path || '/'}`.slice(0, 200)
    },
    openSaved(folder, path) {
      void collections.openRequest(folder, path).then((opened) => {
        if (!opened) return
        const { saved } = opened
        latest.current.onOpen({ kind: 'saved', folder, path, id: saved.id, name: saved.name }, saved.name, opened.spec)
      })
    },
    exportHar: (folder, path) => collections.exportHar(folder, path, latest.current.environmentId),
    openHistory(id) {
      void history.open(id).then((entry) => {
        if (!entry) return
        // The stored response is shown with it, never the previous send's (see store/opened-response.ts).
        const opened = entry.result ? { result: entry.result, error: null } : { result: null, error: entry.error ?? { code: 'NOT_FOUND', message: 'No response was stored.' } }
        const path = entry.spec.url.replace(/^[a-z]+:\/\/[^/]+/i, '').split('?')[0] || '/'
        latest.current.onOpen({ kind: 'history', entryId: id }, `${entry.spec.method} ${path}`, entry.spec, opened)
      })
    }
  }
}
