// Vite replaces import.meta.env.* in the main bundle at build time (src/main/window.ts reads DEV).
interface ImportMetaEnv {
  /** True only in the bundle `electron-vite dev` builds. */
  readonly DEV: boolean
}

interface ImportMeta {
  readonly env: ImportMetaEnv
}
