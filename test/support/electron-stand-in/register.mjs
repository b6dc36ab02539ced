// `node --import ./register.mjs out/main/index.js`: the built main's `import ... from "electron"` gets electron.mjs.
import { register } from 'node:module'

register('./resolve-hook.mjs', import.meta.url)
