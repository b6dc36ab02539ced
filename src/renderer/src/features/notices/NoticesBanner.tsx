import { useNotices } from './useNotices'

/** Problems found at start (a corrupt settings, vault or collections file moved aside), until the user closes it. */
export function NoticesBanner(): React.JSX.Element | null {
  const { notices, dismiss } = useNotices()
  if (notices.length === 0) return null
  return (
    <div className="banner banner-warning" role="alert" data-testid="notices">
      <ul className="notice-list">
        {notices.map((notice, index) => (
          <li key={`${index}:${notice}`} data-testid="notice">
            {notice}
          </li>
        ))}
      </ul>
      <button type="button" onClick={dismiss} data-testid="dismiss-notices">
        Dismiss
      </button>
    </div>
  )
}
