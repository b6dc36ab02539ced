import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useEffect } from 'react'
import { describe, expect, it } from 'vitest'
import type { CatalogOperation } from '@shared/catalog/types'
import { OperationPanel } from '@renderer/features/catalog/OperationPanel'
import { useOpenOperation } from '@renderer/features/catalog/useOpenOperation'
import { draftProblem } from '@renderer/features/request-editor/request-draft'
import { useRequestDraft } from '@renderer/features/request-editor/useRequestDraft'
import { op } from './catalog-ops'

/** The operation form and the URL bar over one draft, as App.tsx wires them. */
function Form({ operation }: { operation: CatalogOperation }): React.JSX.Element {
  const { draft, update, current } = useRequestDraft()
  const catalog = useOpenOperation(update)
  const { open } = catalog
  useEffect(() => open(operation), [open, operation])
  return (
    <>
      <input aria-label="URL" value={draft.url} onChange={(event) => update({ url: event.target.value })} />
      <output data-testid="send-problem">{draftProblem(draft)?.message ?? ''}</output>
      {catalog.operation && (
        <OperationPanel operation={catalog.operation} baseUrl="https://tenant.example" draft={draft} current={current} onChange={update} onClose={catalog.close} />
      )}
    </>
  )
}

const field = (name: string): HTMLElement => {
  const found = screen.getAllByTestId('param-field').find((el) => el.dataset['param'] === name)
  if (!found) throw new Error(`no field ${name}`)
  return found
}

describe('the operation form checks what it is given', () => {
  it('an integer field refuses abc with an inline message, and Send is refused naming it', async () => {
    const user = userEvent.setup()
    render(<Form operation={op('netskope:eventsDataAlert')} />)
    const limit = within(field('limit')).getByRole('textbox')
    await user.type(limit, 'abc')
    expect(within(field('limit')).getByTestId('param-problem').textContent).toBe('limit must be a whole number.')
    expect(limit.getAttribute('aria-invalid')).toBe('true')
    expect(screen.getByTestId('send-problem').textContent).toBe('Parameter limit (query) must be a whole number, not "abc".')
    await user.clear(limit)
    await user.type(limit, '100')
    expect(within(field('limit')).queryByTestId('param-problem')).toBeNull()
    expect((screen.getByLabelText('URL') as HTMLInputElement).value).toBe('/api/v2/events/data/alert?limit=100')
    expect(screen.getByTestId('send-problem').textContent).toBe('')
  })

  it('an epoch field shows the UTC time beside the number and has a picker', async () => {
    const user = userEvent.setup()
    render(<Form operation={op('netskope:eventsDataAlert')} />)
    const start = field('starttime')
    expect(start.dataset['kind']).toBe('epoch')
    await user.type(within(start).getByRole('textbox'), '1708950000')
    expect(within(start).getByTestId('epoch-human').textContent).toBe('2024-02-26 12:20:00 UTC')
    const picker = within(start).getByLabelText('Pick starttime as a UTC date and time') as HTMLInputElement
    // A browser writes a whole minute without its seconds.
    expect(picker.value).toMatch(/^2024-02-26T12:20(:00)?$/)
  })

  it('the form follows the URL: a value typed in the query string shows in its field', async () => {
    const user = userEvent.setup()
    render(<Form operation={op('netskope:dataexportEventsAlert')} />)
    expect(screen.getByTestId('missing-required').textContent).toBe('Required: operation')
    await user.type(screen.getByLabelText('URL'), '?operation=1708950000&index=c1')
    expect((within(field('operation')).getByRole('combobox') as HTMLInputElement).value).toBe('1708950000')
    expect(within(field('operation')).getByTestId('epoch-human').textContent).toBe('2024-02-26 12:20:00 UTC')
    expect(screen.queryByTestId('missing-required')).toBeNull()
  })

  it('a boolean is a switch: true, then false', async () => {
    const user = userEvent.setup()
    render(<Form operation={op('cloud-exchange:cteIndicatorsList')} />)
    const ascending = within(field('ascending')).getByRole('switch')
    await user.click(ascending)
    expect((screen.getByLabelText('URL') as HTMLInputElement).value).toMatch(/ascending=true/)
    await user.click(ascending)
    expect((screen.getByLabelText('URL') as HTMLInputElement).value).toMatch(/ascending=false/)
  })

  it('array items are chips (typed with Enter or a comma, removed with their button), one query row each', async () => {
    const user = userEvent.setup()
    render(<Form operation={op('falcon:GetDeviceDetailsV2')} />)
    const ids = field('ids')
    await user.type(within(ids).getByRole('textbox'), 'a1{Enter}b2,')
    expect(within(ids).getAllByTestId('chip').map((chip) => chip.textContent)).toEqual(['a1×', 'b2×'])
    // Falcon's ids is explode: true, OpenAPI's default for a query array: the parameter repeats.
    expect((screen.getByLabelText('URL') as HTMLInputElement).value).toMatch(/\?ids=a1&ids=b2$/)
    await user.click(within(ids).getByRole('button', { name: 'Remove a1 from ids' }))
    expect((screen.getByLabelText('URL') as HTMLInputElement).value).toMatch(/\?ids=b2$/)
  })
})
