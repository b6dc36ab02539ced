import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { generateSnippet, type SnippetInput } from '../../../src/shared/snippets'
import type { AuthProfile, SecretName } from '../../../src/shared/model/auth'
import type { MultipartPart } from '../../../src/shared/model/request'
import { input } from './fixtures'

const AUTHS: { auth: AuthProfile; storedSecrets?: SecretName[]; url: string }[] = [
  { auth: { kind: 'none' }, url: 'https://h/x' },
  { auth: { kind: 'netskope', v2Scheme: 'header', v1Placement: 'query' }, url: 'https://t.goskope.com/api/v2/policy/urllist' },
  { auth: { kind: 'netskope', v2Scheme: 'bearer', v1Placement: 'form' }, url: 'https://t.goskope.com/api/v1/app_instances' },
  { auth: { kind: 'cloud-exchange', clientId: '', secretExpiresOn: null }, url: 'https://ce/api/cte/indicators/' },
  { auth: { kind: 'insightcloudsec', username: '' }, storedSecrets: ['apiKey'], url: 'https://ics/v2/public/clouds/list' },
  { auth: { kind: 'insightcloudsec', username: "o'brien" }, storedSecrets: ['password'], url: 'https://ics/v2/public/clouds/list' }
]

function samples(): SnippetInput[] {
  const out: SnippetInput[] = []
  for (const { auth, storedSecrets, url } of AUTHS) {
    const extra = { auth, ...(storedSecrets ? { storedSecrets } : {}) }
    out.push(input({ url, method: 'POST', body: { kind: 'json', text: '{"a": [1, {"b": null}]}' } }, extra))
    out.push(input({ url, method: 'PUT', body: { kind: 'form', fields: [{ name: 'k', value: "v'$", enabled: true }] } }, { ...extra, tls: { verify: false, caPath: null } }))
    out.push(input({ url, method: 'HEAD' }, { ...extra, secrets: { inline: { v2Token: "t'$", v1Token: 'x', clientSecret: 's"', apiKey: 'k', password: 'p\\' } } }))
  }
  out.push(
    input(
      { url: 'https://t.goskope.com/api/v2/events/dataexport/alerts/dlp?index=i&operation=head' },
      { auth: { kind: 'netskope', v2Scheme: 'header', v1Placement: 'query' }, iterator: { index: 'i', operation: 'head' }, tls: { verify: true, caPath: '/etc/ca b.pem' } }
    )
  )
  return out
}

describe('generateSnippet: syntax of every sample (python3 -m py_compile, sh -n)', () => {
  it('compiles as Python and parses as POSIX sh', () => {
    // One python3 and one sh for all samples: a process per file took over 30 s on a loaded machine.
    const dir = mkdtempSync(join(tmpdir(), 'snippet-syntax-'))
    const codes = samples().map((sample) => ({ python: generateSnippet(sample, 'python'), curl: generateSnippet(sample, 'curl') }))
    codes.forEach((code, index) => {
      writeFileSync(join(dir, `s${index}.py`), code.python)
      writeFileSync(join(dir, `s${index}.sh`), code.curl)
    })
    const checker = 'import py_compile, sys\nfor f in sys.argv[1:]:\n  try: py_compile.compile(f, doraise=True)\n  except py_compile.PyCompileError as e: print("FAIL", f, e.msg)\n'
    const compiled = spawnSync('python3', ['-c', checker, ...codes.map((_, index) => `s${index}.py`)], { cwd: dir, encoding: 'utf8' })
    const pyFailed = /FAIL s(\d+)\.py/.exec(compiled.stdout)
    expect(compiled.stdout + compiled.stderr, pyFailed ? codes[Number(pyFailed[1])]?.python : '').toBe('')
    const script = `for f in ${codes.map((_, index) => `s${index}.sh`).join(' ')}; do sh -n "$f" 2>&1 || echo "FAIL $f"; done`
    const parsed = spawnSync('sh', ['-c', script], { cwd: dir, encoding: 'utf8' })
    const shFailed = /FAIL s(\d+)\.sh/.exec(parsed.stdout)
    expect(parsed.stdout + parsed.stderr, shFailed ? codes[Number(shFailed[1])]?.curl : '').toBe('')
    expect(compiled.status).toBe(0)
  })
})

