import { useEffect, useMemo, useRef, useState } from 'react'
import { Command } from 'cmdk'
import { filterPalette, type PaletteItem } from './palette-items'
import './palette.css'

interface Props {
  open: boolean
  items: readonly PaletteItem[]
  onClose(): void
}

/**
 * Ctrl+K / Ctrl+P: jump to any catalog operation, saved request or environment, or run a command. cmdk gives the
 * keyboard list (arrows, Enter, type-ahead); the filtering is ours (palette-items.ts), capped per group, so a large
 * catalog stays fast. A native modal <dialog> keeps focus inside and closes on Escape.
 */
export function CommandPalette({ open, items, onClose }: Props): React.JSX.Element {
  const dialog = useRef<HTMLDialogElement>(null)
  const [query, setQuery] = useState('')
  useEffect(() => {
    const element = dialog.current
    if (!element) return
    if (open && !element.open) {
      element.showModal()
      element.querySelector<HTMLInputElement>('[cmdk-input]')?.focus()
    } else if (!open && element.open) element.close()
  }, [open])
  const groups = useMemo(() => (open ? filterPalette(items, query) : new Map()), [items, query, open])
  const close = (): void => {
    setQuery('')
    onClose()
  }
  const run = (item: PaletteItem): void => {
    close()
    item.run()
  }
  return (
    <dialog ref={dialog} className="palette" aria-label="Command palette" data-testid="command-palette" onClose={close}>
      {open && (
        <Command label="Command palette" shouldFilter={false} loop>
          <Command.Input value={query} onValueChange={setQuery} placeholder="Go to an operation, saved request, environment or command…" data-testid="palette-input" />
          <Command.List>
            <Command.Empty>Nothing matches “{query}”.</Command.Empty>
            {[...groups].map(([group, list]: [string, PaletteItem[]]) => (
              <Command.Group key={group} heading={group}>
                {list.map((item) => (
                  <Command.Item key={item.id} value={item.id} onSelect={() => run(item)} data-testid="palette-item">
                    <span className="palette-label">{item.label}</span>
                    {item.detail && <span className="palette-detail">{item.detail}</span>}
                  </Command.Item>
                ))}
              </Command.Group>
            ))}
          </Command.List>
        </Command>
      )}
    </dialog>
  )
}
