import type { SnippetLanguage } from '@shared/snippets'
import { writeTextAtomic } from '../storage/json-file'

/**
 * Saves a snippet where the user chose. It may hold secrets inlined at the user's request, so it is private to the
 * user: 0600, or 0700 for the cURL script (it is meant to be run directly). Written atomically: a temp file in the
 * same folder, created with that mode, renamed over the target, so a replaced file never keeps its old mode.
 */
export function saveSnippetFile(path: string, code: string, language: SnippetLanguage): Promise<void> {
  return writeTextAtomic(path, code.endsWith('\n') ? code : `${code}\n`, language === 'curl' ? 0o700 : 0o600)
}
