import { useState } from 'react'
import { API_KINDS, type ApiKind, type Environment } from '@shared/model/environment'
import { VENDORS, type VendorId } from '@shared/vendors/registry'
import { insightCloudSec } from '@shared/vendors/insightcloudsec'
import { call, toErrorShape } from '../../api/client'
import { defaultProfile } from './AuthProfileForm'

const API_LABEL: Record<ApiKind, string> = {
  ...(Object.fromEntries(VENDORS.map((vendor) => [vendor.id, vendor.labels.api])) as Record<VendorId, string>),
  generic: 'Other'
}

/** Creates an environment pointing at a real tenant; its auth mode follows the API and can be changed afterwards. */
export function NewEnvironmentForm({ onCreated }: { onCreated(environment: Environment): void }): React.JSX.Element {
  const [name, setName] = useState('')
  const [api, setApi] = useState<ApiKind>(insightCloudSec.id)
  const [baseUrl, setBaseUrl] = useState('')
  const [caPath, setCaPath] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)

  const pickCa = async (): Promise<void> => {
    try {
      const picked = await call('dialog:pick-file', { purpose: 'ca-bundle' })
      if (picked.path !== null) setCaPath(picked.path)
    } catch (failure) {
      setError(toErrorShape(failure).message)
    }
  }

  const create = async (): Promise<void> => {
    setError(null)
    if (name.trim() === '' || !URL.canParse(baseUrl.trim())) {
      setError('Enter a name and a full base URL, e.g. https://tenant.example.com.')
      return
    }
    try {
      const saved = await call('environment:save', {
        id: `env-${crypto.randomUUID()}`,
        name: name.trim(),
        api,
        baseUrl: baseUrl.trim(),
        tls: { verify: true, caPath },
        auth: defaultProfile(api === 'generic' ? 'none' : api)
      })
      setName('')
      setBaseUrl('')
      setCaPath(null)
      onCreated(saved)
    } catch (failure) {
      setError(toErrorShape(failure).message)
    }
  }

  return (
    <form
      className="settings-form"
      noValidate
      data-testid="new-environment-form"
      onSubmit={(event) => {
        event.preventDefault()
        void create()
      }}
    >
      <label>
        New environment name
        <input data-testid="new-env-name" value={name} onChange={(event) => setName(event.target.value)} />
      </label>
      <label>
        API
        <select data-testid="new-env-api" value={api} onChange={(event) => setApi(event.target.value as ApiKind)}>
          {API_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {API_LABEL[kind]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Base URL
        <input data-testid="new-env-url" value={baseUrl} placeholder="https://" onChange={(event) => setBaseUrl(event.target.value)} />
      </label>
      <button type="button" data-testid="new-env-ca" title="A PEM bundle trusted in addition to the system roots (corporate proxy, private CA)" onClick={() => void pickCa()}>
        {caPath === null ? 'Custom CA…' : `CA: ${caPath.split(/[\\/]/).pop() ?? caPath}`}
      </button>
      <button type="submit" data-testid="new-env-create">
        Create environment
      </button>
      {error && (
        <span className="inline-error" role="alert">
          {error}
        </span>
      )}
    </form>
  )
}
