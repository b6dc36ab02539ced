import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openVault, secretKey } from '../../../src/main/core/vault/vault'
import { createSessionCipher } from '../../../src/main/core/vault/aes-cipher'

describe('vault', () => {
  it('stores secrets encrypted at rest and reveals them in main', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vault-'))
    const cipher = createSessionCipher(null, true)
    const vault = await openVault(dir, cipher, [])
    await vault.set(secretKey('env1', 'apiKey'), 'super-secret-value-123')
    const onDisk = await readFile(join(dir, 'vault.json'), 'utf8')
    expect(onDisk).not.toContain('super-secret-value-123')
    expect(onDisk).toContain('env1/apiKey')
    const reopened = await openVault(dir, cipher, [])
    expect(await reopened.reveal('env1/apiKey')).toBe('super-secret-value-123')
    expect(reopened.has('env1/apiKey')).toBe(true)
  })

  it('keeps secrets only in memory when the cipher is not persistent', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vault-'))
    const notices: string[] = []
    const vault = await openVault(dir, createSessionCipher('no keyring'), notices)
    await vault.set('e/password', 'pw')
    expect(await vault.reveal('e/password')).toBe('pw')
    await expect(readFile(join(dir, 'vault.json'))).rejects.toThrow(/ENOENT/)
    expect(vault.note).toBe('no keyring')
  })

  it('deletes one key or every key of an environment', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vault-'))
    const vault = await openVault(dir, createSessionCipher(null, true), [])
    await vault.set('a/v2Token', '1')
    await vault.set('a/v1Token', '2')
    await vault.set('b/v2Token', '3')
    expect(await vault.delete('a/v1Token')).toBe(true)
    expect(await vault.delete('a/v1Token')).toBe(false)
    await vault.deletePrefix('a/')
    expect([vault.has('a/v2Token'), vault.has('b/v2Token')]).toEqual([false, true])
  })

  it('moves an unreadable vault aside and reports it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vault-'))
    await writeFile(join(dir, 'vault.json'), 'garbage')
    const notices: string[] = []
    const vault = await openVault(dir, createSessionCipher(null, true), notices)
    expect(vault.has('x')).toBe(false)
    expect(notices[0]).toMatch(/vault was unreadable/)
  })
})
