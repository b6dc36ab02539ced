import { describe, expect, it } from 'vitest'
import { looksLikeCurl, parseCurlCommand } from '../../../src/shared/collections/curl-import'

describe('parseCurlCommand', () => {
  it('imports a browser "Copy as cURL (bash)" command with continuations', () => {
    const result = parseCurlCommand(`curl 'https://tenant.goskope.com/api/v2/events/dataexport/events/page?index=team_a&operation=next' \\
  -H 'accept: application/json' \\
  -H 'Netskope-Api-Token: nsk-0123456789abcdef' \\
  --compressed \\
  --insecure`)
    expect(result.request).toEqual({
      method: 'GET',
      url: 'https://tenant.goskope.com/api/v2/events/dataexport/events/page?index=team_a&operation=next',
      query: [],
      headers: [
        { name: 'accept', value: 'application/json', enabled: true },
        { name: 'Netskope-Api-Token', value: 'nsk-0123456789abcdef', enabled: true }
      ],
      body: { kind: 'none' }
    })
    expect(result.flags).toEqual({ insecure: true, compressed: true, followRedirects: false })
    expect(result.credentials).toEqual([{ where: 'header', name: 'Netskope-Api-Token' }])
    expect(result.warnings).toEqual([])
  })

  it("imports a JSON body from $'...' with escapes and an explicit method", () => {
    const result = parseCurlCommand(
      `curl -X PUT https://ce.example/api/v1/x -H 'Content-Type: application/json' --data-raw $'{"name":"caf\\u00e9","note":"a\\nb","q":"it\\'s"}'`
    )
    expect(result.request.method).toBe('PUT')
    expect(result.request.body).toEqual({ kind: 'json', text: '{"name":"café","note":"a\nb","q":"it\'s"}' })
  })

  it('imports -d as a form (POST by default) when the bytes round-trip, else as text', () => {
    const form = parseCurlCommand(`curl https://ce.example/api/auth -d 'grant_type=client_credentials&client_id=abc' -d client_secret=s3cr3t`)
    expect(form.request.method).toBe('POST')
    expect(form.request.body).toEqual({
      kind: 'form',
      fields: [
        { name: 'grant_type', value: 'client_credentials', enabled: true },
        { name: 'client_id', value: 'abc', enabled: true },
        { name: 'client_secret', value: 's3cr3t', enabled: true }
      ]
    })
    expect(form.credentials).toEqual([{ where: 'form', name: 'client_secret' }])
    const raw = parseCurlCommand(`curl https://h.example -d 'a=1 2&b'`)
    expect(raw.request.body).toEqual({ kind: 'text', text: 'a=1 2&b', contentType: 'application/x-www-form-urlencoded' })
    const plain = parseCurlCommand(`curl https://h.example -H 'Content-Type: text/csv' --data-binary 'a,b'`)
    expect(plain.request.body).toEqual({ kind: 'text', text: 'a,b', contentType: 'text/csv' })
  })

  it('handles -G with --data-urlencode, -u, -A, -b and combined short flags', () => {
    const result = parseCurlCommand(`curl -sSLkG https://h.example/search --data-urlencode 'q=a b&c' --data-urlencode =x/y -u 'me:p@ss' -A 'tool/1' -b 'sid=1; x=2'`)
    expect(result.request.method).toBe('GET')
    expect(result.request.url).toBe('https://h.example/search?q=a%20b%26c&x%2Fy')
    expect(result.request.headers).toEqual([
      { name: 'User-Agent', value: 'tool/1', enabled: true },
      { name: 'Cookie', value: 'sid=1; x=2', enabled: true },
      { name: 'Authorization', value: `Basic ${Buffer.from('me:p@ss').toString('base64')}`, enabled: true }
    ])
    expect(result.flags).toEqual({ insecure: true, compressed: false, followRedirects: true })
    expect(result.credentials).toEqual([{ where: 'user', name: 'me' }, { where: 'header', name: 'Cookie' }])
  })

  it('imports -F parts (text, file with type and filename) and attached option values', () => {
    const result = parseCurlCommand(`curl -XPOST -H'X-Trace: 1' https://h.example/upload -F 'name=report' -F 'file=@/tmp/a b.csv;type=text/csv;filename=data.csv' --form-string 'raw=@notafile'`)
    expect(result.request.method).toBe('POST')
    expect(result.request.headers).toEqual([{ name: 'X-Trace', value: '1', enabled: true }])
    expect(result.request.body).toEqual({
      kind: 'multipart',
      parts: [
        { kind: 'text', name: 'name', value: 'report' },
        { kind: 'file', name: 'file', path: '/tmp/a b.csv', filename: 'data.csv', contentType: 'text/csv' },
        { kind: 'text', name: 'raw', value: '@notafile' }
      ]
    })
  })

  it('handles --json, --url, -I, scheme-less URLs, empty headers and shell variables', () => {
    const json = parseCurlCommand(`curl --url h.example/api --json '{"a":1}'`)
    expect(json.request).toMatchObject({ method: 'POST', url: 'http://h.example/api', body: { kind: 'json', text: '{"a":1}' } })
    expect(json.request.headers.map((h) => h.name)).toEqual(['Content-Type', 'Accept'])
    expect(parseCurlCommand('curl -I https://h.example').request.method).toBe('HEAD')
    expect(parseCurlCommand(`curl https://h.example -H 'X-Empty;'`).request.headers).toEqual([{ name: 'X-Empty', value: '', enabled: true }])
    const vars = parseCurlCommand(`curl "$BASE/v2/public/user/login" -H "Api-Key: $ICS_API_KEY"`)
    expect(vars.request.url).toBe('{{BASE}}/v2/public/user/login')
    expect(vars.request.headers[0]?.value).toBe('{{ICS_API_KEY}}')
    expect(vars.credentials).toEqual([])
    expect(vars.warnings).toHaveLength(2)
  })

  it('warns about what it skips', () => {
    const result = parseCurlCommand(`curl --frobnicate -o out.json --max-time 5 https://a.example https://b.example | jq .`)
    expect(result.request.url).toBe('https://a.example')
    expect(result.warnings).toEqual([
      expect.stringMatching(/Only the curl command/),
      'The option --frobnicate is not understood and was ignored.',
      expect.stringMatching(/Only the first URL.*b\.example/)
    ])
  })

  it.each([
    ['wget https://h.example', /does not start with "curl"/],
    ['curl -H', /-H needs a value/],
    ['curl -s', /no URL/],
    ['curl https://h.example -d @body.json', /reads "body\.json" from a file/],
    ['curl https://h.example --data-urlencode name@file.txt', /reads "file\.txt"/],
    ['curl https://h.example -d a=1 -F b=2', /mixes -d/],
    ['curl https://h.example -H NoColon', /"Name: value"/],
    ['curl ^"https://h.example^" ^\n -H ^"x: y^"', /Windows cmd/],
    ['curl.exe https://h.example `\n  -H "x: y"', /PowerShell/],
    ['curl https://h.example -K opts.txt', /reads options from a file/],
    ["curl 'https://h.example", /quote is not closed/]
  ])('refuses %s with a readable message', (command, message) => {
    expect(() => parseCurlCommand(command)).toThrow(message)
    try {
      parseCurlCommand(command)
    } catch (error) {
      expect(error).toMatchObject({ code: 'INVALID_INPUT' })
    }
  })

  it('regression: ^" and ` line ends inside quoted bash words are data, not cmd or PowerShell syntax', () => {
    // A generated snippet with a body of ` ^"` was refused as a Windows cmd command (found by the property test).
    const result = parseCurlCommand(`curl 'https://h.example' -H 'x: a ^"b' --data-raw 'one ^\ntwo \`\n -x' -d $'c ^" \\' ^"'`)
    expect(result.request.headers).toContainEqual({ name: 'x', value: 'a ^"b', enabled: true })
    expect(result.request.body).toEqual({ kind: 'text', text: 'one ^\ntwo `\n -x&c ^" \' ^"', contentType: 'application/x-www-form-urlencoded' })
  })

  it('recognises pasted curl commands', () => {
    expect(looksLikeCurl('  curl https://x')).toBe(true)
    expect(looksLikeCurl('curl.exe -k https://x')).toBe(true)
    expect(looksLikeCurl('https://x/curl')).toBe(false)
    expect(looksLikeCurl('curly://x')).toBe(false)
  })
})
