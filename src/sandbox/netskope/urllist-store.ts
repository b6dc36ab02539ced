/** In-memory URL lists with the tenant's pending/deploy life cycle and URL validation. */
import { compileBoundedRegex } from '../bounded-regex'

export type UrlListType = 'exact' | 'regex'

export interface UrlList {
  id: number
  name: string
  data: { urls: string[]; type: UrlListType; json_version: number }
  modify_by: string
  modify_time: string
  modify_type: 'Created' | 'Edited' | 'Deleted'
  pending: 0 | 1
}

export const MAX_TOTAL_URLS = 300_000

const HOST = /^(\*\.)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?::\d{1,5})?$/i

/** Why `url` is not acceptable in a list of `type`, or null. */
export function urlProblem(url: string, type: UrlListType): string | null {
  if (url.length === 0) return 'URL is empty'
  if (url.length > 2048) return 'URL is longer than 2048 characters'
  if (/\s/.test(url)) return 'URL contains whitespace'
  if (type === 'regex') {
    // Checked with the bounded matcher, not RegExp: it refuses what needs backtracking (backreferences, lookaround).
    try {
      compileBoundedRegex(url)
      return null
    } catch (error) {
      return `not a valid regular expression: ${error instanceof Error ? error.message : 'unreadable'}`
    }
  }
  const withoutScheme = url.replace(/^https?:\/\//i, '')
  const host = withoutScheme.split('/')[0] ?? ''
  if (withoutScheme.slice(host.length).includes('*') || host.slice(2).includes('*') || (host.includes('*') && !host.startsWith('*.'))) {
    return 'only a leading *. wildcard is allowed'
  }
  if (!HOST.test(host)) return 'not a valid host name'
  return null
}

export class UrlListStore {
  private readonly lists = new Map<number, UrlList>()
  private nextId = 1

  constructor(private readonly now: () => number) {
    this.create('sandbox-blocklist', { urls: ['bad.example.com', '*.malware-test.example'], type: 'exact' }, 'admin@acme-sandbox.example')
    this.create('sandbox-regex', { urls: ['^https?://[a-z0-9]+\\.evil\\.example/.*$'], type: 'regex' }, 'admin@acme-sandbox.example')
    this.deploy()
  }

  private stamp(): string {
    return new Date(this.now()).toISOString()
  }

  all(): UrlList[] {
    return [...this.lists.values()]
  }

  get(id: number): UrlList | undefined {
    return this.lists.get(id)
  }

  byName(name: string): UrlList | undefined {
    return this.all().find((list) => list.name === name && list.modify_type !== 'Deleted')
  }

  totalUrls(exceptId?: number): number {
    return this.all().reduce((sum, list) => (list.id === exceptId ? sum : sum + list.data.urls.length), 0)
  }

  create(name: string, data: { urls: string[]; type: UrlListType }, by: string): UrlList {
    const list: UrlList = {
      id: this.nextId++,
      name,
      data: { urls: [...data.urls], type: data.type, json_version: 1 },
      modify_by: by,
      modify_time: this.stamp(),
      modify_type: 'Created',
      pending: 1
    }
    this.lists.set(list.id, list)
    return list
  }

  update(list: UrlList, name: string, urls: string[], type: UrlListType, by: string): UrlList {
    list.name = name
    list.data = { urls, type, json_version: list.data.json_version + 1 }
    list.modify_by = by
    list.modify_time = this.stamp()
    if (list.modify_type !== 'Created' || list.pending === 0) list.modify_type = 'Edited'
    list.pending = 1
    return list
  }

  markDeleted(list: UrlList, by: string): UrlList {
    list.modify_type = 'Deleted'
    list.modify_by = by
    list.modify_time = this.stamp()
    list.pending = 1
    return list
  }

  /** Applies every pending change: deleted lists go away, the rest become pending 0. */
  deploy(): UrlList[] {
    for (const list of this.all()) {
      if (list.modify_type === 'Deleted') this.lists.delete(list.id)
      else list.pending = 0
    }
    return this.all()
  }
}
