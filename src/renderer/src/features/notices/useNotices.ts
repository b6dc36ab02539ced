import { useCallback, useEffect, useState } from 'react'
import { call } from '../../api/client'

/** Start-up notices from main (e.g. a corrupt file moved aside); dismissing clears them in main too. */
export function useNotices(): { notices: string[]; dismiss: () => void } {
  const [notices, setNotices] = useState<string[]>([])
  useEffect(() => {
    let live = true
    // A failed fetch only hides the banner: the notices are also in main's log.
    call('app:notices', {})
      .then((list) => {
        if (live) setNotices(list)
      })
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [])
  const dismiss = useCallback(() => {
    setNotices([])
    void call('app:dismiss-notices', {}).catch(() => undefined)
  }, [])
  return { notices, dismiss }
}
