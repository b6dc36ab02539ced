/**
 * The sandbox CA and its per-start server certificate. The CA is created once (RSA 2048), kept in the
 * data folder and reused while valid, so an environment that trusts ca.pem keeps working across runs.
 * Key generation goes through forge, which uses Node's native RSA when available.
 */
import { randomBytes } from 'node:crypto'
import { mkdir, readFile, rename } from 'node:fs/promises'
import { join } from 'node:path'
import forge from 'node-forge'
import { AppError } from '../shared/model/errors'
import { writeTextAtomic } from './atomic-file'

export const CA_CERT_FILE = 'ca.pem'
export const CA_KEY_FILE = 'ca-key.pem'

const CA_YEARS = 10
/** Renew the CA when it has less than this left, so a running sandbox never outlives it. */
const CA_MIN_REMAINING_MS = 30 * 24 * 3600 * 1000
const LEAF_DAYS = 365

export interface CertificateAuthority {
  certPem: string
  keyPem: string
  certPath: string
  cert: forge.pki.Certificate
  key: forge.pki.rsa.PrivateKey
}

export interface LoadedCa {
  ca: CertificateAuthority
  warnings: string[]
}

function serialNumber(): string {
  const bytes = randomBytes(16)
  bytes[0] = (bytes[0] ?? 0) & 0x7f // positive INTEGER
  return bytes.toString('hex')
}

function generateKeys(): forge.pki.rsa.KeyPair {
  return forge.pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 })
}

function createCa(): { cert: forge.pki.Certificate; keys: forge.pki.rsa.KeyPair } {
  const keys = generateKeys()
  const cert = forge.pki.createCertificate()
  cert.publicKey = keys.publicKey
  cert.serialNumber = serialNumber()
  const now = new Date()
  cert.validity.notBefore = new Date(now.getTime() - 3600 * 1000)
  cert.validity.notAfter = new Date(now.getTime())
  cert.validity.notAfter.setFullYear(now.getFullYear() + CA_YEARS)
  const subject = [
    { name: 'commonName', value: 'CloudSec API Explorer Sandbox CA' },
    { name: 'organizationName', value: 'CloudSec API Explorer (local sandbox)' }
  ]
  cert.setSubject(subject)
  cert.setIssuer(subject)
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' }
  ])
  cert.sign(keys.privateKey, forge.md.sha256.create())
  return { cert, keys }
}

/** Returns why the stored CA cannot be used, or null when it is fine. */
function checkCa(cert: forge.pki.Certificate, key: forge.pki.rsa.PrivateKey): string | null {
  const publicKey = cert.publicKey as forge.pki.rsa.PublicKey
  if (publicKey.n.compareTo(key.n) !== 0) return 'the key does not belong to the certificate'
  const constraints = cert.getExtension('basicConstraints') as { cA?: boolean } | null
  if (constraints?.cA !== true) return 'the certificate is not a CA'
  const now = Date.now()
  if (cert.validity.notBefore.getTime() > now) return 'the certificate is not valid yet'
  if (cert.validity.notAfter.getTime() - now < CA_MIN_REMAINING_MS) return 'the certificate expires soon'
  return null
}

async function readIfPresent(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}

/** Loads the CA from `dataDir`, or creates it. An unusable CA is moved aside (never overwritten). */
export async function loadOrCreateCa(dataDir: string): Promise<LoadedCa> {
  const certPath = join(dataDir, CA_CERT_FILE)
  const keyPath = join(dataDir, CA_KEY_FILE)
  const warnings: string[] = []
  try {
    await mkdir(dataDir, { recursive: true })
    const [certPem, keyPem] = await Promise.all([readIfPresent(certPath), readIfPresent(keyPath)])
    if (certPem !== null || keyPem !== null) {
      let problem: string
      if (certPem === null || keyPem === null) {
        problem = `${certPem === null ? CA_CERT_FILE : CA_KEY_FILE} is missing`
      } else {
        try {
          const cert = forge.pki.certificateFromPem(certPem)
          const key = forge.pki.privateKeyFromPem(keyPem)
          const reason = checkCa(cert, key)
          if (reason === null) return { ca: { certPem, keyPem, certPath, cert, key }, warnings }
          problem = reason
        } catch (error) {
          problem = `it cannot be parsed (${error instanceof Error ? error.message : String(error)})`
        }
      }
      const suffix = `.unusable-${new Date().toISOString().replace(/[:.]/g, '-')}`
      for (const path of [certPath, keyPath]) {
        await rename(path, path + suffix).catch(() => undefined)
      }
      warnings.push(
        `The sandbox CA in ${dataDir} was not usable (${problem}); it was moved aside with the suffix ` +
          `${suffix} and a new CA was created. Environments that trusted the old CA must trust ${certPath} again.`
      )
    }
    const { cert, keys } = createCa()
    const created: CertificateAuthority = {
      certPem: forge.pki.certificateToPem(cert),
      keyPem: forge.pki.privateKeyToPem(keys.privateKey),
      certPath,
      cert,
      key: keys.privateKey
    }
    await writeTextAtomic(keyPath, created.keyPem, 0o600)
    await writeTextAtomic(certPath, created.certPem, 0o644)
    return { ca: created, warnings }
  } catch (error) {
    if (error instanceof AppError) throw error
    const reason = error instanceof Error ? error.message : String(error)
    throw new AppError('INTERNAL', `Could not prepare the sandbox CA in ${dataDir}: ${reason}`)
  }
}

/** Issues a server certificate for localhost and 127.0.0.1 (plus `extraHost`), signed by the CA. */
export function issueServerCertificate(
  ca: CertificateAuthority,
  extraHost?: string
): { key: string; cert: string } {
  const keys = generateKeys()
  const cert = forge.pki.createCertificate()
  cert.publicKey = keys.publicKey
  cert.serialNumber = serialNumber()
  const now = Date.now()
  cert.validity.notBefore = new Date(now - 3600 * 1000)
  const notAfter = Math.min(now + LEAF_DAYS * 24 * 3600 * 1000, ca.cert.validity.notAfter.getTime())
  cert.validity.notAfter = new Date(notAfter)
  cert.setSubject([{ name: 'commonName', value: 'localhost' }])
  cert.setIssuer(ca.cert.subject.attributes)
  const altNames: { type: number; value?: string; ip?: string }[] = [
    { type: 2, value: 'localhost' },
    { type: 7, ip: '127.0.0.1' },
    { type: 7, ip: '::1' }
  ]
  if (extraHost !== undefined && !['localhost', '127.0.0.1', '::1', '0.0.0.0', '::'].includes(extraHost)) {
    altNames.push(/^[\d.]+$|:/.test(extraHost) ? { type: 7, ip: extraHost } : { type: 2, value: extraHost })
  }
  // Same key-id algorithm forge used for the CA's own subjectKeyIdentifier, so the chain links up.
  const caKeyId = ca.cert.generateSubjectKeyIdentifier()
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: caKeyId.getBytes() }
  ])
  cert.sign(ca.key, forge.md.sha256.create())
  return { key: forge.pki.privateKeyToPem(keys.privateKey), cert: forge.pki.certificateToPem(cert) }
}
