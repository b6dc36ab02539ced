import { useState } from 'react'
import { CE_MODULES } from '@shared/catalog/extensions'
import { planScopeCheck, probePaths, scopeTable, type CeModule, type ScopeRow } from '@shared/iterator/scope-plan'
import { call, toErrorShape } from '../../api/client'
import { ScopeTable } from './ScopeTable'

const MODULE_TITLES: Record<CeModule, string> = {
  CLS: 'Log Shipper', CTO: 'Ticket Orchestrator', CTE: 'Threat Exchange', URE: 'User Risk Exchange', ARE: 'App Risk Exchange'
}

/**
 * Token scope checker: pick the Cloud Exchange modules in use, see the v2 paths and privilege each needs (from the
 * built-in catalog's metadata) and what main's read-only probes with the environment's token found.
 */
export function ScopeCheckPanel({ environmentId }: { environmentId: string }): React.JSX.Element {
  const [modules, setModules] = useState<CeModule[]>([...CE_MODULES])
  const [legacy, setLegacy] = useState(false)
  const [rows, setRows] = useState<ScopeRow[] | null>(null)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  const flip = (m: CeModule, on: boolean): void => setModules((current) => (on ? [...current, m] : current.filter((x) => x !== m)))
  const check = async (): Promise<void> => {
    setBusy(true)
    setProblem(null)
    try {
      // Loaded on first use only (the catalog chunk is large); the same chunk the catalog sidebar uses.
      const { loadBuiltinCatalogs } = await import('../catalog/load-builtin')
      const operations = loadBuiltinCatalogs().flatMap((catalog) => catalog.operations)
      const plan = planScopeCheck(operations, modules, { includeLegacy: legacy })
      const paths = probePaths(plan)
      const results = paths.length === 0 ? [] : await call('iterator:check-scopes', { environmentId, paths })
      setRows(scopeTable(plan, results))
    } catch (failure) {
      setProblem(toErrorShape(failure).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <fieldset className="scope-check" data-testid="scope-check">
      <legend>Token scope check (read-only probes: GET only, never a write)</legend>
      <div className="status-line">
        {CE_MODULES.map((m) => (
          <label key={m} title={MODULE_TITLES[m]}>
            <input type="checkbox" data-testid={`scope-module-${m}`} checked={modules.includes(m)} onChange={(e) => flip(m, e.target.checked)} /> {m}
          </label>
        ))}
        <label title="The /api/v2/events/data endpoints CE 3.0-4.0 used (phasing out)">
          <input type="checkbox" checked={legacy} onChange={(e) => setLegacy(e.target.checked)} /> legacy endpoints
        </label>
        <button type="button" data-testid="scope-check-run" disabled={busy || modules.length === 0} onClick={() => void check()}>
          {busy ? 'Checking…' : 'Check scopes'}
        </button>
        {problem && <span className="inline-error">{problem}</span>}
      </div>
      {rows && <ScopeTable rows={rows} />}
    </fieldset>
  )
}
