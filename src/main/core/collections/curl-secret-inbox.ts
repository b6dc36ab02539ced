import { randomUUID } from 'node:crypto'
import { SECRET_NAME, type CurlSecret } from '@shared/collections/curl-secrets'
import { AppError } from '@shared/model/errors'

/** Imports whose credentials wait for the user's answer; older ones are forgotten (the values go with them). */
const MAX_HELD = 16
const HOLD_MS = 15 * 60_000

/**
 * Credentials taken out of pasted cURL commands, held in main between the import and the user's "Move to vault" or
 * "Discard" in the notice: the renderer only ever gets their names. Each set is handed out once, then forgotten.
 */
export class CurlSecretInbox {
  private readonly held = new Map<string, { secrets: CurlSecret[]; until: number }>()

  constructor(private readonly now: () => number = Date.now) {}

  /** Holds `secrets`; the id to claim them with, or null when there are none. */
  hold(secrets: CurlSecret[]): string | null {
    if (secrets.length === 0) return null
    for (const [id, entry] of this.held) if (entry.until <= this.now()) this.held.delete(id)
    while (this.held.size >= MAX_HELD) this.held.delete(this.held.keys().next().value as string)
    for (const secret of secrets) if (!SECRET_NAME.test(secret.name)) throw new AppError('INTERNAL', `"${secret.name}" is not a valid secret name.`)
    const id = randomUUID()
    this.held.set(id, { secrets, until: this.now() + HOLD_MS })
    return id
  }

  /** The held secrets, removed from here; NOT_FOUND once taken, discarded or expired. */
  take(id: string): CurlSecret[] {
    const entry = this.held.get(id)
    this.held.delete(id)
    if (entry === undefined || entry.until <= this.now()) {
      throw new AppError('NOT_FOUND', 'These credentials are no longer held (already stored, discarded or expired); paste the command again.')
    }
    return entry.secrets
  }

  discard(id: string): boolean {
    return this.held.delete(id)
  }
}
