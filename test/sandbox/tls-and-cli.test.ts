import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox } from '../../src/sandbox'
import { send } from './helpers'

const ROOT = resolve(__dirname, '../..')

describe('sandbox TLS', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sandbox-tls-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('serves HTTPS trusted through the sandbox CA for 127.0.0.1 and localhost, and untrusted without it', async () => {
    const sandbox = await startSandbox({ dataDir: dir })
    try {
      expect(sandbox.caPath).toBe(join(dir, 'ca.pem'))
      const ca = await readFile(sandbox.caPath ?? '', 'utf8')
      for (const url of Object.values(sandbox.urls)) expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/)
      const byIp = await send(`${sandbox.urls.cloudExchange}/api/healthcheck`, { ca })
      expect(byIp.json()).toEqual({ sucess: true })
      const byName = await send(`${sandbox.urls.cloudExchange.replace('127.0.0.1', 'localhost')}/api/healthcheck`, { ca })
      expect(byName.status).toBe(200)
      await expect(send(`${sandbox.urls.cloudExchange}/api/healthcheck`)).rejects.toThrow(/certificate/i)
    } finally {
      await sandbox.close()
    }
  })

  it('keeps the CA across starts and replaces an unusable one after moving it aside', async () => {
    const first = await readFile(join(dir, 'ca.pem'), 'utf8')
    const again = await startSandbox({ dataDir: dir })
    await again.close()
    expect(await readFile(join(dir, 'ca.pem'), 'utf8')).toBe(first)
    expect(again.warnings).toEqual([])
    await writeFile(join(dir, 'ca.pem'), 'not a certificate')
    const replaced = await startSandbox({ dataDir: dir })
    try {
      expect(replaced.warnings).toHaveLength(1)
      expect(replaced.warnings[0]).toMatch(/moved aside/)
      const ca = await readFile(join(dir, 'ca.pem'), 'utf8')
      expect(ca).not.toBe(first)
      expect((await send(`${replaced.urls.insightcloudsec}/v2/public/insights/list`, { ca })).status).toBe(401)
    } finally {
      await replaced.close()
    }
  })

  it('serves plain HTTP with http: true and has no CA then', async () => {
    const sandbox = await startSandbox({ dataDir: dir, http: true })
    try {
      expect(sandbox.caPath).toBeNull()
      expect(sandbox.urls.netskope).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
      expect((await send(`${sandbox.urls.cloudExchange}/api/healthcheck`)).status).toBe(200)
    } finally {
      await sandbox.close()
    }
  })
})

function canListen(port: number): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer()
    server.once('error', () => done(false))
    server.listen(port, '127.0.0.1', () => server.close(() => done(true)))
  })
}

/** A port N such that N to N+3 (one per listener) are free right now. */
async function freePortBlock(): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const port = await new Promise<number>((done, reject) => {
      const server = createServer()
      server.listen(0, '127.0.0.1', () => {
        const address = server.address()
        server.close(() => (typeof address === 'object' && address !== null ? done(address.port) : reject(new Error('no port'))))
      })
    })
    if (port < 65530 && (await canListen(port + 1)) && (await canListen(port + 2)) && (await canListen(port + 3))) return port
  }
  throw new Error('could not find three consecutive free ports')
}

interface CliLine {
  urls: { netskope: string; cloudExchange: string; insightcloudsec: string }
  caPath: string | null
  dataDir: string
  credentials: { netskope: { v2Tokens: { name: string; token: string; scopes: unknown[] }[]; v1Token: string };
    cloudExchange: { clients: unknown[]; users: unknown[] }; insightcloudsec: { users: unknown[] } }
}

async function runCli(args: string[]): Promise<{ line: CliLine; stop: () => Promise<number | null> }> {
  const child = spawn(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/sandbox.ts'), ...args], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe']
  })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)))
  const lines = createInterface({ input: child.stdout })
  const first = await new Promise<string>((done, reject) => {
    lines.once('line', done)
    void exited.then((code) => reject(new Error(`sandbox CLI exited with ${String(code)} before printing: ${stderr}`)))
  })
  return { line: JSON.parse(first) as CliLine, stop: async () => {
    child.kill('SIGTERM')
    return exited
  } }
}

describe('npm run sandbox (scripts/sandbox.ts)', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sandbox-cli-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('prints one JSON line with URLs, CA path and credentials, serves, and exits cleanly on SIGTERM', async () => {
    const { line, stop } = await runCli(['--data-dir', dir])
    try {
      expect(line.caPath).toBe(join(dir, 'ca.pem'))
      expect(line.dataDir).toBe(dir)
      expect(line.credentials.netskope.v2Tokens.map((t) => t.name)).toEqual(['full', 'readonly', 'dataexport', 'expired'])
      expect(line.credentials.netskope.v1Token).toBeTruthy()
      expect(line.credentials.cloudExchange.clients.length).toBeGreaterThan(0)
      expect(line.credentials.insightcloudsec.users.length).toBeGreaterThan(0)
      const ca = await readFile(line.caPath ?? '', 'utf8')
      expect((await send(`${line.urls.cloudExchange}/api/healthcheck`, { ca })).status).toBe(200)
    } finally {
      expect(await stop()).toBe(0)
    }
  })

  it('uses N to N+3 with --port N and plain HTTP with --http', async () => {
    const port = await freePortBlock()
    const { line, stop } = await runCli(['--data-dir', dir, '--port', String(port), '--http'])
    try {
      expect(line.urls).toEqual({ netskope: `http://127.0.0.1:${port}`, cloudExchange: `http://127.0.0.1:${port + 1}`,
        insightcloudsec: `http://127.0.0.1:${port + 2}`, falcon: `http://127.0.0.1:${port + 3}` })
      expect(line.caPath).toBeNull()
      expect((await send(`${line.urls.netskope}/api/v2/policy/urllist`)).status).toBe(401)
    } finally {
      expect(await stop()).toBe(0)
    }
  })
})
