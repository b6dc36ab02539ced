import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from 'react'
import type { BodyMatch, BodyViewMode } from '@shared/model/body-view'
import { call, toErrorShape } from '../../../api/client'

/** Matches kept in the renderer; beyond this the count shows "10000+" and the rest stay in main. */
export const MAX_KEPT_MATCHES = 10_000
const PAGE_MATCHES = 1000

export interface BodySearch {
  query: string
  caseSensitive: boolean
  matches: BodyMatch[]
  /** Index into matches of the selected one, -1 when none. */
  current: number
  searching: boolean
  /** Share of the body searched so far (0..1). */
  progress: number
  /** More matches exist than are kept. */
  capped: boolean
  error: string | null
  run(query: string, caseSensitive: boolean): void
  step(delta: 1 | -1): void
}

/** What the hook keeps, plus the body and mode these matches belong to. */
type State = Omit<BodySearch, 'run' | 'step'> & { key: string }

const IDLE: State = { key: '', query: '', caseSensitive: false, matches: [], current: -1, searching: false, progress: 0, capped: false, error: null }

/**
 * Search over a large body, run in main page by page (each page a bounded scan), so the renderer only keeps match
 * positions. `onJump` is called with the match to bring into view: the first one found, then on every step.
 */
export function useBodySearch(responseId: string, mode: BodyViewMode, onJump: (match: BodyMatch) => void): BodySearch {
  const key = `${responseId}:${mode}`
  const [stored, setState] = useState<State>(IDLE)
  // A new body or view mode makes old matches meaningless.
  const state = stored.key === key ? stored : { ...IDLE, key }
  const searchId = useRef(`search-${useId()}`)
  const generation = useRef(0)
  const jump = useRef(onJump)
  useLayoutEffect(() => {
    jump.current = onJump
  })

  const stop = useCallback(() => {
    generation.current++
    void call('response:search-cancel', { searchId: searchId.current }).catch(() => undefined)
  }, [])

  // Leaving a body or mode stops its search in main.
  useEffect(() => stop, [responseId, mode, stop])

  const run = useCallback(
    (query: string, caseSensitive: boolean) => {
      stop()
      const mine = ++generation.current
      if (query === '') {
        setState({ ...IDLE, key })
        return
      }
      setState({ ...IDLE, key, query, caseSensitive, searching: true })
      const page = (fromRow: number, found: number): void => {
        call('response:search', { searchId: searchId.current, responseId, mode, query, caseSensitive, fromRow, maxMatches: PAGE_MATCHES })
          .then((result) => {
            if (mine !== generation.current) return
            const room = MAX_KEPT_MATCHES - found
            const added = result.matches.slice(0, room)
            const capped = result.matches.length > room || (found + added.length >= MAX_KEPT_MATCHES && result.nextRow !== null)
            const more = result.nextRow !== null && !capped
            if (found === 0 && added[0]) jump.current(added[0])
            setState((previous) => ({
              ...previous,
              matches: added.length > 0 ? [...previous.matches, ...added] : previous.matches,
              current: previous.current === -1 && added.length > 0 ? 0 : previous.current,
              searching: more,
              progress: result.viewBytes > 0 ? result.searchedBytes / result.viewBytes : 1,
              capped
            }))
            if (more && result.nextRow !== null) page(result.nextRow, found + added.length)
          })
          .catch((failure: unknown) => {
            if (mine !== generation.current) return
            const shape = toErrorShape(failure)
            if (shape.code !== 'CANCELLED') setState((previous) => ({ ...previous, searching: false, error: shape.message }))
          })
      }
      page(0, 0)
    },
    [responseId, mode, key, stop]
  )

  const step = useCallback((delta: 1 | -1) => {
    setState((previous) => {
      if (previous.key !== key || previous.matches.length === 0) return previous
      const current = (previous.current + delta + previous.matches.length) % previous.matches.length
      const match = previous.matches[current]
      if (match) queueMicrotask(() => jump.current(match))
      return { ...previous, current }
    })
  }, [key])

  return { ...state, run, step }
}
