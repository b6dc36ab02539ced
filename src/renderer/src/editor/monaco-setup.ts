/**
 * Monaco, trimmed to what the app uses: the core editor API, editor contributions, the JSON language service
 * (diagnostics in a worker) and the tokenizers for the snippet languages. Importing the 'monaco-editor' entry
 * would pull in ~80 languages and the TypeScript/CSS/HTML services. (Monaco 0.57's JSON mode imports every
 * editor contribution itself, so the list below is about being explicit, not about size.)
 *
 * Workers are inlined (`?worker&inline` -> blob: URL) because a file:// page cannot start a worker from a file
 * URL; the CSP allows `worker-src blob:`. This module is only reached through React.lazy, so none of it is in the
 * initial bundle.
 */
import * as monaco from 'monaco-editor/editor/editor.api'
import { loader } from '@monaco-editor/react'
import EditorWorker from 'monaco-editor/editor/editor.worker?worker&inline'
import JsonWorker from 'monaco-editor/language/json/json.worker?worker&inline'

// CSS files are not reachable through the package's exports map; features/codicon pulls in the icon font CSS.
import 'monaco-editor/features/codicon/register'
import 'monaco-editor/editor/browser/coreCommands'
import 'monaco-editor/editor/browser/widget/codeEditor/codeEditorWidget'
import 'monaco-editor/editor/contrib/bracketMatching/browser/bracketMatching'
import 'monaco-editor/editor/contrib/clipboard/browser/clipboard'
import 'monaco-editor/editor/contrib/contextmenu/browser/contextmenu'
import 'monaco-editor/editor/contrib/cursorUndo/browser/cursorUndo'
import 'monaco-editor/editor/contrib/folding/browser/folding'
import 'monaco-editor/editor/contrib/format/browser/formatActions'
import 'monaco-editor/editor/contrib/gotoError/browser/gotoError'
import 'monaco-editor/editor/contrib/hover/browser/hoverContribution'
import 'monaco-editor/editor/contrib/linesOperations/browser/linesOperations'
import 'monaco-editor/editor/contrib/multicursor/browser/multicursor'
import 'monaco-editor/editor/contrib/readOnlyMessage/browser/contribution'
import 'monaco-editor/editor/contrib/suggest/browser/suggestController'
import 'monaco-editor/editor/contrib/wordOperations/browser/wordOperations'
import 'monaco-editor/features/find/register'
import 'monaco-editor/editor/common/standaloneStrings'

import 'monaco-editor/language/json/monaco.contribution'
import 'monaco-editor/languages/definitions/shell/register'
import 'monaco-editor/languages/definitions/python/register'
import 'monaco-editor/languages/definitions/yaml/register'
import 'monaco-editor/languages/definitions/xml/register'

type MonacoApi = typeof monaco

interface MonacoEnvironmentHost {
  MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker }
}

;(self as unknown as MonacoEnvironmentHost).MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    return label === 'json' ? new JsonWorker() : new EditorWorker()
  }
}

// Must run before the first <Editor> renders, or @monaco-editor/react fetches Monaco from a CDN (blocked by CSP).
// The loader's type names the full 'monaco-editor' namespace; editor.api is the same runtime object minus languages.
loader.config({ monaco: monaco as unknown as Parameters<typeof loader.config>[0]['monaco'] })

export { monaco }
export type { MonacoApi }
