/**
 * `npm run sandbox`: runs the built-in sandbox on its own.
 *   --port N        Netskope on N, Cloud Exchange on N+1, InsightCloudSec on N+2 (default: free ports)
 *   --host H        listen address (default 127.0.0.1)
 *   --http          plain HTTP instead of HTTPS
 *   --data-dir DIR  where the sandbox CA lives (default ~/.cloudsec-api-explorer/sandbox)
 *   --seed N        seed of the generated data (default 1)
 *   --wait-time S   iterator wait_time once caught up (default 5)
 *   --no-rate-limit turn off the Netskope 4 requests/s limit
 * Prints ONE JSON line on stdout ({urls, caPath, credentials, dataDir}) and serves until SIGINT/SIGTERM.
 */
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { startSandbox, type SandboxOptions } from '../src/sandbox/index'

export const DEFAULT_DATA_DIR = join(homedir(), '.cloudsec-api-explorer', 'sandbox')

function fail(message: string): never {
  process.stderr.write(`sandbox: ${message}\n`)
  process.exit(2)
}

function parseArgs(argv: string[]): SandboxOptions {
  const options: SandboxOptions = { dataDir: DEFAULT_DATA_DIR }
  const value = (i: number, flag: string): string => {
    const next = argv[i + 1]
    if (next === undefined || next.startsWith('--')) fail(`${flag} needs a value`)
    return next
  }
  const integer = (text: string, flag: string, min: number, max: number): number => {
    const n = Number(text)
    if (!Number.isInteger(n) || n < min || n > max) fail(`${flag} must be an integer from ${min} to ${max}, got "${text}"`)
    return n
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    switch (arg) {
      case '--port': options.port = integer(value(i, arg), arg, 1, 65533); i++; break
      case '--host': options.host = value(i, arg); i++; break
      case '--http': options.http = true; break
      case '--data-dir': options.dataDir = resolve(value(i, arg)); i++; break
      case '--seed': options.seed = integer(value(i, arg), arg, 0, 2 ** 32 - 1); i++; break
      case '--wait-time': options.waitTime = integer(value(i, arg), arg, 0, 3600); i++; break
      case '--no-rate-limit': options.rateLimit = false; break
      case '--help': case '-h':
        process.stdout.write('Usage: npm run sandbox -- [--port N] [--host H] [--http] [--data-dir DIR] [--seed N] [--wait-time S] [--no-rate-limit]\n')
        process.exit(0)
        break
      default: fail(`unknown argument "${String(arg)}" (try --help)`)
    }
  }
  return options
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2))
  const sandbox = await startSandbox(options)
  let stopping = false
  const stop = (): void => {
    if (stopping) return
    stopping = true
    sandbox.close().then(() => process.exit(0), () => process.exit(1))
  }
  // Before the line is printed: whoever reads it may signal at once.
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  for (const warning of sandbox.warnings) process.stderr.write(`sandbox: ${warning}\n`)
  process.stdout.write(`${JSON.stringify({ urls: sandbox.urls, caPath: sandbox.caPath, dataDir: options.dataDir,
    credentials: sandbox.credentials })}\n`)
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)))
