import { useCallback, useState } from 'react'
import type { RequestDraft } from '../request-editor/request-draft'
import { call, toErrorShape } from '../../api/client'
import { specToDraft } from './spec-to-draft'

/** Outcome of a pasted cURL command; `secrets` while its credentials wait in main for "Move to vault" or "Discard". */
export interface CurlNoticeState {
  kind: 'info' | 'error'
  text: string
  secrets?: { id: string; labels: string[] }
}

export interface CurlPaste {
  notice: CurlNoticeState | null
  /** Imports `text` in main (the credentials stay there); the draft gets `{{secret.NAME}}` in their place. */
  importCommand(text: string, onUnreadable: () => void): void
  /** Stores the held credentials as secrets of the selected environment. */
  moveToVault(): void
  discard(): void
  dismiss(): void
}

const message = (error: unknown): string => toErrorShape(error).message

/** cURL import for the URL bar: parsed in main, so the renderer never holds the command's credentials. */
export function useCurlPaste(update: (patch: Partial<RequestDraft>) => void, environmentId: () => string | null): CurlPaste {
  const [notice, setNotice] = useState<CurlNoticeState | null>(null)

  const importCommand = useCallback((text: string, onUnreadable: () => void) => {
    call('curl:import', { text })
      .then((imported) => {
        update(specToDraft(imported.request))
        const notes = [...imported.warnings]
        if (imported.flags.insecure) notes.push('The command used --insecure: turn TLS verification off in the environment if you really need it.')
        const labels = imported.secrets.map((s) => `${s.label} → {{secret.${s.name}}}`)
        if (labels.length > 0) notes.push(`Its credentials were replaced by vault references: ${labels.join('; ')}.`)
        const text = `Imported the cURL command.${notes.length ? ' ' + notes.join(' ') : ''}`
        setNotice(imported.secretsId === null ? { kind: 'info', text } : { kind: 'info', text, secrets: { id: imported.secretsId, labels } })
      })
      .catch((error: unknown) => {
        // Not a command we can read: keep the text in the URL bar so nothing the user pasted is lost.
        onUnreadable()
        setNotice({ kind: 'error', text: message(error) })
      })
  }, [update])

  const moveToVault = useCallback(() => {
    const secretsId = notice?.secrets?.id
    const target = environmentId()
    if (secretsId === undefined || target === null) return
    call('curl:store-secrets', { secretsId, environmentId: target })
      .then(({ stored }) => setNotice({ kind: 'info', text: `Stored ${stored.join(', ')} in the vault of the selected environment.` }))
      .catch((error: unknown) => setNotice({ kind: 'error', text: `The credentials could not be stored: ${message(error)}` }))
  }, [notice, environmentId])

  const discard = useCallback(() => {
    const secretsId = notice?.secrets?.id
    if (secretsId === undefined) return
    void call('curl:discard-secrets', { secretsId }).catch(() => undefined)
    setNotice({ kind: 'info', text: 'The credentials were not stored; set the {{secret.…}} values in the environment before sending.' })
  }, [notice])

  const dismiss = useCallback(() => {
    if (notice?.secrets) void call('curl:discard-secrets', { secretsId: notice.secrets.id }).catch(() => undefined)
    setNotice(null)
  }, [notice])

  return { notice, importCommand, moveToVault, discard, dismiss }
}
