/** CE tenants and plugins: `/api/tenants` and `/api/plugins`. */
import type { SandboxRuntime } from '../types'
import type { RequestContext } from '../http/context'
import { isRecord, parseJson } from '../http/body'
import type { CeUser } from './auth'
import { detail, reply, validationError, type ValidationIssue } from './reply'

interface Tenant {
  name: string
  plugin: string
  parameters: Record<string, unknown>
  pollInterval: number
  pollIntervalUnit: string
  is_iterator: boolean
}

const MASK = '********'

export const PLUGINS = [
  { id: 'netskope_provider', name: 'Netskope Tenant', version: '1.4.0', type: 'provider', module: 'provider' },
  { id: 'netskope_cte', name: 'Netskope Threat Exchange', version: '2.3.0', type: 'plugin', module: 'cte' },
  { id: 'api_source_cte', name: 'API Source', version: '1.1.0', type: 'plugin', module: 'cte' },
  { id: 'syslog_cls', name: 'Syslog', version: '3.2.0', type: 'plugin', module: 'cls' }
]

function masked(tenant: Tenant): Tenant {
  const parameters = { ...tenant.parameters }
  for (const secret of ['token', 'v2token']) if (secret in parameters) parameters[secret] = MASK
  return { ...tenant, parameters }
}

export class TenantStore {
  private readonly tenants = new Map<string, Tenant>()

  constructor(private readonly runtime: SandboxRuntime) {}

  private seedOnce(): void {
    if (this.tenants.size > 0 || this.runtime.urls.netskope === '') return
    this.tenants.set('Sandbox Tenant', { name: 'Sandbox Tenant', plugin: 'netskope_provider',
      parameters: { tenantName: this.runtime.urls.netskope, token: 'set', v2token: 'set' },
      pollInterval: 60, pollIntervalUnit: 'seconds', is_iterator: true })
  }

  list(ctx: RequestContext, user: CeUser): Promise<void> {
    this.seedOnce()
    const all = [...this.tenants.values()]
    return reply(ctx, 200, user.scopes.includes('settings_read') ? all.map(masked) : all.map((t) => ({ name: t.name })))
  }

  async create(ctx: RequestContext): Promise<void> {
    this.seedOnce()
    const body = parseJson(await ctx.body())
    if (!isRecord(body)) return validationError(ctx, [{ type: 'model_type', loc: ['body'], msg: 'Input should be a valid dictionary', input: body ?? null }])
    const issues: ValidationIssue[] = []
    for (const name of ['name', 'plugin']) {
      if (typeof body[name] !== 'string' || body[name] === '') issues.push({ type: 'missing', loc: ['body', name], msg: 'Field required' })
    }
    if (!isRecord(body['parameters'])) issues.push({ type: 'missing', loc: ['body', 'parameters'], msg: 'Field required' })
    if (issues.length > 0) return validationError(ctx, issues)
    const name = String(body['name'])
    if (this.tenants.has(name)) return detail(ctx, 400, `Tenant with name '${name}' already exists.`)
    const tenant: Tenant = { name, plugin: String(body['plugin']), parameters: body['parameters'] as Record<string, unknown>,
      pollInterval: typeof body['pollInterval'] === 'number' ? body['pollInterval'] : 60,
      pollIntervalUnit: typeof body['pollIntervalUnit'] === 'string' ? body['pollIntervalUnit'] : 'seconds',
      is_iterator: typeof (body['parameters'] as Record<string, unknown>)['v2token'] === 'string' }
    this.tenants.set(name, tenant)
    return reply(ctx, 200, masked(tenant))
  }

  remove(ctx: RequestContext): Promise<void> {
    this.seedOnce()
    const name = ctx.params['name'] ?? ''
    if (!this.tenants.delete(name)) return detail(ctx, 404, `Tenant with name '${name}' does not exist.`)
    return reply(ctx, 200, { success: true })
  }
}
