#!/usr/bin/env node
// Electron security scan (`npm test` step): runs @doyensec/electronegativity on the app's source and package.json,
// applies the reviewed allowlist (security/electronegativity-allowlist.json) and fails on any finding that is not
// allowlisted and on any allowlist entry that no longer matches a finding (stale entries hide nothing, so they go).
//
// Why source and not out/: the checks read BrowserWindow options, IPC and CSP the same way in both, but findings in
// src/ point at the lines a reviewer edits, and the scan does not depend on a build.
// Why in-process and not the CLI: the CLI downloads translations and Electron's release list at start-up; CI may
// have no network, so the download client is replaced by one that fails at once and the release check is excluded
// (it only compares against the newest Electron on GitHub; dependency updates cover that).
//
// Usage: node scripts/security-scan.mjs [--input src] [--package-json package.json]
//        [--allowlist security/electronegativity-allowlist.json] [--electron-version 45.4.1]
import Module, { createRequire } from 'node:module'
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const ROOT = resolve(import.meta.dirname, '..')
const NETWORK_CHECKS = ['AvailableSecurityFixesGlobalCheck']
// Checks that read package.json itself (npm scripts with dangerous Chromium switches, disabled security warnings).
const PACKAGE_JSON_CHECKS = ['CustomArgumentsJSONCheck', 'SecurityWarningsDisabledJSONCheck']

function parseArgs(argv) {
  const options = {
    input: resolve(ROOT, 'src'),
    packageJson: resolve(ROOT, 'package.json'),
    allowlist: resolve(ROOT, 'security/electronegativity-allowlist.json'),
    electronVersion: undefined
  }
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]]
    if (value === undefined) throw new Error(`${flag} needs a value`)
    if (flag === '--input') options.input = resolve(value)
    else if (flag === '--package-json') options.packageJson = resolve(value)
    else if (flag === '--allowlist') options.allowlist = resolve(value)
    else if (flag === '--electron-version') options.electronVersion = value
    else throw new Error(`Unknown option ${flag}`)
  }
  options.electronVersion ??= electronVersionOf(options.packageJson)
  return options
}

/** The Electron version the app is built for, so checks use its defaults (not v0.1.0's, the tool's fallback). */
function electronVersionOf(packageJsonPath) {
  const pkg = JSON.parse(readFileSync(packageJsonPath, 'utf8'))
  const range = pkg.dependencies?.electron ?? pkg.devDependencies?.electron
  const version = typeof range === 'string' ? /\d+\.\d+\.\d+/.exec(range)?.[0] : undefined
  if (!version) throw new Error(`${packageJsonPath} names no Electron version (dependencies or devDependencies)`)
  return version
}

/** Loads electronegativity's runner with its HTTP client replaced by one that fails immediately (offline CI). */
function loadRunner() {
  const require = createRequire(resolve(ROOT, 'node_modules/@doyensec/electronegativity/package.json'))
  const gotPath = require.resolve('got')
  const offline = () => Promise.reject(new Error('network disabled for the security scan'))
  offline.head = offline
  const stub = new Module(gotPath)
  stub.exports = offline
  stub.loaded = true
  Module._cache[gotPath] = stub
  process.env.LANG = 'en-US' // the tool's messages come from its bundled en-US strings
  return require('./dist/runner.js')
}

async function runQuietly(runner, options) {
  // The runner logs "Could not retrieve updated translations" on every call; that is expected offline.
  const log = console.log
  console.log = (...args) => {
    if (!String(args[0]).includes('translations')) log(...args)
  }
  try {
    return await runner(options, false)
  } finally {
    console.log = log
  }
}

/** Paths are reported relative to the scanned project (the folder holding package.json), as in the allowlist. */
function toFinding(issue, base, projectRoot) {
  const file = issue.file === 'N/A' ? 'N/A' : relative(projectRoot, resolve(base, issue.file)).split('\\').join('/')
  return {
    check: issue.id,
    file,
    line: issue.location.line,
    sample: String(issue.sample ?? '').trim(),
    severity: issue.severity.name,
    confidence: issue.confidence.name,
    description: issue.description
  }
}

