/**
 * Maps a row position to a scrollbar position and back. Browsers cap an element's height (about 33 million px in
 * Chromium), so a body with millions of rows gets a scaled scroll range: the scrollbar stays proportional and the
 * wheel and keys move by rows (handled in RowViewport) instead of by scaled pixels.
 */
export const ROW_HEIGHT = 18
const MAX_SCROLL_PX = 8_000_000

export interface ScrollGeometry {
  /** Height of the scrollable content, px. */
  contentPx: number
  /** Largest top row (the last row then sits at the bottom of the viewport). */
  maxTop: number
  scaled: boolean
  viewportPx: number
}

export function geometry(totalRows: number, viewportPx: number): ScrollGeometry {
  const fullPx = totalRows * ROW_HEIGHT
  const contentPx = Math.min(fullPx, MAX_SCROLL_PX)
  const maxTop = Math.max(0, totalRows - Math.floor(viewportPx / ROW_HEIGHT))
  return { contentPx, maxTop, scaled: fullPx > MAX_SCROLL_PX, viewportPx }
}

export function clampTop(top: number, g: ScrollGeometry): number {
  return Math.min(Math.max(0, top), g.maxTop)
}

export function topFromScroll(scrollTop: number, g: ScrollGeometry): number {
  if (!g.scaled) return clampTop(scrollTop / ROW_HEIGHT, g)
  const range = g.contentPx - g.viewportPx
  return range > 0 ? clampTop((scrollTop / range) * g.maxTop, g) : 0
}

export function scrollFromTop(top: number, g: ScrollGeometry): number {
  if (!g.scaled) return top * ROW_HEIGHT
  return g.maxTop > 0 ? (top / g.maxTop) * (g.contentPx - g.viewportPx) : 0
}