describe('generateSnippet: content', () => {
  const nsk: Partial<SnippetInput> = { auth: { kind: 'netskope', v2Scheme: 'header', v1Placement: 'query' } }

  it('reads secrets from environment variables, with getpass as the Python fallback', () => {
    const py = generateSnippet(input({}, nsk), 'python')
    expect(py).toContain('api_token = os.environ.get("NETSKOPE_API_TOKEN") or getpass.getpass("Netskope REST API v2 token: ")')
    expect(py).toContain('"Netskope-Api-Token": api_token,')
    const curl = generateSnippet(input({}, nsk), 'curl')
    expect(curl).toContain(': "${NETSKOPE_API_TOKEN:?Set NETSKOPE_API_TOKEN to your Netskope REST API v2 token}"')
    expect(curl).toContain('--header "Netskope-Api-Token: $NETSKOPE_API_TOKEN"')
  })

  it('inlines a secret only when asked, and says so', () => {
    const both = (['python', 'curl'] as const).map((language) => generateSnippet(input({}, { ...nsk, secrets: { inline: { v2Token: 'SECRET-123' } } }), language))
    for (const code of both) expect(code).toContain('SECRET-123')
    expect(both[0]).toContain('keep this file private')
    expect(both[0]).not.toContain('getpass')
    expect(both[1]).toContain(`NETSKOPE_API_TOKEN='SECRET-123'  # inlined at your request`)
  })

  it('TLS off, custom CA, gzip and timeouts', () => {
    const off = input({}, { tls: { verify: false, caPath: null }, timeouts: { connectMs: 2_500, totalMs: 60_000 } })
    expect(generateSnippet(off, 'python')).toMatch(/VERIFY = False[\s\S]*TIMEOUT = \(2\.5, 60\)[\s\S]*verify=VERIFY, timeout=TIMEOUT/)
    expect(generateSnippet(off, 'curl')).toMatch(/--insecure[\s\S]*--connect-timeout 2\.5[\s\S]*--max-time 60[\s\S]*--compressed/)
    const ca = input({}, { tls: { verify: true, caPath: "/etc/my ca's.pem" }, acceptGzip: false })
    expect(generateSnippet(ca, 'python')).toContain(`VERIFY = "/etc/my ca's.pem"`)
    expect(generateSnippet(ca, 'python')).toContain('"Accept-Encoding": "identity"')
    const curl = generateSnippet(ca, 'curl')
    expect(curl).toContain(`--cacert '/etc/my ca'\\''s.pem'`)
    expect(curl).not.toContain('--compressed')
  })

  it('uses --head for HEAD and --data-raw for text, so "@file" is never read', () => {
    expect(generateSnippet(input({ method: 'HEAD' }), 'curl')).toContain('curl --disable --globoff \\\n  --head')
    const curl = generateSnippet(input({ method: 'POST', body: { kind: 'text', text: '@/etc/passwd' } }), 'curl')
    expect(curl).toContain(`--data-raw '@/etc/passwd'`)
    expect(curl).toContain(`--header 'Content-Type:'`)
  })

  it('multipart for cURL: names with "=" are refused, a file named "-" is not standard input, odd types are quoted', () => {
    const multipart = (parts: MultipartPart[]): SnippetInput => input({ method: 'POST', body: { kind: 'multipart', parts } })
    const named = multipart([{ kind: 'text', name: 'x=<secret', value: 'v', contentType: 'text/plain' }])
    expect(() => generateSnippet(named, 'curl')).toThrow(/contains "="/)
    expect(generateSnippet(named, 'python')).toContain('("x=<secret", (None, "v", "text/plain"))')
    const curl = generateSnippet(multipart([{ kind: 'file', name: 'f', path: '-', contentType: 'text/plain;headers=@/etc/passwd' }]), 'curl')
    expect(curl).toContain(`--form 'f=@"./-";filename="-";headers="Content-Type: text/plain;headers=@/etc/passwd"'`)
  })

  it('Python does not follow redirects and ignores ~/.netrc; every curl command starts --disable --globoff', () => {
    const py = generateSnippet(input({}, { auth: { kind: 'insightcloudsec', username: 'u' }, storedSecrets: ['password'] }), 'python')
    expect(py.match(/allow_redirects=False/g)).toHaveLength(3) // login, the call, logout
    expect(py).toContain('os.environ["NETRC"] = os.devnull')
    const sh = generateSnippet(input({}, { auth: { kind: 'insightcloudsec', username: 'u' }, storedSecrets: ['password'] }), 'curl')
    const commands = sh.split('\n').filter((line) => /\bcurl /.test(line) && !line.trimStart().startsWith('#'))
    expect(commands).toHaveLength(3) // login, logout, the call
    for (const line of commands) expect(line).toMatch(/curl --disable --globoff \\$/)
  })

  it('login flows: a Python function that logs in, and a sh script that extracts the token', () => {
    const ics = input({ url: 'https://ics/v2/public/users/list' }, { auth: { kind: 'insightcloudsec', username: 'jdoe' }, storedSecrets: ['password'], baseUrl: '' })
    expect(generateSnippet(ics, 'python')).toMatch(/def login\(\):[\s\S]*"https:\/\/ics\/v2\/public\/user\/login"[\s\S]*session_token = login\(\)[\s\S]*finally:\n {4}logout\(session_token\)/)
    const sh = generateSnippet(ics, 'curl')
    expect(sh).toMatch(/^#!\/bin\/sh\n/)
    expect(sh).toContain("ICS_USERNAME=${ICS_USERNAME:-'jdoe'}")
    expect(sh).toContain('--header "x-auth-token: $session_token"')
    expect(sh).toContain('trap logout EXIT')
    const ce = generateSnippet(input({ url: 'https://ce/api/tenants' }, { auth: { kind: 'cloud-exchange', clientId: 'cid', secretExpiresOn: null }, baseUrl: 'https://ce' }), 'curl')
    expect(ce).toContain(`--data-urlencode "client_secret=$CE_CLIENT_SECRET"`)
    expect(ce).toContain('--header "Authorization: Bearer $session_token"')
  })

  it('iterator: Python loops with next and the stop rule; cURL fetches one page and explains', () => {
    const it = input(
      { url: 'https://t.goskope.com/api/v2/events/dataexport/events/alert', query: [{ name: 'index', value: 'ix', enabled: true }, { name: 'operation', value: '1700000000', enabled: true }] },
      { ...nsk, iterator: { index: 'ix', operation: '1700000000' } }
    )
    const py = generateSnippet(it, 'python')
    expect(py).toContain('FIRST_OPERATION = "1700000000"')
    expect(py).toContain('operation = "next"')
    expect(py).toContain('if not records and hwm == last_hwm:')
    expect(py).toContain('Retry-After')
    expect(py).toContain('OUTPUT = "dataexport-alert.jsonl"')
    const curl = generateSnippet(it, 'curl')
    expect(curl).toContain('?index=ix&operation=1700000000')
    expect(curl).toContain('fetches ONE page')
  })
})
