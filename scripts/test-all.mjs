#!/usr/bin/env node
// `npm test`: every check a user's machine can run, in order, with one closing tally summed over all runners:
// typecheck, lint, Electron security scan, vitest (unit + integration incl. property tests), build, Playwright e2e. Each step's own output is shown as it runs.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const reports = mkdtempSync(join(tmpdir(), 'cloudsec-test-'))
const tally = { passed: 0, failed: 0, skipped: 0 }
const summary = []

function run(label, command, args, env = {}) {
  console.log(`\n=== ${label}: ${command} ${args.join(' ')}`)
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  return result.status === 0
}

/** A step with no test count of its own (typecheck, lint, build) counts as one check. */
function check(label, command, args) {
  const ok = run(label, command, args)
  tally[ok ? 'passed' : 'failed'] += 1
  summary.push(`${label}: ${ok ? 'ok' : 'FAILED'}`)
  return ok
}

/** Titles of Playwright tests with a status ('skipped', 'unexpected'), skips with their reason, so none is silent. */
function e2eTests(report, status) {
  const titles = []
  const visit = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status !== status) continue
        const note = (test.annotations ?? []).find((annotation) => annotation.type === 'skip')?.description
        titles.push(`${spec.file}: ${spec.title}${note ? ` — ${note}` : ''}`)
      }
    }
    for (const child of suite.suites ?? []) visit(child)
  }
  for (const suite of report.suites ?? []) visit(suite)
  return titles
}

/** Names of failed vitest tests, so the summary (the part of a long log that is read) says which. */
function failedVitestTests(report) {
  return (report.testResults ?? []).flatMap((file) =>
    (file.assertionResults ?? [])
      .filter((test) => test.status === 'failed')
      .map((test) => `${file.name.replace(process.cwd() + '/', '')} > ${test.fullName}`)
  )
}

function readJson(path) {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null
}

check('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.node.json'])
check('typecheck (renderer)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.web.json'])
check('lint', 'npx', ['eslint', '.', '--max-warnings', '0'])
// Electronegativity on src/ + package.json against the reviewed allowlist; offline (see the script's header).
check('security scan', 'node', ['scripts/security-scan.mjs'])

const vitestJson = join(reports, 'vitest.json')
const vitestOk = run('vitest', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`])
const vitest = readJson(vitestJson)
if (vitest) {
  tally.passed += vitest.numPassedTests
  tally.failed += vitest.numFailedTests
  tally.skipped += vitest.numPendingTests + vitest.numTodoTests
  summary.push(`vitest: ${vitest.numPassedTests} passed, ${vitest.numFailedTests} failed, ${vitest.numPendingTests} skipped`)
  for (const name of failedVitestTests(vitest)) summary.push(`  failed: ${name}`)
}
if (!vitest || (!vitestOk && vitest.numFailedTests === 0)) {
  tally.failed += 1 // the runner itself failed (e.g. a suite that does not load)
  summary.push('vitest: runner FAILED')
}

const built = check('build', 'npx', ['electron-vite', 'build'])

if (built) {
  const e2eJson = join(reports, 'e2e.json')
  const e2eOk = run('e2e', 'npx', ['playwright', 'test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson,
    E2E_SKIP_BUILD: '1' // the build step above just produced out/renderer
  })
  const e2e = readJson(e2eJson)
  if (e2e) {
    const { expected = 0, unexpected = 0, skipped = 0, flaky = 0 } = e2e.stats ?? {}
    tally.passed += expected + flaky
    tally.failed += unexpected
    tally.skipped += skipped
    summary.push(`e2e: ${expected + flaky} passed, ${unexpected} failed, ${skipped} skipped`)
    for (const title of e2eTests(e2e, 'unexpected')) summary.push(`  failed: ${title}`)
    for (const reason of e2eTests(e2e, 'skipped')) summary.push(`  skipped: ${reason}`)
    if (!e2eOk && unexpected === 0) {
      tally.failed += 1
      summary.push('e2e: runner FAILED')
    }
  } else {
    tally.failed += 1
    summary.push('e2e: runner FAILED (no report)')
  }
} else {
  summary.push('e2e: not run (build failed)')
  tally.failed += 1
}

console.log('\n=== summary')
for (const line of summary) console.log(`  ${line}`)
console.log(`${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped`)
process.exit(tally.failed === 0 ? 0 : 1)
