// Module resolve hook (node:module register): only the bare specifier `electron` is redirected; every other
// import of the built main (node:*, undici, zod, its own chunks) resolves exactly as it would in the app.
export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron') return { url: new URL('./electron.mjs', import.meta.url).href, shortCircuit: true }
  return nextResolve(specifier, context)
}
