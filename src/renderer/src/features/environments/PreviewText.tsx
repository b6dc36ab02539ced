import type { PreviewSegment } from '@shared/templating/preview'

/** Resolved text with its variables marked: values underlined, secrets masked, unknown names highlighted. */
export function PreviewText({ segments }: { segments: readonly PreviewSegment[] }): React.JSX.Element {
  return (
    <>
      {segments.map((s, i) => {
        if (s.kind === 'text') return s.text
        if (s.kind === 'var') {
          return (
            <span key={i} className="preview-var" title={`{{${s.name}}}`}>
              {s.text}
            </span>
          )
        }
        if (s.kind === 'secret') {
          return (
            <span key={i} className="preview-secret" data-testid="preview-secret" title="Secret from the vault, inserted by main when sending">
              {`•••• secret.${s.name}`}
            </span>
          )
        }
        if (s.kind === 'secret-var') {
          return (
            <span key={i} className="preview-secret" data-testid="preview-secret" title="Secret variable from the vault, inserted by main when sending">
              {`•••• ${s.name}`}
            </span>
          )
        }
        return (
          <mark key={i} className="preview-unknown" data-testid="preview-unknown" title="Unknown variable: define it in Environments > Variables">
            {`{{${s.name}}}`}
          </mark>
        )
      })}
    </>
  )
}
