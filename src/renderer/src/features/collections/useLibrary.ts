import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react'
import { toSpec, type RequestDraft } from '../request-editor/request-draft'
import { useHistory, type History } from '../history/useHistory'
import { specToDraft } from './spec-to-draft'
import { useCollections, type Collections } from './useCollections'
import { useCurlPaste, type CurlPaste } from './useCurlPaste'
import { showOpenedResponse } from '../../store/opened-response'

interface Options {
  update(patch: Partial<RequestDraft>): void
  current(): RequestDraft
  environmentId: string | null
  operationId: string | null
  /** Changes after each send, so history reloads. */
  sendState: unknown
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

/** Collections, history and cURL import, wired to the request editor's draft. Ctrl+S / ⌘+S saves. */
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

  const save = useCallback(() => {
    if (collections.current) void collections.save(draftToSave())
    else setSaveFormOpen(true)
  }, [collections, draftToSave])

  const saveRef = useRef(save)
  useLayoutEffect(() => {
    saveRef.current = save
  })
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 's') {
        event.preventDefault()
        event.stopPropagation()
        saveRef.current()
      }
    }
    window.addEventListener('keydown', onKeyDown, true)
    return () => window.removeEventListener('keydown', onKeyDown, true)
  }, [])

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
      void collections.save(draftToSave(), { folder, name }).then((ok) => ok && setSaveFormOpen(false))
    },
    closeSaveForm: () => setSaveFormOpen(false),
    suggestedName() {
      const draft = latest.current.current()
      const path = draft.url.replace(/^[a-z]+:\/\/[^/]+/i, '').split('?')[0] ?? ''
      return `${draft.method} ${path || '/'}`.slice(0, 200)
    },
    openSaved(folder, path) {
      void collections.openRequest(folder, path).then((spec) => spec && latest.current.update(specToDraft(spec)))
    },
    exportHar: (folder, path) => collections.exportHar(folder, path, latest.current.environmentId),
    openHistory(id) {
      void history.open(id).then((entry) => {
        if (!entry) return
        collections.forget()
        latest.current.update(specToDraft(entry.spec))
        // The stored response is shown with it, never the previous send's (see store/opened-response.ts).
        showOpenedResponse(entry.result ? { result: entry.result, error: null } : { result: null, error: entry.error ?? { code: 'NOT_FOUND', message: 'No response was stored.' } })
      })
    }
  }
}
