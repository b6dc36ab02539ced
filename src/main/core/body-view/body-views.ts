import { join } from 'node:path'
import { AppError } from '@shared/model/errors'
import type { BodyRows, BodySearchPage, BodyViewMode } from '@shared/model/body-view'
import type { StoredBody } from '../stored-body/stored-body'
import { storedSource } from './byte-source'
import { BodyView } from './body-view'
import { searchView, type SearchOptions } from './body-search'
import { saveBody } from './save-body'
import { secretBytes } from '../stored-body/secret-bytes'
import { RunRegistry } from '../runs/run-registry'

/** Looks at the first bytes only: a body that opens with { or [ gets the re-indented view. */
const SNIFF_BYTES = 256

/**
 * Windowed access to kept response bodies for the large-body viewer: rows (raw or pretty JSON), streamed search with
 * cancel, and save to a file. Views are built on first use and dropped with their body.
 */
export class BodyViews {
  private readonly views = new Map<string, BodyView>()
  private readonly jsonBodies = new Map<string, boolean>()
  private readonly searches = new RunRegistry((searchId) => `A search with id "${searchId}" is already going.`)

  constructor(
    private readonly lookup: (responseId: string) => StoredBody | undefined,
    /** Where re-indented copies go (the body temp folder, so leftovers are swept with the bodies). */
    private readonly dir: string,
    /** The secret values to mask in a body (BodyStore.secretsOf). */
    private readonly secretsOf: (responseId: string) => readonly string[] = () => []
  ) {}

  async rows(responseId: string, mode: BodyViewMode, fromRow: number, count: number): Promise<BodyRows> {
    const view = await this.view(responseId, mode)
    const rows = await view.readRows(fromRow, count)
    return {
      mode: view.mode,
      firstRow: fromRow,
      rows,
      totalRows: view.availableRows,
      done: view.done,
      indexedBytes: view.sourceBytes,
      totalBytes: view.totalBytes
    }
  }

  /** One page of matches; a second search with the same id cancels the first. */
  async search(searchId: string, responseId: string, mode: BodyViewMode, options: SearchOptions): Promise<BodySearchPage> {
    const signal = this.searches.restart(searchId)
    try {
      return await searchView(await this.view(responseId, mode), options, signal)
    } finally {
      this.searches.finish(searchId, signal)
    }
  }

  cancelSearch(searchId: string): boolean {
    return this.searches.drop(searchId)
  }

  /** Decoded size of a kept body; throws NOT_FOUND when it is not kept. */
  size(responseId: string): number {
    return this.body(responseId).size
  }

  async save(responseId: string, path: string): Promise<number> {
    return saveBody(this.body(responseId), path)
  }

  /** True when release() has anything to drop: most bodies are never opened in the windowed viewer. */
  holds(responseId: string): boolean {
    if (this.views.size === 0) return this.jsonBodies.has(responseId) // usual: no keys to build and hash
    return this.jsonBodies.has(responseId) || this.views.has(`${responseId}:raw`) || this.views.has(`${responseId}:pretty`)
  }

  /** Drops the views of a body (call before the body itself is released). */
  async release(responseId: string): Promise<void> {
    this.jsonBodies.delete(responseId)
    const disposing: Array<Promise<void>> = []
    for (const mode of ['raw', 'pretty'] as const) {
      const view = this.views.get(`${responseId}:${mode}`)
      this.views.delete(`${responseId}:${mode}`)
      if (view) disposing.push(view.dispose())
    }
    await Promise.all(disposing)
  }

  async clear(): Promise<void> {
    this.searches.dropAll()
    const ids = new Set([...this.views.keys()].map((key) => key.slice(0, key.lastIndexOf(':'))))
    await Promise.all([...ids].map((id) => this.release(id)))
  }

  private body(responseId: string): StoredBody {
    const body = this.lookup(responseId)
    if (!body) {
      throw new AppError('NOT_FOUND', `No response body with id "${responseId.slice(0, 64)}" is kept (it was released, or the app restarted).`, 'Send the request again.')
    }
    return body
  }

  private async view(responseId: string, asked: BodyViewMode): Promise<BodyView> {
    const body = this.body(responseId)
    const mode = asked === 'pretty' && (await this.isJson(responseId, body)) ? 'pretty' : 'raw'
    const key = `${responseId}:${mode}`
    let view = this.views.get(key)
    if (!view) {
      // The id was issued by main (a UUID, checked by lookup above), so it is safe in a file name.
      view = new BodyView(body, mode, join(this.dir, `${responseId}.pretty.body`), secretBytes(this.secretsOf(responseId)))
      this.views.set(key, view)
    }
    return view
  }

  private async isJson(responseId: string, body: StoredBody): Promise<boolean> {
    const known = this.jsonBodies.get(responseId)
    if (known !== undefined) return known
    const source = await storedSource(body)
    const head = await source.read(0, SNIFF_BYTES).finally(() => source.close())
    const first = head.toString('latin1').trimStart()[0]
    const json = first === '{' || first === '['
    this.jsonBodies.set(responseId, json)
    return json
  }
}
