import { useEffect, useRef } from 'react'
import './confirm-upload.css'

interface Props {
  files: string[]
  onUpload(): void
  onCancel(): void
}

/**
 * Asks before main uploads local files that a collection (an import, a colleague's folder) names: such a request
 * could otherwise send any file on this disk to its server on the first Send. Enter uploads, Escape cancels.
 */
export function ConfirmUploadDialog({ files, onUpload, onCancel }: Props): React.JSX.Element {
  const uploadRef = useRef<HTMLButtonElement>(null)
  useEffect(() => uploadRef.current?.focus(), [])

  const onKeyDown = (event: React.KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.preventDefault()
      onCancel()
    } else if (event.key === 'Enter' && !(event.target instanceof HTMLButtonElement)) {
      event.preventDefault()
      onUpload()
    } else if (event.key === 'Tab') {
      // Modal: focus cycles between the two buttons instead of reaching the workspace behind the backdrop.
      const buttons = [...event.currentTarget.querySelectorAll('button')]
      const at = buttons.indexOf(document.activeElement as HTMLButtonElement)
      const next = buttons[(at + (event.shiftKey ? buttons.length - 1 : 1)) % buttons.length]
      event.preventDefault()
      next?.focus()
    }
  }

  return (
    <div className="confirm-upload-backdrop">
      <div
        className="confirm-upload"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="confirm-upload-title"
        aria-describedby="confirm-upload-text"
        onKeyDown={onKeyDown}
      >
        <h2 id="confirm-upload-title">Upload {files.length === 1 ? 'this local file' : `these ${files.length} local files`}?</h2>
        <p id="confirm-upload-text">
          The request comes from a collection and sends {files.length === 1 ? 'a file' : 'files'} from this computer to its server. Upload only if you
          trust the collection and expect {files.length === 1 ? 'this file' : 'these files'} to be sent.
        </p>
        <ul className="confirm-upload-files" aria-label="Files to upload">
          {files.map((path) => (
            <li key={path}>
              <code>{path}</code>
            </li>
          ))}
        </ul>
        <div className="confirm-upload-actions">
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="button" className="primary" ref={uploadRef} onClick={onUpload}>
            Upload
          </button>
        </div>
      </div>
    </div>
  )
}
