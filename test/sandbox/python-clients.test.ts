import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestSandbox, tokenOf, type TestSandbox } from './helpers'

const run = promisify(execFile)
const SCRIPTS = join(__dirname, 'python')

/** The first interpreter that can `import requests`; the test fails (never skips) when there is none. */
async function findPython(): Promise<string> {
  const tried: string[] = []
  for (const candidate of ['python3', '/usr/bin/python3']) {
    try {
      await run(candidate, ['-c', 'import requests'])
      return candidate
    } catch (error) {
      tried.push(`${candidate}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`)
    }
  }
  throw new Error(
    'No python3 with the requests package was found, so the vendor-style Python clients cannot run. ' +
      `Install it (Debian/Ubuntu: apt-get install python3-requests). Tried: ${tried.join('; ')}`
  )
}

async function runScript(python: string, script: string, args: string[]): Promise<Record<string, unknown>> {
  const { stdout } = await run(python, [join(SCRIPTS, script), ...args], { timeout: 120_000 })
  const line = stdout.trim().split('\n').at(-1) ?? ''
  return JSON.parse(line) as Record<string, unknown>
}

describe('vendor-style Python requests clients against the sandbox (HTTPS, verify=ca.pem)', () => {
  let t: TestSandbox
  let python: string
  beforeAll(async () => {
    python = await findPython()
    t = await startTestSandbox()
  })
  afterAll(async () => {
    await t?.stop()
  })

  it('ICS: logs in and lists organizations with X-Auth-Token', async () => {
    const user = t.sandbox.credentials.insightcloudsec.users[0]
    const out = await runScript(python, 'ics_login_organizations.py',
      [t.sandbox.urls.insightcloudsec, t.sandbox.caPath ?? '', user?.username ?? '', user?.password ?? ''])
    expect(out).toEqual({ organizations: ['Default Organization', 'Sandbox Lab'], user: user?.username })
  })

  it('Netskope: pages the iterator with operation=next honouring wait_time until an empty page', async () => {
    const start = Math.floor(t.nowMs() / 1000) - 2 * 3600
    const out = await runScript(python, 'netskope_iterator.py',
      [t.sandbox.urls.netskope, t.sandbox.caPath ?? '', tokenOf(t.sandbox, 'dataexport'), String(start)])
    // Two hours and one second at 2 events/s: 14,402 records in pages of 10,000 + 4,402, then the empty page.
    expect(out).toEqual({ records: 14_402, pages: 3, first_timestamp: start, last_hwm: Math.floor(t.nowMs() / 1000) })
  })

  it('CE: client_credentials token, then lists and pushes indicators', async () => {
    const client = t.sandbox.credentials.cloudExchange.clients[0]
    const out = await runScript(python, 'ce_indicators.py',
      [t.sandbox.urls.cloudExchange, t.sandbox.caPath ?? '', client?.clientId ?? '', client?.clientSecret ?? ''])
    expect(out).toMatchObject({ listed: 25, created: 'python-requests.bad.example', count_after: 1 })
    expect(out['scopes']).toContain('cte_write')
  })
})
