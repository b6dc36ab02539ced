import { curlSnippet } from './curl'
import { planRequest } from './plan'
import { pythonSnippet } from './python'
import type { SnippetInput, SnippetLanguage } from './types'

export type { SnippetInput, SnippetLanguage } from './types'

/**
 * A snippet that sends exactly what the app would send for `input`: Python (requests) or cURL (POSIX sh).
 * Pure: no I/O, safe to call from the renderer. Throws AppError (INVALID_URL, UNSUPPORTED_SCHEME, INVALID_INPUT)
 * when the request cannot be expressed.
 */
export function generateSnippet(input: SnippetInput, language: SnippetLanguage): string {
  const plan = planRequest(input)
  return language === 'python' ? pythonSnippet(input, plan) : curlSnippet(input, plan)
}
