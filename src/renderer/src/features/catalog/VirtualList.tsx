import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'

interface Props<T> {
  items: readonly T[]
  heightOf(item: T): number
  keyOf(item: T): string
  render(item: T): React.ReactNode
  /** Index kept in view (keyboard selection); null = leave the scroll position alone. */
  activeIndex: number | null
  id: string
  label: string
  testId: string
}

const OVERSCAN_PX = 300

/** Index of the last item starting at or before `y` (offsets ascending, offsets[0] = 0). */
function indexAt(offsets: readonly number[], y: number): number {
  let lo = 0
  let hi = offsets.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if ((offsets[mid] ?? 0) <= y) lo = mid
    else hi = mid - 1
  }
  return lo
}

/**
 * A windowed list: only the rows intersecting the viewport (plus a margin) are in the DOM, so a catalog of
 * thousands of operations costs the same to scroll as one of fifty. Row heights are fixed per item (known up
 * front), which keeps positioning a prefix sum and a binary search rather than measurement.
 */
export function VirtualList<T>({ items, heightOf, keyOf, render, activeIndex, id, label, testId }: Props<T>): React.JSX.Element {
  const viewport = useRef<HTMLDivElement>(null)
  const [scrollTop, setScrollTop] = useState(0)
  const [height, setHeight] = useState(600)

  const offsets = useMemo(() => {
    const out = new Array<number>(items.length + 1)
    out[0] = 0
    for (let i = 0; i < items.length; i++) out[i + 1] = (out[i] ?? 0) + heightOf(items[i] as T)
    return out
  }, [items, heightOf])
  const total = offsets[items.length] ?? 0

  useLayoutEffect(() => {
    const el = viewport.current
    if (!el) return
    // The observer reports the initial size too, so no synchronous setState is needed here.
    const observer = new ResizeObserver(() => setHeight(el.clientHeight))
    observer.observe(el)
    return () => observer.disconnect()
  }, [])

  // A new result list starts at the top: the state is reset while rendering, the DOM in an effect.
  const [scrolledFor, setScrolledFor] = useState(items)
  if (scrolledFor !== items) {
    setScrolledFor(items)
    setScrollTop(0)
  }
  useEffect(() => {
    if (viewport.current) viewport.current.scrollTop = 0
  }, [items])

  useEffect(() => {
    const el = viewport.current
    if (!el || activeIndex === null) return
    const top = offsets[activeIndex] ?? 0
    const bottom = offsets[activeIndex + 1] ?? top
    if (top < el.scrollTop) el.scrollTop = top
    else if (bottom > el.scrollTop + el.clientHeight) el.scrollTop = bottom - el.clientHeight
  }, [activeIndex, offsets])

  const first = items.length === 0 ? 0 : indexAt(offsets, Math.max(0, scrollTop - OVERSCAN_PX))
  const last = items.length === 0 ? -1 : indexAt(offsets, scrollTop + height + OVERSCAN_PX)
  const visible: React.ReactNode[] = []
  for (let i = first; i <= last && i < items.length; i++) {
    const item = items[i] as T
    visible.push(
      <div key={keyOf(item)} className="vlist-row" style={{ top: offsets[i], height: heightOf(item) }}>
        {render(item)}
      </div>
    )
  }

  return (
    <div
      ref={viewport}
      id={id}
      className="vlist"
      role="listbox"
      aria-label={label}
      data-testid={testId}
      data-total-rows={items.length}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
    >
      <div className="vlist-inner" style={{ height: total }}>
        {visible}
      </div>
    </div>
  )
}
