import { useEffect, useRef, type ReactNode } from 'react'

interface Props {
  /** The drawer's accessible name. */
  label: string
  /** Its element id, for the opener's aria-controls. */
  id: string
  onClose(): void
  children: ReactNode
  /** Width as a CSS length; the drawer never grows wider than the window. */
  width?: string
}

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

/**
 * A side panel that slides over the right of the workspace instead of pushing it: a non-modal dialog, so the
 * request editor stays usable beside it. Opening moves focus into it, Escape (with focus inside) closes it, and
 * closing gives focus back to whatever had it before. Render it only while open.
 */
export function Drawer({ label, id, onClose, children, width = '460px' }: Props): React.JSX.Element {
  const root = useRef<HTMLDivElement>(null)
  const latestClose = useRef(onClose)
  useEffect(() => {
    latestClose.current = onClose
  })

  useEffect(() => {
    const node = root.current
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    const first = node?.querySelector<HTMLElement>(FOCUSABLE)
    ;(first ?? node)?.focus()
    return () => {
      // Back to the opener unless the user has since moved focus somewhere else on purpose.
      const current = document.activeElement
      if (opener?.isConnected && (current === null || current === document.body || node?.contains(current) === true)) opener.focus()
    }
  }, [])

  useEffect(() => {
    // Capture phase, registered before the window-wide shortcuts: Escape in here closes the drawer and is marked
    // handled, so it does not also cancel a running request (see ui/useKeymap.ts).
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape' || event.defaultPrevented) return
      const target = event.target
      if (target instanceof Node && root.current?.contains(target)) {
        event.preventDefault()
        latestClose.current()
      }
    }
    window.addEventListener('keydown', onKeyDown, true)
    return () => window.removeEventListener('keydown', onKeyDown, true)
  }, [])

  return (
    <div ref={root} id={id} className="drawer" role="dialog" aria-modal="false" aria-label={label} tabIndex={-1} style={{ width: `min(${width}, 100%)` }}>
      {children}
    </div>
  )
}
