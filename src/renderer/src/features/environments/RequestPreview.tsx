import { useMemo, useState } from 'react'
import type { Environment } from '@shared/model/environment'
import type { RequestSpec } from '@shared/model/request'
import { previewRequest } from '@shared/templating/preview'
import { PreviewText } from './PreviewText'

interface Props {
  spec: RequestSpec
  environment: Environment | null
}

/**
 * What the next send will look like with the environment's `{{variables}}` resolved (secrets masked, unknown names
 * highlighted). Computed only while open, so a large body costs nothing when the preview is closed.
 */
export function RequestPreview({ spec, environment }: Props): React.JSX.Element {
  const [open, setOpen] = useState(false)
  const preview = useMemo(() => (open ? previewRequest(spec, environment) : null), [open, spec, environment])
  return (
    <details className="request-preview" data-testid="request-preview" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        Preview with variables
        {preview && preview.unknown.length > 0 && (
          <span className="preview-unknown-note" data-testid="preview-unknown-note">
            {' '}
            · unknown: {preview.unknown.map((name) => `{{${name}}}`).join(', ')}
          </span>
        )}
      </summary>
      {preview && (
        <div className="preview-body">
          <div className="preview-url" data-testid="preview-url">
            <strong>{preview.method}</strong> <PreviewText segments={preview.url} />
          </div>
          {preview.headers.map((h, i) => (
            <div key={i} className="preview-line" data-testid="preview-header">
              <PreviewText segments={h.name} />: <PreviewText segments={h.value} />
            </div>
          ))}
          {preview.body?.kind === 'text' && (
            <pre className="preview-text" data-testid="preview-body">
              <PreviewText segments={preview.body.text} />
              {preview.body.truncated && '\n… (preview cut; the whole body is sent)'}
            </pre>
          )}
          {preview.body?.kind === 'lines' &&
            preview.body.lines.map((line, i) => (
              <div key={i} className="preview-line" data-testid="preview-body-field">
                <PreviewText segments={line.name} /> = <PreviewText segments={line.value} />
              </div>
            ))}
        </div>
      )}
    </details>
  )
}
