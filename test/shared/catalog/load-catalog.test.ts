import { describe, expect, it } from 'vitest'
import { loadCatalog } from '@shared/catalog/load-catalog'
import { AppError } from '@shared/model/errors'

type Doc = Record<string, unknown>
const doc = (paths: Doc, components: Doc = {}, extra: Doc = {}): Doc => ({
  openapi: '3.1.0',
  info: { title: 't', version: '1', 'x-api': 'netskope' },
  paths,
  components,
  ...extra
})
const ok = { 200: { description: 'ok' } }

function errorOf(fn: () => unknown): AppError {
  try {
    fn()
  } catch (e) {
    if (e instanceof AppError) return e
    throw e
  }
  throw new Error('expected an AppError')
}

describe('loadCatalog: malformed documents', () => {
  it('rejects non-objects, Swagger 2 and missing versions with a readable message', () => {
    expect(errorOf(() => loadCatalog('nope')).message).toMatch(/document root.*JSON object/)
    expect(errorOf(() => loadCatalog({ swagger: '2.0', paths: {} })).message).toMatch(/Swagger 2\.0.*convert/)
    const e = errorOf(() => loadCatalog({ openapi: 2, paths: {} }))
    expect(e.code).toBe('INVALID_INPUT')
    expect(e.message).toContain('at openapi')
  })

  it('requires an API from info.x-api or the options, and checks it', () => {
    const d = doc({}, {}, { info: { title: 't', version: '1' } })
    expect(errorOf(() => loadCatalog(d)).message).toMatch(/which API/)
    expect(loadCatalog(d, { api: 'insightcloudsec' })).toEqual([])
    const bad = doc({}, {}, { info: { title: 't', version: '1', 'x-api': 'aws' } })
    expect(errorOf(() => loadCatalog(bad)).message).toContain('info["x-api"]')
  })

  it('names the path of a broken parameter, response or request body', () => {
    const noName = doc({ '/x': { get: { parameters: [{ in: 'query' }], responses: ok } } })
    expect(errorOf(() => loadCatalog(noName)).message).toBe(
      'Catalog document is malformed at paths["/x"].get.parameters[0]: parameter has no "name"'
    )
    const badIn = doc({ '/x': { get: { parameters: [{ name: 'a', in: 'body' }], responses: ok } } })
    expect(errorOf(() => loadCatalog(badIn)).message).toMatch(/parameters\[0\].*"in" = "body"/)
    const badStatus = doc({ '/x': { get: { responses: { twohundred: { description: 'x' } } } } })
    expect(errorOf(() => loadCatalog(badStatus)).message).toContain('paths["/x"].get.responses.twohundred')
    const noContent = doc({ '/x': { post: { requestBody: { content: {} }, responses: ok } } })
    expect(errorOf(() => loadCatalog(noContent)).message).toContain('paths["/x"].post.requestBody')
    expect(errorOf(() => loadCatalog(doc({ x: {} }))).message).toContain('must start with "/"')
    expect(errorOf(() => loadCatalog(doc({ '/x': { get: 'nope' } }))).message).toContain('paths["/x"].get')
  })

  it('names a dangling or external $ref and where it was used', () => {
    const dangling = doc({ '/x': { get: { parameters: [{ $ref: '#/components/parameters/Nope' }], responses: ok } } })
    expect(errorOf(() => loadCatalog(dangling)).message).toMatch(/parameters\[0\].*"#\/components\/parameters\/Nope" points to nothing/)
    const external = doc({ '/x': { get: { responses: { 200: { description: 'ok', content: { 'application/json': { schema: { $ref: 'other.yaml#/A' } } } } } } } })
    expect(errorOf(() => loadCatalog(external)).message).toMatch(/external \$ref "other\.yaml#\/A"/)
    const lenient = loadCatalog(external, { strictRefs: false })
    expect(lenient[0]?.responses[0]?.schema).toEqual({ $comment: 'unresolved reference other.yaml#/A' })
  })

  it('rejects one of our extensions with a wrong value, naming the key', () => {
    const d = doc({ '/x': { get: { responses: ok, 'x-privilege': 'Write' } } })
    expect(errorOf(() => loadCatalog(d)).message).toMatch(/paths\["\/x"\]\.get\.x-privilege/)
    const other = doc({ '/x': { get: { responses: ok, 'x-netskope-route-params': { a: 1 } } } })
    expect(loadCatalog(other)[0]?.extensions).toEqual({})
  })
})

