import { useState } from 'react'
import type { BodySearch } from './useBodySearch'

/** Search box for a large body: Enter searches (in main), then Enter / Shift+Enter step through the matches. */
export function BodySearchBar({ search }: { search: BodySearch }): React.JSX.Element {
  const [text, setText] = useState('')
  const [caseSensitive, setCaseSensitive] = useState(false)
  const fresh = text === search.query && caseSensitive === search.caseSensitive

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>): void => {
    if (event.key !== 'Enter') return
    event.preventDefault()
    if (!fresh) search.run(text, caseSensitive)
    else search.step(event.shiftKey ? -1 : 1)
  }

  const count = `${search.matches.length}${search.capped ? '+' : ''}`
  const status = search.error
    ? search.error
    : search.query === ''
      ? ''
      : search.matches.length === 0
        ? search.searching
          ? `Searching… ${Math.round(search.progress * 100)}%`
          : 'No matches'
        : `${search.current + 1} of ${count}${search.searching ? ` (searching… ${Math.round(search.progress * 100)}%)` : ''}`
  return (
    <div className="body-search" role="search">
      <input
        type="search"
        aria-label="Search the body"
        placeholder="Search the body (Enter)"
        data-testid="body-search-input"
        value={text}
        maxLength={1000}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <label className="muted">
        <input type="checkbox" checked={caseSensitive} onChange={(event) => setCaseSensitive(event.target.checked)} /> Aa
      </label>
      <button type="button" aria-label="Previous match" disabled={search.matches.length === 0} onClick={() => search.step(-1)}>
        ↑
      </button>
      <button type="button" aria-label="Next match" disabled={search.matches.length === 0} onClick={() => search.step(1)}>
        ↓
      </button>
      <span className="muted" role="status" data-testid="body-search-status">
        {status}
      </span>
    </div>
  )
}
