import { resolve } from 'node:path'
import { AppError } from '@shared/model/errors'
import type { RequestSpec } from '@shared/model/request'

/**
 * Local files main may read on the renderer's behalf. The renderer is not trusted (house rule 4): if it could name
 * any path in a multipart part or as an environment's CA bundle, a compromised page could upload ~/.ssh/id_rsa to a
 * server of its choosing. So a path is only read when it came from main itself: picked in main's file dialog, or
 * found in a request main read from its own history in this session.
 *
 * A path found in a collection file is only *offered*: the collection may be an import or a colleague's folder, and
 * its file parts can name anything on this disk. Sending such a request fails with FILE_CONFIRMATION_REQUIRED
 * (listing the paths) until the user confirms them; confirming accepts only paths main offered.
 */
export class FileGrants {
  private readonly granted = new Set<string>()
  private readonly offered = new Set<string>()

  grant(path: string): void {
    const absolute = resolve(path)
    this.granted.add(absolute)
    this.offered.delete(absolute)
  }

  /** Every file part of a request main itself loaded from its history (what it sent before). */
  grantFrom(spec: RequestSpec): void {
    for (const path of filePaths(spec)) this.grant(path)
  }

  /** Every file part of a request main read from a collection on disk: sent only after the user confirms it. */
  offerFrom(spec: RequestSpec): void {
    for (const path of filePaths(spec)) if (!this.has(path)) this.offered.add(resolve(path))
  }

  has(path: string): boolean {
    return this.granted.has(resolve(path))
  }

  /** The user confirmed these paths; every one must have been offered, or none is granted. */
  confirm(paths: readonly string[]): string[] {
    const unknown = paths.find((path) => !this.has(path) && !this.offered.has(resolve(path)))
    if (unknown !== undefined) {
      throw new AppError('INVALID_INPUT', `The file ${unknown} was not offered for confirmation: choose it with "Choose file…".`)
    }
    for (const path of paths) this.grant(path)
    return [...paths]
  }

  /** Before a send: every file part granted; offered ones are listed in one FILE_CONFIRMATION_REQUIRED error. */
  checkRequest(spec: RequestSpec): void {
    const unconfirmed = this.requireKnown(spec)
    if (unconfirmed.length === 0) return
    throw new AppError(
      'FILE_CONFIRMATION_REQUIRED',
      `This request uploads ${unconfirmed.length === 1 ? 'a local file' : 'local files'} named by a collection: ${unconfirmed.join(', ')}. Confirm before it is sent.`,
      'Check that the collection is one you trust, or choose the file again with "Choose file…".',
      unconfirmed
    )
  }

  /** Before a save to a collection: every file part granted or offered (read from disk), never merely named. */
  checkSave(spec: RequestSpec): void {
    this.requireKnown(spec)
  }

  /** A CA bundle path is accepted when picked in the dialog, or when it is the one the environment already had. */
  checkCaPath(next: string | null, current: string | null): void {
    if (next === null || next === current || this.has(next)) return
    throw new AppError('INVALID_INPUT', `The CA bundle ${next} was not chosen in this session: choose it with "Choose CA file…".`)
  }

  /** The file parts offered but not yet confirmed; throws for one neither granted nor offered. */
  private requireKnown(spec: RequestSpec): string[] {
    const pending = [...new Set(filePaths(spec))].filter((path) => !this.has(path))
    const named = pending.find((path) => !this.offered.has(resolve(path)))
    if (named !== undefined) {
      throw new AppError('INVALID_INPUT', `The file ${named} was not chosen in this session: choose it again with "Choose file…" before sending.`)
    }
    return pending
  }
}

function filePaths(spec: RequestSpec): string[] {
  return spec.body.kind === 'multipart' ? spec.body.parts.flatMap((part) => (part.kind === 'file' ? [part.path] : [])) : []
}
