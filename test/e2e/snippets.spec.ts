import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { expect, test } from './fixtures'
import { enterRequest } from './helpers'

const run = promisify(execFile)
const V2_TOKEN = 'sandbox-netskope-v2-full-0001'

test.use({ coreSandbox: {} })

let work: string
test.beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'e2e-snippets-'))
})
test.afterEach(async () => {
  await rm(work, { recursive: true, force: true })
})

async function hasCommand(command: string, args: string[]): Promise<boolean> {
  return run(command, args).then(
    () => true,
    () => false
  )
}

test('Python and cURL snippets for a sandbox request: no secret unless asked, and the cURL one runs', async ({ app, bridge }) => {
  await app.getByTestId('environment').selectOption({ label: 'Sandbox · Netskope tenant' })
  await enterRequest(app, 'GET', '/api/v2/services/cci/tags')
  await app.getByTestId('snippet-toggle').click()
  const panel = app.getByTestId('snippet-panel')
  const text = panel.getByTestId('snippet-text')
  const baseUrl = bridge.sandbox?.urls.netskope ?? ''

  // Python (the default tab), highlighted by Monaco; the plain text is the exact code.
  await expect(panel.getByTestId('snippet-editor').locator('.view-lines')).toContainText('#!/usr/bin/env python3')
  await expect(text).toContainText('import requests')
  await expect(text).toContainText(`${baseUrl}/api/v2/services/cci/tags`)
  await expect(text).toContainText('NETSKOPE_API_TOKEN')
  await expect(panel).toContainText('Reads NETSKOPE_API_TOKEN')
  expect(await text.textContent()).not.toContain(V2_TOKEN)

  await panel.getByRole('tab', { name: 'cURL' }).click()
  await expect(text).toContainText('curl ')
  await expect(text).toContainText('--cacert')
  const curlCode = (await text.textContent()) ?? ''
  expect(curlCode).not.toContain(V2_TOKEN)
  expect(await app.content()).not.toContain(V2_TOKEN)

  // Run the cURL snippet with the token in the environment, as its header comment says.
  test.skip(!(await hasCommand('curl', ['--version'])), 'curl is not installed')
  const script = join(work, 'request.sh')
  await writeFile(script, curlCode)
  const { stdout } = await run('sh', [script], { env: { ...process.env, NETSKOPE_API_TOKEN: V2_TOKEN } })
  expect(stdout).toContain('"data"')

  // Save to file through main's save dialog (the bridge stands in for it).
  const saved = join(work, 'saved.sh')
  bridge.setSavePath(saved)
  await panel.getByRole('button', { name: 'Export to file…' }).click()
  await expect(panel).toContainText(`Saved to ${saved}.`)
  expect((await readFile(saved, 'utf8')).trim()).toBe(curlCode.trim())

  // Inlining secrets is explicit and warned about; the page shows a masked stand-in, and only main's own copy and
  // save put the value in.
  await panel.getByLabel('Include secrets').check()
  await expect(panel.getByRole('alert')).toContainText('secret values from the vault')
  await expect(text).toContainText('<secret: Netskope REST API v2 token, inserted on copy or save>')
  await panel.getByRole('button', { name: 'Copy' }).click()
  await expect(panel).toContainText('Copied to the clipboard, with the secret values.')
  expect(bridge.clipboard()).toContain(V2_TOKEN)
  const withSecrets = join(work, 'with-secrets.sh')
  bridge.setSavePath(withSecrets)
  await panel.getByRole('button', { name: 'Export to file…' }).click()
  await expect(panel).toContainText(`Saved to ${withSecrets}.`)
  expect(await readFile(withSecrets, 'utf8')).toContain(V2_TOKEN)
  expect(await app.content()).not.toContain(V2_TOKEN)
  await panel.getByLabel('Include secrets').uncheck()
  await expect(text).not.toContainText('<secret:')
  await panel.getByRole('button', { name: 'Copy' }).click()
  await expect(panel).toContainText('Copied to the clipboard.')
  expect(bridge.clipboard()).not.toContain(V2_TOKEN)
})

test('the Python snippet runs against the sandbox when python3 with requests is available', async ({ app, bridge }) => {
  test.skip(!(await hasCommand('python3', ['-c', 'import requests'])), 'python3 with requests is not installed')
  await app.getByTestId('environment').selectOption({ label: 'Sandbox · Netskope tenant' })
  await enterRequest(app, 'GET', '/api/v2/services/cci/tags')
  await app.getByTestId('snippet-toggle').click()
  const text = app.getByTestId('snippet-panel').getByTestId('snippet-text')
  await expect(text).toContainText(bridge.sandbox?.urls.netskope ?? 'missing')
  const script = join(work, 'request.py')
  await writeFile(script, (await text.textContent()) ?? '')
  const { stdout } = await run('python3', [script], { env: { ...process.env, NETSKOPE_API_TOKEN: V2_TOKEN } })
  expect(stdout).toContain('200')
  expect(stdout).toContain('"data"')
})
