import { useEffect, useState } from 'react'
import type { CommandOutput } from '@shared/ipc/contract'
import type { RequestSpec } from '@shared/model/request'
import { call, toErrorShape } from '../../api/client'

export type SnippetLanguage = 'python' | 'curl'
export type Snippet = CommandOutput<'snippet:generate'>

export type SnippetState = { status: 'loading' } | { status: 'ready'; snippet: Snippet } | { status: 'error'; message: string }

/** Asks main for the snippet (it resolves variables and auth, and reads the vault only when inlining). */
export function useSnippet(spec: RequestSpec, environmentId: string | null, language: SnippetLanguage, inlineSecrets: boolean): SnippetState {
  const [state, setState] = useState<SnippetState>({ status: 'loading' })
  const key = JSON.stringify(spec)
  useEffect(() => {
    let live = true
    // Typing in the editor changes the spec on every keystroke: wait for a pause before asking main.
    const timer = setTimeout(() => {
      call('snippet:generate', { spec: JSON.parse(key) as RequestSpec, environmentId, language, inlineSecrets })
        .then((snippet) => live && setState({ status: 'ready', snippet }))
        .catch((error: unknown) => live && setState({ status: 'error', message: toErrorShape(error).message }))
    }, 200)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [key, environmentId, language, inlineSecrets])
  return state
}
