import type { Environments } from '../useEnvironments'
import { EnvironmentDetails } from './EnvironmentDetails'
import { EnvironmentList } from './EnvironmentList'
import { InlineConfirm } from '../../../ui/InlineConfirm'
import { useEnvironmentManager } from './useEnvironmentManager'
import { useModalDialog } from './useModalDialog'
import './environments-manager.css'

/** Every environment in one place: the list on the left, the open one's settings, variables and auth on the right. */
export function EnvironmentsDialog({ environments, onClose }: { environments: Environments; onClose(): void }): React.JSX.Element {
  const ref = useModalDialog(onClose)
  const manager = useEnvironmentManager(environments)
  const open = environments.list.find((environment) => environment.id === manager.openId) ?? null
  const { asking } = manager

  return (
    <dialog ref={ref} className="env-modal env-manager" data-testid="env-manager" aria-labelledby="env-manager-title">
      <header className="env-manager-header">
        <h2 id="env-manager-title">Environments</h2>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </header>
      <div className="env-manager-body">
        <EnvironmentList list={environments.list} openId={manager.openId} activeId={environments.selectedId} onOpen={manager.open} onCreate={manager.create} onImport={manager.importPostman} />
        <div className="env-manager-main">
          {manager.message && (
            <p data-testid="env-manager-message" className={manager.message.error ? 'inline-error' : 'env-message'} role={manager.message.error ? 'alert' : 'status'}>
              {manager.message.text}
            </p>
          )}
          {asking?.kind === 'delete' && (
            <InlineConfirm
              text={<>Delete “{asking.environment.name}”? Its stored secrets and any login session are deleted too. This cannot be undone.</>}
              choices={[{ label: 'Delete environment', danger: true, onChoose: manager.remove }]}
              onCancel={manager.cancel}
            />
          )}
          {asking?.kind === 'duplicate' && (
            <InlineConfirm
              text={
                asking.storedSecrets > 0
                  ? <>Duplicate “{asking.environment.name}”. It has {asking.storedSecrets} stored secret(s) (credentials, secret variables): copy them into the duplicate too?</>
                  : <>Duplicate “{asking.environment.name}”? It has no stored secrets.</>
              }
              choices={[
                { label: 'Duplicate without secrets', onChoose: () => manager.duplicate(false) },
                ...(asking.storedSecrets > 0 ? [{ label: 'Copy secrets too', onChoose: () => manager.duplicate(true) }] : [])
              ]}
              onCancel={manager.cancel}
            />
          )}
          {asking?.kind === 'imported-secrets' && (
            <InlineConfirm
              text={<>The file has {asking.names.length} value(s) that look secret ({asking.names.join(', ')}). Store them in the vault as secret variables of “{asking.environment.name}”?</>}
              choices={[{ label: 'Store in vault', onChoose: () => manager.storeImported(true) }]}
              onCancel={manager.cancel}
            />
          )}
          {open ? (
            <EnvironmentDetails
              key={open.id}
              environment={open}
              manager={manager}
              inUse={open.id === environments.selectedId}
              onUse={() => {
                environments.select(open.id)
                onClose()
              }}
              onSaved={environments.reload}
            />
          ) : (
            <p className="env-empty">No environment yet. Create one to keep a base URL, variables and credentials together.</p>
          )}
        </div>
      </div>
    </dialog>
  )
}
