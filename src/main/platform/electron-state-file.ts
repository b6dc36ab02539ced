import ElectronStore from 'electron-store'
import type { OpenStateFile } from '../core/storage/state-file'

/**
 * State files on electron-store (core's seam: src/main/core/storage/state-file.ts). electron-store also adds a
 * main-process IPC listener for renderers that read it directly; src/main/ipc/register.ts removes it, since ours never do.
 */
export const openElectronStateFile: OpenStateFile = (options) => new ElectronStore<Record<string, unknown>>({ ...options, name: options.configName })
