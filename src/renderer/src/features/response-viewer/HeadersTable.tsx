import type { HeaderPair } from '@shared/model/response'

export function HeadersTable({ headers, testId }: { headers: HeaderPair[]; testId: string }): React.JSX.Element {
  if (headers.length === 0) return <p className="muted">No headers.</p>
  return (
    <table className="headers-table" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {headers.map(([name, value], index) => (
          <tr key={`${name}-${index}`}>
            <td className="header-name">{name}</td>
            <td className="header-value">{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