export async function scan(options) {
  const runner = loadRunner()
  const common = { isRelative: true, electronVersionOverride: options.electronVersion, severitySet: undefined }
  const source = await runQuietly(runner, { ...common, input: options.input, excludeFromScan: NETWORK_CHECKS })
  // The tool's single-file loader cannot read a lone package.json, so it scans a folder holding only a copy.
  const pkgDir = mkdtempSync(join(tmpdir(), 'security-scan-'))
  copyFileSync(options.packageJson, join(pkgDir, 'package.json'))
  const pkg = await runQuietly(runner, { ...common, input: pkgDir, customScan: PACKAGE_JSON_CHECKS }).finally(() =>
    rmSync(pkgDir, { recursive: true, force: true })
  )
  const errors = [...source.errors, ...pkg.errors].filter((error) => !error.tolerable)
  const projectRoot = dirname(options.packageJson)
  const findings = [
    ...source.issues.map((issue) => toFinding(issue, options.input, projectRoot)),
    ...pkg.issues.map((issue) => ({ ...toFinding(issue, pkgDir, projectRoot), file: relative(projectRoot, options.packageJson) }))
  ]
  return { findings, errors, checks: source.globalChecks + source.atomicChecks }
}

/** An entry covers a finding with the same check and file whose flagged line contains `match` (when given). */
export function applyAllowlist(findings, entries) {
  const covers = (entry, finding) =>
    entry.check === finding.check && entry.file === finding.file && (!entry.match || finding.sample.includes(entry.match))
  return {
    allowed: findings.filter((finding) => entries.some((entry) => covers(entry, finding))),
    unexpected: findings.filter((finding) => !entries.some((entry) => covers(entry, finding))),
    stale: entries.filter((entry) => !findings.some((finding) => covers(entry, finding)))
  }
}

function readAllowlist(path) {
  if (!existsSync(path)) return []
  const entries = JSON.parse(readFileSync(path, 'utf8')).entries
  if (!Array.isArray(entries)) throw new Error(`${path}: expected {"entries": [...]}`)
  for (const [index, entry] of entries.entries()) {
    for (const key of ['check', 'file', 'reason']) {
      if (typeof entry[key] !== 'string' || entry[key].trim() === '') {
        throw new Error(`${path}: entry ${index} needs a non-empty "${key}"`)
      }
    }
  }
  return entries
}

const where = (finding) => `${finding.check} ${finding.file}:${finding.line}`

async function main() {
  const options = parseArgs(process.argv.slice(2))
  const allowlist = readAllowlist(options.allowlist)
  const { findings, errors, checks } = await scan(options)
  const { allowed, unexpected, stale } = applyAllowlist(findings, allowlist)
  console.log(`electronegativity: ${checks} checks on ${relative(dirname(options.packageJson), options.input) || '.'} and package.json (Electron ${options.electronVersion})`)
  for (const finding of allowed) console.log(`  allowlisted  ${where(finding)}`)
  for (const finding of unexpected) {
    console.log(`  FINDING      ${where(finding)} [${finding.severity}/${finding.confidence}]`)
    console.log(`               ${finding.description}`)
    if (finding.sample) console.log(`               > ${finding.sample.slice(0, 160)}`)
  }
  for (const entry of stale) console.log(`  STALE        allowlist entry ${entry.check} ${entry.file} matches no finding: remove it`)
  for (const error of errors) console.log(`  PARSE ERROR  ${error.file}: ${error.message}`)
  const failed = unexpected.length + stale.length + errors.length
  console.log(
    failed === 0
      ? `security scan: ok (${findings.length} findings, all allowlisted with a reason)`
      : `security scan: FAILED (${unexpected.length} new findings, ${stale.length} stale allowlist entries, ${errors.length} parse errors)`
  )
  process.exitCode = failed === 0 ? 0 : 1
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error) => {
    console.error(`security scan: FAILED (${error instanceof Error ? error.message : String(error)})`)
    process.exitCode = 1
  })
}
