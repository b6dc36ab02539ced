import './monaco-setup'
import Editor from '@monaco-editor/react'
import type { ColorScheme } from '../ui/useColorScheme'

export interface CodeEditorProps {
  value: string
  language: 'json' | 'plaintext' | 'shell' | 'python' | 'yaml' | 'xml'
  scheme: ColorScheme
  /** Accessible name for the editor's text area. */
  label: string
  /** Distinguishes models (and their undo stacks / markers), e.g. "request-body". */
  path: string
  readOnly?: boolean
  onChange?: (value: string) => void
  /** Number of error markers (e.g. JSON syntax errors) after each validation. */
  onErrorCount?: (count: number) => void
}

/** Monaco, configured for the app. Loaded through LazyCodeEditor so Monaco stays out of the initial bundle. */
export default function CodeEditor(props: CodeEditorProps): React.JSX.Element {
  const { value, language, scheme, label, path, readOnly = false, onChange, onErrorCount } = props
  return (
    <Editor
      value={value}
      language={language}
      path={path}
      theme={scheme === 'dark' ? 'vs-dark' : 'vs'}
      loading={<div className="editor-loading">Loading editor…</div>}
      onChange={(next) => onChange?.(next ?? '')}
      onValidate={(markers) => onErrorCount?.(markers.filter((marker) => marker.severity >= 8).length)}
      options={{
        readOnly,
        ariaLabel: label,
        automaticLayout: true,
        minimap: { enabled: false },
        scrollBeyondLastLine: false,
        fontSize: 13,
        tabSize: 2,
        wordWrap: readOnly ? 'on' : 'off',
        renderValidationDecorations: 'on',
        // Large read-only bodies: skip the expensive per-line features.
        folding: !readOnly || value.length < 2_000_000,
        largeFileOptimizations: true,
        fixedOverflowWidgets: true
      }}
    />
  )
}
