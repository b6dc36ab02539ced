import { lazy, Suspense } from 'react'
import type { CodeEditorProps } from './CodeEditor'
import { ErrorBoundary } from '../ui/ErrorBoundary'

const CodeEditor = lazy(() => import('./CodeEditor'))

/** Monaco in its own chunk, fetched the first time an editor is shown; a failure stays inside the editor box. */
export function LazyCodeEditor(props: CodeEditorProps & { testId: string }): React.JSX.Element {
  const { testId, ...editorProps } = props
  return (
    <div className="code-editor" data-testid={testId}>
      <ErrorBoundary area="editor">
        <Suspense fallback={<div className="editor-loading">Loading editor…</div>}>
          <CodeEditor {...editorProps} />
        </Suspense>
      </ErrorBoundary>
    </div>
  )
}