describe('loadCatalog: references and merging', () => {
  it('inlines nested refs, keeps sibling keywords, and cuts cycles', () => {
    const components = {
      schemas: {
        Node: { type: 'object', properties: { child: { $ref: '#/components/schemas/Node' }, tag: { $ref: '#/components/schemas/Tag' } } },
        Tag: { type: 'string', description: 'a tag' },
        Weird: { type: 'object', properties: { default: { $ref: '#/components/schemas/Tag' } }, example: { $ref: 'literal' } }
      }
    }
    const json = (name: string) => ({ 'application/json': { schema: { $ref: `#/components/schemas/${name}`, description: 'overridden' } } })
    const d = doc({ '/n': { get: { responses: { 200: { description: 'ok', content: json('Node') } } } }, '/w': { get: { responses: { 200: { description: 'ok', content: json('Weird') } } } } }, components)
    const [n, w] = loadCatalog(d)
    const schema = n?.responses[0]?.schema
    expect(schema?.description).toBe('overridden')
    expect(schema?.properties).toEqual({
      child: { $comment: 'circular reference to #/components/schemas/Node' },
      tag: { type: 'string', description: 'a tag' }
    })
    // "default" under properties is a property name (resolved); "example" is data (left as written).
    expect(w?.responses[0]?.schema).toMatchObject({ properties: { default: { type: 'string' } }, example: { $ref: 'literal' } })
  })

  it('merges path-level parameters, letting the operation override by name and place', () => {
    const d = doc({
      '/lists/{id}': {
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'integer' }, description: 'path level' },
          { name: 'X-Trace', in: 'header', schema: { type: 'string' } }
        ],
        get: { parameters: [{ name: 'x-trace', in: 'header', description: 'op level', schema: { type: 'string', enum: ['a', 'b'] } }], responses: ok }
      }
    })
    const params = loadCatalog(d)[0]?.parameters
    expect(params?.map((p) => `${p.in}:${p.name}:${p.description}`)).toEqual(['path:id:path level', 'header:x-trace:op level'])
    expect(params?.[1]?.enum).toEqual(['a', 'b'])
  })

  it('falls back on summaries, keeps repeated operationIds apart, and infers ICS namespaces', () => {
    const d = doc(
      { '/v2/prototype/a': { post: { operationId: 'dup', responses: ok } }, '/v2/public/b': { get: { operationId: 'dup', responses: ok } } },
      {},
      { info: { title: 'imported', version: '1' } }
    )
    const [a, b] = loadCatalog(d, { api: 'insightcloudsec' })
    expect([a?.id, b?.id]).toEqual(['insightcloudsec:dup', 'insightcloudsec:dup#2'])
    expect(a?.summary).toBe('POST /v2/prototype/a')
    expect(a?.extensions.icsNamespace).toBe('prototype')
    expect(a?.badges.map((x) => x.kind)).toEqual(['ics-namespace', 'caution'])
    expect(b?.extensions).toEqual({ icsNamespace: 'public' })
  })

  it('takes examples from an examples map, a single example, or the schema', () => {
    const media = (m: Doc) => ({ requestBody: { content: { 'text/plain': { schema: { type: 'string' } }, 'application/json': m } }, responses: ok })
    const d = doc({
      '/a': { post: media({ schema: { type: 'integer' }, examples: { one: { summary: 's', value: 1 }, ext: { externalValue: 'x' } } }) },
      '/b': { post: media({ schema: { type: 'integer' }, example: 2 }) },
      '/c': { post: media({ schema: { type: 'integer', examples: [3, 4] } }) }
    })
    const [a, b, c] = loadCatalog(d)
    expect(a?.requestBody?.contentType).toBe('application/json')
    expect(a?.requestBody?.contentTypes).toEqual(['text/plain', 'application/json'])
    expect(a?.requestBody?.examples).toEqual([{ name: 'one', summary: 's', value: 1 }])
    expect(b?.requestBody?.examples).toEqual([{ name: 'example', value: 2 }])
    expect(c?.requestBody?.examples.map((e) => e.value)).toEqual([3, 4])
  })
})
