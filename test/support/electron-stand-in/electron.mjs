// Stand-in for the `electron` module when the built main runs under plain Node (test/main/composition-root.test.ts).
// It has no behaviour of its own: every call is recorded and sent to the test over the fork IPC channel, and
// returns undefined, except the few values the app reads (flags, paths, ids, the whenReady promise). Functions
// the app hands over (event listeners, IPC handlers, permission handlers) are kept by id; the test calls them.

const STAND_IN = Symbol('stand-in')
const functions = new Map()
let nextFunctionId = 1

function encode(value, path = []) {
  if (typeof value === 'function') {
    const id = nextFunctionId++
    functions.set(id, value)
    return { $fn: id }
  }
  if (value === undefined) return { $undefined: true }
  if (value === null || typeof value !== 'object') return value
  if (value[STAND_IN]) return { $standIn: value[STAND_IN] }
  if (value instanceof URL) return { $url: value.href }
  if (path.includes(value)) return { $circular: true }
  const inner = [...path, value]
  if (Array.isArray(value)) return value.map((item) => encode(item, inner))
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, encode(item, inner)]))
}

/** `{ $callback: name }` in the test's arguments becomes a function that reports its calls under that name. */
function decode(value) {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map(decode)
  if (typeof value.$callback === 'string') {
    const name = value.$callback
    return (...args) => send({ type: 'callback', name, args: args.map((arg) => encode(arg)) })
  }
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, decode(item)]))
}

function send(message) {
  process.send?.(message)
}

function record(api, args) {
  send({ type: 'call', api, args: args.map((arg) => encode(arg)) })
}

/** A recorded function that also returns something the app needs. */
function returning(api, result) {
  return (...args) => {
    record(api, args)
    return result(...args)
  }
}

/** An object whose every method records its call; `values` are the properties the app reads. */
function standIn(name, values = {}) {
  return new Proxy(
    {},
    {
      get(_target, property) {
        if (property === STAND_IN) return name
        if (typeof property === 'symbol' || property === 'then') return undefined
        if (property in values) return values[property]
        return (...args) => record(`${name}.${property}`, args)
      }
    }
  )
}

process.on('message', async (message) => {
  if (message?.type !== 'invoke') return
  const fn = functions.get(message.fn)
  try {
    if (!fn) throw new Error(`no recorded function ${message.fn}`)
    const value = await fn(...decode(message.args))
    send({ type: 'result', requestId: message.requestId, value: encode(value) })
  } catch (error) {
    send({ type: 'result', requestId: message.requestId, error: String(error?.stack ?? error) })
  }
})

const paths = JSON.parse(process.env.STAND_IN_PATHS ?? '{}')

export const app = standIn('app', {
  isPackaged: process.env.STAND_IN_PACKAGED === '1',
  whenReady: returning('app.whenReady', () => Promise.resolve()),
  requestSingleInstanceLock: returning('app.requestSingleInstanceLock', () => true),
  getPath: returning('app.getPath', (name) => {
    if (!(name in paths)) throw new Error(`stand-in: no path for ${name}`)
    return paths[name]
  })
})

let windowCount = 0
/** Called with `new`; a constructor function may return the object it builds. */
export function BrowserWindow(options) {
  windowCount += 1
  record('new BrowserWindow', [options])
  const name = `BrowserWindow#${windowCount}`
  const webContents = standIn(`${name}.webContents`, { id: windowCount, isDestroyed: () => false })
  return standIn(name, { webContents })
}

// Listeners by channel, so the app can list and remove what a library added (src/main/ipc/register.ts).
const ipcListeners = new Set()
export const ipcMain = standIn('ipcMain', {
  on: returning('ipcMain.on', (channel) => void ipcListeners.add(channel)),
  eventNames: returning('ipcMain.eventNames', () => [...ipcListeners]),
  removeAllListeners: returning('ipcMain.removeAllListeners', (channel) => void ipcListeners.delete(channel))
})
export const session = standIn('session', { defaultSession: standIn('session.defaultSession') })
export const safeStorage = standIn('safeStorage')
export const dialog = standIn('dialog')
export const shell = standIn('shell')
export const clipboard = standIn('clipboard')
export const Menu = standIn('Menu', { buildFromTemplate: returning('Menu.buildFromTemplate', () => standIn('menu')) })

// electron-store imports electron's default export (the real module is CommonJS).
export default { app, BrowserWindow, ipcMain, session, safeStorage, dialog, shell, clipboard, Menu }
