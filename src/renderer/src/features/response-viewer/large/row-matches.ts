import type { BodyMatch } from '@shared/model/body-view'

const encoder = new TextEncoder()

/** A highlighted part of a row, in UTF-16 indexes of the row text. */
export interface Mark {
  start: number
  end: number
  current: boolean
}

/** First index in `matches` (sorted by row) whose row is >= `row`. */
export function firstMatchAtOrAfter(matches: readonly BodyMatch[], row: number): number {
  let lo = 0
  let hi = matches.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((matches[mid]?.row ?? 0) < row) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Main reports byte columns; the row's text is UTF-16. Maps a byte offset in the row's UTF-8 to a text index. */
export function charIndex(text: string, byteOffset: number): number {
  if (byteOffset <= 0) return 0
  const bytes = encoder.encode(text)
  if (byteOffset >= bytes.length) return text.length
  // Decoding the prefix gives its UTF-16 length (main cuts rows and matches on character boundaries).
  return new TextDecoder().decode(bytes.subarray(0, byteOffset)).length
}

/** The marks of one row: its matches, clipped to the row (a match may continue on the next, folded row). */
export function marksFor(text: string, row: number, matches: readonly BodyMatch[], current: BodyMatch | undefined): Mark[] {
  const marks: Mark[] = []
  for (let i = firstMatchAtOrAfter(matches, row); i < matches.length; i++) {
    const match = matches[i]
    if (!match || match.row !== row) break
    const start = charIndex(text, match.byteColumn)
    marks.push({ start, end: charIndex(text, match.byteColumn + match.byteLength), current: match === current })
  }
  return marks
}
