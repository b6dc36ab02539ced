import { describe, expect, it } from 'vitest'
import { importCurlCommand } from '../../../src/shared/collections/curl-secrets'

/*
 * A pasted cURL command's credentials never stay in the draft. The request keeps
 * `{{secret.NAME}}`; the literal values come back separately, for main to move into the vault or drop.
 */
const NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/
const b64 = (text: string): string => Buffer.from(text).toString('base64')

describe('importCurlCommand', () => {
  it('-u user:pass becomes Basic {{secret.basicAuth}}; the draft holds neither the password nor its base64', () => {
    const { request, secrets } = importCurlCommand("curl -u alice:pa55-w0rd-xyz https://api.example/x")
    const text = JSON.stringify(request)
    expect(text).not.toContain('pa55-w0rd-xyz')
    expect(text).not.toContain(b64('alice:pa55-w0rd-xyz'))
    expect(request.headers).toContainEqual({ name: 'Authorization', value: 'Basic {{secret.basicAuth}}', enabled: true })
    expect(secrets).toEqual([{ name: 'basicAuth', where: 'header', label: 'Authorization (Basic, user alice)', value: b64('alice:pa55-w0rd-xyz') }])
  })

  it('--user, Bearer, Token, X-Api-Key, Api-Key, x-auth-token headers and token= query parameters', () => {
    const { request, secrets } = importCurlCommand(
      "curl --user bob:hunter2 -H 'Authorization: Bearer bearer-value-1' -H 'X-Api-Key: key-value-2' -H 'Api-Key: key-value-3' " +
        "-H 'x-auth-token: session-value-4' 'https://api.example/x?limit=5&token=query-value-5'"
    )
    const text = JSON.stringify(request)
    for (const literal of ['hunter2', b64('bob:hunter2'), 'bearer-value-1', 'key-value-2', 'key-value-3', 'session-value-4', 'query-value-5']) {
      expect(text).not.toContain(literal)
    }
    expect(secrets.map((s) => s.value).sort()).toEqual([b64('bob:hunter2'), 'bearer-value-1', 'key-value-2', 'key-value-3', 'query-value-5', 'session-value-4'].sort())
    const names = secrets.map((s) => s.name)
    expect(new Set(names).size).toBe(names.length)
    for (const name of names) {
      expect(name).toMatch(NAME)
      expect(text).toContain(`{{secret.${name}}}`)
    }
    expect(request.url).toMatch(/[?&]limit=5&token=\{\{secret\.\w+\}\}$/)
  })

  it('Authorization: Token and a bare credential header keep their scheme word', () => {
    const { request } = importCurlCommand("curl -H 'Authorization: Token tok-123456' https://api.example/")
    expect(request.headers[0]?.value).toBe('Token {{secret.authorization}}')
  })

  it('placeholders already in the command stay and are not secrets', () => {
    const { request, secrets } = importCurlCommand("curl -H 'Authorization: Bearer {{secret.bearerToken}}' https://api.example/")
    expect(secrets).toEqual([])
    expect(request.headers[0]?.value).toBe('Bearer {{secret.bearerToken}}')
  })
})
