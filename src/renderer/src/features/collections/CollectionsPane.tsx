import { useState } from 'react'
import { CollectionTreeView, folderChoices } from './CollectionTreeView'
import { SaveForm } from './SaveForm'
import type { Library } from './useLibrary'

/** Open collections, their requests, and Save / Save as for the editor's request. */
export function CollectionsPane({ library }: { library: Library }): React.JSX.Element {
  const { collections } = library
  const [naming, setNaming] = useState<string | null>(null)
  const [addingFolderTo, setAddingFolderTo] = useState<string | null>(null)
  return (
    <div className="collections-pane" data-testid="collections">
      <div className="pane-toolbar">
        <button type="button" onClick={collections.open} disabled={collections.busy}>
          Open…
        </button>
        <button type="button" onClick={() => setNaming('')} disabled={collections.busy}>
          New…
        </button>
        <button
          type="button"
          className="primary"
          onClick={library.save}
          title="Write the editor's request over the saved one it came from (Ctrl+S / ⌘+S)"
          disabled={collections.busy || collections.current === null}
        >
          Update
        </button>
        <button type="button" onClick={library.saveAs} title="Add the editor's request to a collection" disabled={collections.busy}>
          Add request…
        </button>
        <button type="button" onClick={collections.importPostman} title="Import a Postman v2.1 collection into a new folder" disabled={collections.busy}>
          Import Postman…
        </button>
      </div>
      {naming !== null && (
        <form
          className="save-form"
          aria-label="New collection"
          onSubmit={(event) => {
            event.preventDefault()
            if (naming.trim() === '') return
            collections.create(naming.trim())
            setNaming(null)
          }}
        >
          <input aria-label="Collection name" placeholder="Collection name" value={naming} autoFocus onChange={(event) => setNaming(event.target.value)} />
          <button type="submit" className="primary" disabled={naming.trim() === ''}>
            Choose folder…
          </button>
          <button type="button" onClick={() => setNaming(null)}>
            Cancel
          </button>
        </form>
      )}
      {library.saveFormOpen && (
        <SaveForm
          collections={collections.list}
          defaultName={library.suggestedName()}
          onSave={(folder, name) => library.saveInto(folder, name)}
          onCancel={library.closeSaveForm}
        />
      )}
      {collections.message && (
        <p className={`collection-message ${collections.message.kind}`} role={collections.message.kind === 'error' ? 'alert' : 'status'}>
          {collections.message.text}
        </p>
      )}
      {collections.list.length === 0 && <p className="muted">No collection open. Open a folder or create a new collection.</p>}
      {collections.list.map((entry) => (
        <section key={entry.folder} className="collection" aria-label={`Collection ${entry.tree?.name ?? entry.folder}`}>
          <header className="collection-header" title={entry.folder}>
            <strong>{entry.tree?.name ?? entry.folder}</strong>
            <span className="collection-actions">
              <button type="button" aria-label={`Export ${entry.tree?.name ?? entry.folder} as Postman`} onClick={() => collections.exportPostman(entry.folder)}>
                Postman
              </button>
              <button type="button" aria-label={`Export ${entry.tree?.name ?? entry.folder} as HAR`} onClick={() => library.exportHar(entry.folder, '')}>
                HAR
              </button>
              <button type="button" aria-label={`New folder in ${entry.tree?.name ?? entry.folder}`} onClick={() => setAddingFolderTo(entry.folder)} disabled={entry.tree === null}>
                + Folder
              </button>
              <button type="button" aria-label={`Close collection ${entry.tree?.name ?? entry.folder}`} onClick={() => collections.close(entry.folder)}>
                Close
              </button>
            </span>
          </header>
          {addingFolderTo === entry.folder && (
            <form
              onSubmit={(event) => {
                event.preventDefault()
                const name = new FormData(event.currentTarget).get('name')
                if (typeof name === 'string' && name.trim() !== '') collections.createFolder(entry.folder, '', name.trim())
                setAddingFolderTo(null)
              }}
            >
              <input name="name" aria-label="New folder name" placeholder="Folder name" autoFocus onBlur={() => setAddingFolderTo(null)} />
            </form>
          )}
          {entry.tree === null ? (
            <p className="collection-message error">{entry.error}</p>
          ) : (
            <>
              {entry.tree.problems.map((problem) => (
                <p key={problem.path} className="collection-message error">
                  {problem.path}: {problem.reason}
                </p>
              ))}
              <CollectionTreeView
                folder={entry.folder}
                nodes={entry.tree.root.children}
                currentPath={collections.current?.folder === entry.folder ? collections.current.path : null}
                onOpen={(path) => library.openSaved(entry.folder, path)}
                onRename={(path, name) => collections.rename(entry.folder, path, name)}
                onDuplicate={(path) => collections.duplicate(entry.folder, path)}
                onDelete={(path) => collections.remove(entry.folder, path)}
                onExportHar={(path) => library.exportHar(entry.folder, path)}
                folders={folderChoices(entry.tree.root.children, `${entry.tree.name} (top level)`)}
                onMove={(path, toFolder) => collections.move(entry.folder, path, toFolder)}
                onAddFolder={(parent, name) => collections.createFolder(entry.folder, parent, name)}
                onRenameFolder={(path, name) => collections.renameFolder(entry.folder, path, name)}
                onDeleteFolder={(path) => collections.deleteFolder(entry.folder, path)}
              />
            </>
          )}
        </section>
      ))}
    </div>
  )
}
