import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react'
import { toSpec, type RequestDraft } from '../request-editor/request-draft'
import { useHistory, type History } from '../history/useHistory'
import { specToDraft } from './spec-to-draft'
import { useCollections, type Collections } from './useCollections'

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
  curlNotice: { kind: 'info' | 'error'; text: string } | null
  dismissCurlNotice(): void
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
  const [curlNotice, setCurlNotice] = useState<Library['curlNotice']>(null)
  const latest = useRef(options)
  useLayoutEffect(() => {
    latest.current = options
  })

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
    // Loaded on first use: the parser (and zod behind its errors) stays out of the initial bundle.
    void import('@shared/collections/curl-import').then(({ looksLikeCurl, parseCurlCommand }) => {
      if (!looksLikeCurl(text)) {
        latest.current.update({ url: text })
        return
      }
      try {
        const imported = parseCurlCommand(text)
        latest.current.update(specToDraft(imported.request))
        const notes = [...imported.warnings]
        if (imported.flags.insecure) notes.push('The command used --insecure: turn TLS verification off in the environment if you really need it.')
        if (imported.credentials.length > 0) {
          notes.push(`It carries credentials (${imported.credentials.map((hit) => hit.name).join(', ')}); consider moving them into the environment's auth.`)
        }
        setCurlNotice({ kind: 'info', text: `Imported the cURL command.${notes.length ? ' ' + notes.join(' ') : ''}` })
      } catch (error) {
        // Not a command we can read: keep the text in the URL bar so nothing the user pasted is lost.
        latest.current.update({ url: text })
        setCurlNotice({ kind: 'error', text: error instanceof Error ? error.message : 'The cURL command could not be imported.' })
      }
    })
  }, [])

  return {
    collections,
    history,
    saveFormOpen,
    onUrl,
    curlNotice,
    dismissCurlNotice: () => setCurlNotice(null),
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
      void history.get(id).then((entry) => {
        if (!entry) return
        collections.forget()
        latest.current.update(specToDraft(entry.spec))
      })
    }
  }
}
