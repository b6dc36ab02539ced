import { Menu, type MenuItemConstructorOptions } from 'electron'

/**
 * Our own application menu, replacing Electron's default one, whose View menu offers Toggle Developer Tools
 * (Ctrl+Shift+I): a packaged app must not, since DevTools can call the page's whole app API. Every submenu is
 * spelled out (no `viewMenu` / `editMenu` roles) so what the app offers is what this file lists. Closing the window
 * is Ctrl+Shift+W: Ctrl+W closes the request tab (src/renderer/src/ui/keymap.ts), as in Postman, Insomnia and Yaak.
 */
export function installAppMenu(packaged: boolean): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(packaged, process.platform === 'darwin')))
}

const CLOSE_WINDOW: MenuItemConstructorOptions = { role: 'close', accelerator: 'CmdOrCtrl+Shift+W' }

function appMenuTemplate(packaged: boolean, mac: boolean): MenuItemConstructorOptions[] {
  const developer: MenuItemConstructorOptions[] = packaged ? [] : [{ role: 'forceReload' }, { role: 'toggleDevTools' }]
  return [
    // macOS's app menu: About, Services, Hide, Hide Others, Show All, Quit.
    ...(mac ? [{ role: 'appMenu' } as const] : []),
    { label: 'File', submenu: [mac ? CLOSE_WINDOW : { role: 'quit' }] },
    {
      label: 'Edit',
      submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }]
    },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        ...developer,
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' }
      ]
    },
    { label: 'Window', submenu: [{ role: 'minimize' }, ...(mac ? [{ role: 'zoom' } as const] : []), CLOSE_WINDOW] }
  ]
}
