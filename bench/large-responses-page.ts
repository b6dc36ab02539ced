/**
 * Code that bench/large-responses.ts runs inside the page (Playwright serialises each function, so none may use
 * anything outside its own body). Browser globals are typed locally: bench/ is compiled without the DOM library.
 */
interface El {
  textContent: string | null
  scrollHeight: number
  clientHeight: number
  scrollTop: number
  click(): void
}
interface PageGlobals {
  document: { querySelector(selector: string): El | null; querySelectorAll(selector: string): ArrayLike<El> }
  performance: { now(): number }
  requestAnimationFrame(callback: () => void): number
  PerformanceObserver: new (callback: (list: { getEntries(): Array<{ startTime: number; duration: number }> }) => void) => {
    observe(options: object): void
  }
  __longTasks?: Array<{ start: number; duration: number }>
}

/** Init script: records every main-thread task over 50 ms (the Long Tasks API's threshold). */
export function observeLongTasks(): void {
  const page = globalThis as unknown as PageGlobals
  page.__longTasks = []
  new page.PerformanceObserver((list) => {
    for (const entry of list.getEntries()) page.__longTasks?.push({ start: entry.startTime, duration: entry.duration })
  }).observe({ type: 'longtask', buffered: true })
}

/**
 * Clicks Send and resolves with the ms until the large-body viewer shows text rows and can scroll (checked every
 * frame), or rejects after `timeoutMs`.
 */
export function sendUntilVisible(timeoutMs: number): Promise<number> {
  const page = globalThis as unknown as PageGlobals
  const buttons = Array.from(page.document.querySelectorAll('button'))
  const send = buttons.find((button) => button.textContent?.trim() === 'Send')
  if (!send) return Promise.reject(new Error('no Send button'))
  const start = page.performance.now()
  send.click()
  return new Promise((resolve, reject) => {
    const tick = (): void => {
      const viewport = page.document.querySelector('[data-testid="large-body-viewport"]')
      const text = page.document.querySelector('[data-testid="large-body-row"][data-row="1"] .large-body-text:not(.loading)')
      const now = page.performance.now()
      if (viewport && text && viewport.scrollHeight > viewport.clientHeight) resolve(now - start)
      else if (now - start > timeoutMs) reject(new Error(`the body was not visible after ${timeoutMs} ms`))
      else page.requestAnimationFrame(tick)
    }
    tick()
  })
}

export function now(): number {
  return (globalThis as unknown as PageGlobals).performance.now()
}

/** Moves the scrollbar to a share of its range, as dragging its thumb does. */
export function scrollToShare(share: number): void {
  const viewport = (globalThis as unknown as PageGlobals).document.querySelector('[data-testid="large-body-viewport"]')
  if (viewport) viewport.scrollTop = (viewport.scrollHeight - viewport.clientHeight) * share
}

/** The longest task (ms) that started at or after `since`; 0 when none reached the 50 ms Long Tasks threshold. */
export function longestTaskSince(since: number): number {
  const tasks = (globalThis as unknown as PageGlobals).__longTasks ?? []
  return tasks.filter((task) => task.start >= since).reduce((longest, task) => Math.max(longest, task.duration), 0)
}
