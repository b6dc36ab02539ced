import { describe, expect, it } from 'vitest'
import { hostDialogs, type PlatformPort } from '../../../../src/main/core/ports/platform-port'

describe('hostDialogs', () => {
  it('answers a host without dialogs with a clear error, not a crash', () => {
    const dialogs = hostDialogs({ pickFile: async () => null })
    expect(() => dialogs.pickFolder('open-collection')).toThrow('This host has no file dialogs.')
    expect(() => dialogs.pickSavePath('snippet', 'request.py')).toThrow('This host has no file dialogs.')
    expect(() => dialogs.pickImportFile('postman')).toThrow('This host has no file dialogs.')
  })

  it('uses a dialog the host provides after the handlers were built', async () => {
    const platform: PlatformPort = { pickFile: async () => null }
    const dialogs = hostDialogs(platform)
    platform.pickFolder = async (purpose) => `/chosen/${purpose}`
    await expect(dialogs.pickFolder('new-collection')).resolves.toBe('/chosen/new-collection')
  })
})
