import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { RequestBar } from '@renderer/features/request-editor/RequestBar'
import { RequestTabs } from '@renderer/features/request-editor/RequestTabs'
import { useRequestDraft } from '@renderer/features/request-editor/useRequestDraft'

/** The URL bar and the Params tab wired to one draft, as App.tsx wires them. */
function Editor(): React.JSX.Element {
  const { draft, update } = useRequestDraft()
  return (
    <>
      <RequestBar
        method={draft.method}
        url={draft.url}
        state={{ status: 'idle' }}
        onMethod={(method) => update({ method })}
        onUrl={(url) => update({ url })}
        onSend={() => undefined}
        onCancel={() => undefined}
      />
      <RequestTabs draft={draft} scheme="light" onChange={update} />
    </>
  )
}

const urlBar = (): HTMLInputElement => screen.getByLabelText('URL', { exact: true })
const table = (): HTMLElement => screen.getByTestId('params-table')

describe('URL bar and Params table', () => {
  it('typing a query string in the URL fills the Params rows', async () => {
    const user = userEvent.setup()
    render(<Editor />)
    await user.type(urlBar(), '/p?a=1&flag&q=x%20y#top')
    const rows = within(table()).getAllByTestId('params-table-row')
    expect(rows).toHaveLength(3)
    expect(within(table()).getByLabelText('query parameter 2 name')).toHaveProperty('value', 'flag')
    expect(within(table()).getByLabelText('query parameter 3 value')).toHaveProperty('value', 'x y')
    expect(screen.getByRole('tab', { name: 'Params (3)' })).toBeTruthy()
  })

  it('editing, unticking and adding rows rewrites the URL; unticked rows stay in the table', async () => {
    const user = userEvent.setup()
    render(<Editor />)
    await user.type(urlBar(), '/p?a=1&b=2')
    await user.clear(within(table()).getByLabelText('query parameter 1 value'))
    await user.type(within(table()).getByLabelText('query parameter 1 value'), '{{{{v}}')
    expect(urlBar().value).toBe('/p?a={{v}}&b=2')
    await user.click(within(table()).getByLabelText('Send query parameter 2'))
    expect(urlBar().value).toBe('/p?a={{v}}')
    expect(within(table()).getAllByTestId('params-table-row')).toHaveLength(2)
    await user.click(screen.getByRole('button', { name: '+ Add query parameter' }))
    await user.type(within(table()).getByLabelText('query parameter 3 name'), 'c&d')
    expect(urlBar().value).toBe('/p?a={{v}}&c%26d')
    await user.click(within(table()).getByLabelText('Remove query parameter 1'))
    expect(urlBar().value).toBe('/p?c%26d')
  })
})
