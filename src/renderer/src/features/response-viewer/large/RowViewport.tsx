import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import { clampTop, geometry, ROW_HEIGHT, scrollFromTop, topFromScroll } from './scroll-math'

interface Props {
  totalRows: number
  /** Row at the top of the viewport (fractional while scrolling by pixels). */
  top: number
  onTop(top: number): void
  onVisibleRows(rows: number): void
  renderRow(row: number): React.ReactNode
  label: string
}

/**
 * A virtualised list of fixed-height rows: only the rows in view are in the DOM, whatever the total. The scroll
 * range is scaled beyond the browser's height limit (see scroll-math), and then the wheel and keys move by rows.
 */
export function RowViewport({ totalRows, top: asked, onTop, onVisibleRows, renderRow, label }: Props): React.JSX.Element {
  const viewport = useRef<HTMLDivElement>(null)
  const [height, setHeight] = useState(400)
  // Where we last put the scrollbar ourselves, so the scroll event it causes keeps the exact (unscaled) row.
  const expected = useRef<number | null>(null)
  const g = geometry(totalRows, height)
  // A jump may ask for a row past the last full page; show the last page instead.
  const top = clampTop(asked, g)
  const latest = useRef({ g, top, onTop })
  useLayoutEffect(() => {
    latest.current = { g, top, onTop }
  })

  useLayoutEffect(() => {
    const element = viewport.current
    if (!element) return
    const observer = new ResizeObserver(() => setHeight(element.clientHeight))
    observer.observe(element)
    setHeight(element.clientHeight)
    return () => observer.disconnect()
  }, [])

  const visible = Math.ceil(height / ROW_HEIGHT) + 1
  useEffect(() => onVisibleRows(visible), [visible, onVisibleRows])

  // Keep the scrollbar where `top` says (after a jump to a match, a key press, or new rows arriving).
  useLayoutEffect(() => {
    const element = viewport.current
    if (!element) return
    const wanted = scrollFromTop(top, g)
    if (Math.abs(element.scrollTop - wanted) >= 1) {
      element.scrollTop = wanted
      expected.current = element.scrollTop
    }
  })

  useEffect(() => {
    const element = viewport.current
    if (!element) return
    // Not a React onWheel: React's wheel listener is passive and could not stop the scaled pixel scroll.
    const onWheel = (event: WheelEvent): void => {
      const { g: now, top: current, onTop: move } = latest.current
      if (!now.scaled || event.ctrlKey) return
      event.preventDefault()
      const rows = event.deltaMode === 1 ? event.deltaY : event.deltaMode === 2 ? event.deltaY * visible : event.deltaY / ROW_HEIGHT
      move(clampTop(current + rows, now))
    }
    element.addEventListener('wheel', onWheel, { passive: false })
    return () => element.removeEventListener('wheel', onWheel)
  }, [visible])

  const onScroll = (): void => {
    const element = viewport.current
    if (!element) return
    if (expected.current !== null && Math.abs(element.scrollTop - expected.current) < 1) return
    expected.current = null
    onTop(topFromScroll(element.scrollTop, g))
  }

  const onKeyDown = (event: React.KeyboardEvent): void => {
    const page = Math.max(1, visible - 2)
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page, ' ': page }
    let next: number | null = null
    if (event.key === 'Home') next = 0
    else if (event.key === 'End') next = g.maxTop
    else if (event.key in moves) next = Math.round(top) + (moves[event.key] ?? 0) * (event.shiftKey && event.key === ' ' ? -1 : 1)
    else if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') return
    if (next === null) return
    event.preventDefault()
    onTop(clampTop(next, g))
  }

  const first = Math.floor(top)
  const offset = (top - first) * ROW_HEIGHT
  const rows: React.ReactNode[] = []
  for (let row = first; row < Math.min(totalRows, first + visible + 1); row++) rows.push(renderRow(row))
  return (
    <div
      ref={viewport}
      className="large-body-viewport"
      data-testid="large-body-viewport"
      tabIndex={0}
      role="region"
      aria-label={label}
      onScroll={onScroll}
      onKeyDown={onKeyDown}
    >
      <div className="large-body-spacer" style={{ height: g.contentPx }}>
        <div className="large-body-rows" style={{ transform: `translateY(${scrollFromTop(top, g) - offset}px)` }}>
          {rows}
        </div>
      </div>
    </div>
  )
}
