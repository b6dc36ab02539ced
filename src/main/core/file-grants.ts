import { resolve } from 'node:path'
import { AppError } from '@shared/model/errors'
import type { RequestSpec } from '@shared/model/request'

/**
 * Local files main may read on the renderer's behalf. The renderer is not trusted (house rule 4): if it could name
 * any path in a multipart part or as an environment's CA bundle, a compromised page could upload ~/.ssh/id_rsa to a
 * server of its choosing. So a path is only read when it came from main itself: picked in main's file dialog, or
 * found in a request main read from disk (a collection file, a history entry) in this session.
 */
export class FileGrants {
  private readonly granted = new Set<string>()

  grant(path: string): void {
    this.granted.add(resolve(path))
  }

  /** Every file part of a request main itself loaded (from a collection on disk, or history). */
  grantFrom(spec: RequestSpec): void {
    for (const path of filePaths(spec)) this.grant(path)
  }

  has(path: string): boolean {
    return this.granted.has(resolve(path))
  }

  /** Throws a readable error naming the first file part that was not chosen through main. */
  checkRequest(spec: RequestSpec): void {
    for (const path of filePaths(spec)) {
      if (!this.has(path)) {
        throw new AppError('INVALID_INPUT', `The file ${path} was not chosen in this session: choose it again with "Choose file…" before sending.`)
      }
    }
  }

  /** A CA bundle path is accepted when picked in the dialog, or when it is the one the environment already had. */
  checkCaPath(next: string | null, current: string | null): void {
    if (next === null || next === current || this.has(next)) return
    throw new AppError('INVALID_INPUT', `The CA bundle ${next} was not chosen in this session: choose it with "Choose CA file…".`)
  }
}

function filePaths(spec: RequestSpec): string[] {
  return spec.body.kind === 'multipart' ? spec.body.parts.flatMap((part) => (part.kind === 'file' ? [part.path] : [])) : []
}
