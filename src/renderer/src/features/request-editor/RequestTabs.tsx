import { useState } from 'react'
import { Tabs } from '../../ui/Tabs'
import { KeyValueTable } from '../../ui/KeyValueTable'
import type { ColorScheme } from '../../ui/useColorScheme'
import { BodyEditor } from './BodyEditor'
import type { KeyValueRow, RequestDraft } from './request-draft'

type TabId = 'params' | 'headers' | 'body'

interface Props {
  draft: RequestDraft
  scheme: ColorScheme
  onChange(patch: Partial<RequestDraft>): void
}

function count(rows: KeyValueRow[]): string {
  const active = rows.filter((row) => row.enabled && row.name.trim() !== '').length
  return active > 0 ? ` (${active})` : ''
}

export function RequestTabs({ draft, scheme, onChange }: Props): React.JSX.Element {
  const [tab, setTab] = useState<TabId>('params')
  const tabs = [
    { id: 'params', label: `Params${count(draft.query)}` },
    { id: 'headers', label: `Headers${count(draft.headers)}` },
    { id: 'body', label: draft.bodyKind === 'none' ? 'Body' : `Body (${draft.bodyKind})` }
  ] as const
  return (
    <div className="request-tabs">
      <Tabs<TabId> label="Request parts" idPrefix="request" tabs={tabs} selected={tab} onSelect={setTab} />
      <div className="tab-panel" role="tabpanel" id="request-panel" aria-labelledby={`request-tab-${tab}`}>
        {tab === 'params' && (
          <KeyValueTable
            noun="query parameter"
            testId="params-table"
            rows={draft.query}
            onChange={(query) => onChange({ query })}
          />
        )}
        {tab === 'headers' && (
          <KeyValueTable
            noun="header"
            testId="headers-table"
            rows={draft.headers}
            namePlaceholder="Header-Name"
            onChange={(headers) => onChange({ headers })}
          />
        )}
        {tab === 'body' && <BodyEditor draft={draft} scheme={scheme} onChange={onChange} />}
      </div>
    </div>
  )
}
