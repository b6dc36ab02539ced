import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { ErrorBoundary } from './ui/ErrorBoundary'
import { call } from './api/client'
import { tabsStore } from './store/tabs'
import { startWorkspaceSync } from './store/workspace-sync'
import './styles.css'

const container = document.getElementById('root')
if (!container) throw new Error('index.html has no #root element')

// The saved tabs and layout first (one small IPC call), so the window opens as it was left and panes are not
// resized after the first paint.
const sync = await startWorkspaceSync(tabsStore, {
  load: () => call('workspace:get', {}),
  save: (workspace) => call('workspace:save', workspace),
  onError: (message) => console.warn(message)
})
// A reload or quit writes the last edit at once instead of after the debounce.
window.addEventListener('pagehide', () => void sync.flush())

createRoot(container).render(
  <StrictMode>
    <ErrorBoundary area="application">
      <App />
    </ErrorBoundary>
  </StrictMode>
)
