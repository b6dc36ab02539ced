/** What a cancellable run needs from a cancel signal: an AbortSignal fits, and so does the lighter RunSignal. */
export interface CancelSignal {
  readonly aborted: boolean
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void
  removeEventListener(type: 'abort', listener: () => void): void
}

/**
 * The cancel handle of one run (a send, an iterator run, a body search), handed out by RunRegistry. Not an
 * AbortController: an EventTarget costs several microseconds to create and listen to, and sends make one each.
 * Listeners run once, on the first abort() (which is why `once` needs no bookkeeping here).
 */
export class RunSignal implements CancelSignal {
  aborted = false
  /** Made on first use: most sends are never listened to twice, and many finish before anything listens. */
  private listeners: (() => void)[] | null = null

  addEventListener(_type: 'abort', listener: () => void): void {
    if (!this.aborted) (this.listeners ??= []).push(listener)
  }

  removeEventListener(_type: 'abort', listener: () => void): void {
    const at = this.listeners?.indexOf(listener) ?? -1
    if (at >= 0) this.listeners?.splice(at, 1)
  }

  abort(): void {
    if (this.aborted) return
    this.aborted = true
    const listeners = this.listeners ?? []
    this.listeners = null
    for (const listener of listeners) listener()
  }
}
