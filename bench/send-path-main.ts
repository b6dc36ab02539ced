/**
 * The main-process modules the send-path benches drive, as one entry that bench/send-path-fixture.ts bundles the way
 * the app's build bundles src/main (see there why), so benches measure the code that ships.
 */
export { createAppCore } from '../src/main/core/app-core'
export { createSessionCipher } from '../src/main/core/vault/aes-cipher'
export { createRequestRunner, sendOptionsFor } from '../src/main/core/request-runner'
export { createHandlers } from '../src/main/ipc/handlers'
export { dispatch } from '../src/main/ipc/dispatch'
