import { useState } from 'react'
import { Tabs } from '../../ui/Tabs'
import { HistoryPane } from '../history/HistoryPane'
import { CollectionsPane } from './CollectionsPane'
import type { Library } from './useLibrary'
import './library.css'

type Tab = 'collections' | 'history'
const TABS: ReadonlyArray<{ id: Tab; label: string }> = [
  { id: 'collections', label: 'Collections' },
  { id: 'history', label: 'History' }
]

/** Saved collections and the send history, side by side with the catalog. */
export function LibrarySidebar({ library }: { library: Library }): React.JSX.Element {
  const [tab, setTab] = useState<Tab>('collections')
  return (
    <aside className="library-sidebar" aria-label="Collections and history">
      <Tabs<Tab> label="Library" tabs={TABS} selected={tab} onSelect={setTab} idPrefix="library" />
      <div id="library-panel" role="tabpanel" aria-labelledby={`library-tab-${tab}`} className="library-panel">
        {tab === 'collections' ? <CollectionsPane library={library} /> : <HistoryPane history={library.history} onOpen={library.openHistory} />}
      </div>
    </aside>
  )
}
