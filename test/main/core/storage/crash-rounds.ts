import type { SavedRequestInput } from '@shared/collections/saved-request'

/** What the crash-safety child writes in round n, and how the parent reads n back from the files. */
export const VAULT_KEY = 'crash-env/apiKey'
export const CRASH_REQUEST_PATH = 'crash.request.json'

/** Large enough that a write takes a while (a wide window for the kill), small enough to keep rounds quick. */
const FILLER = 'x'.repeat(64 * 1024)

export const roundTimeout = (round: number): number => 1000 + round

export const roundSecret = (round: number): string => `secret-${round}-${FILLER.slice(0, 16 * 1024)}`

export function roundRequest(round: number): Omit<SavedRequestInput, 'id'> & { id: string } {
  return {
    id: 'crash-request',
    name: `round ${round}`,
    request: {
      method: 'POST',
      url: `https://example.test/round/${round}`,
      query: [],
      headers: [],
      body: { kind: 'json', text: JSON.stringify({ round, filler: FILLER }) }
    }
  }
}

export function roundOfSecret(secret: string | null): number {
  return Number(/^secret-(\d+)-/.exec(secret ?? '')?.[1] ?? NaN)
}

export function roundOfName(name: string): number {
  return Number(/^round (\d+)$/.exec(name)?.[1] ?? NaN)
}
