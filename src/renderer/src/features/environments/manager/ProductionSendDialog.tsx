import type { PendingProductionSend } from './useProductionGuard'
import { useModalDialog } from './useModalDialog'
import './environments-manager.css'

interface Props {
  pending: PendingProductionSend
  onConfirm(): void
  onCancel(): void
}

/** Asks before a request that can change data goes to an environment marked production. Cancel has the focus. */
export function ProductionSendDialog({ pending, onConfirm, onCancel }: Props): React.JSX.Element {
  const ref = useModalDialog(onCancel)
  const { spec, environment } = pending
  return (
    <dialog ref={ref} className="env-modal production-confirm" data-testid="production-confirm" aria-labelledby="production-confirm-title">
      <h2 id="production-confirm-title">Send to production?</h2>
      <p>
        <strong>{spec.method.toUpperCase()}</strong> <code className="production-confirm-url">{spec.url}</code> goes to{' '}
        <strong>{environment.name}</strong>, an environment marked production. It may change live data.
      </p>
      <div className="env-modal-actions">
        <button type="button" autoFocus onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="danger" onClick={onConfirm}>
          Send to production
        </button>
      </div>
    </dialog>
  )
}
