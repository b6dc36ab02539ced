import Conf from 'conf'
import type { OpenStateFile } from './state-file'

/** State files on conf, electron-store's engine: the CLI, the e2e bridge and the tests (the app uses electron-store). */
export const openConfStateFile: OpenStateFile = (options) => new Conf<Record<string, unknown>>(options)
