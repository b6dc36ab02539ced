import forge from 'node-forge'

export interface KeyAndCert {
  keyPem: string
  certPem: string
}

export interface TestCertificates {
  /** A test CA; trust it with caPath to make the CA-signed certificates valid. */
  ca: KeyAndCert
  /** Self-signed, for 127.0.0.1 and localhost. */
  selfSigned: KeyAndCert
  /** Issued by `ca` for 127.0.0.1 and localhost. */
  caSigned: KeyAndCert
  /** Issued by `ca` for 127.0.0.1 and localhost, expired yesterday. */
  expired: KeyAndCert
  /** Issued by `ca` for wrong.example.test only. */
  wrongHost: KeyAndCert
}

const DAY = 24 * 3600 * 1000
let cached: Promise<TestCertificates> | null = null

/**
 * Certificates generated at test time (nothing committed). Generated once per test process; node-forge uses
 * Node's native RSA key generation when available, so this takes well under a second.
 */
export function getTestCertificates(): Promise<TestCertificates> {
  cached ??= Promise.resolve().then(generate)
  return cached
}

function keyPair(): forge.pki.rsa.KeyPair {
  return forge.pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 })
}

let serial = 1
function nextSerial(): string {
  serial += 1
  return (0x10_0000 + serial).toString(16)
}

interface CertSpec {
  subjectCn: string
  publicKey: forge.pki.PublicKey
  signer: { key: forge.pki.rsa.PrivateKey; cert: forge.pki.Certificate | null }
  hosts: { dns: string[]; ips: string[] }
  isCa: boolean
  notBefore: Date
  notAfter: Date
}

function makeCert(spec: CertSpec): forge.pki.Certificate {
  const cert = forge.pki.createCertificate()
  cert.publicKey = spec.publicKey
  cert.serialNumber = nextSerial()
  cert.validity.notBefore = spec.notBefore
  cert.validity.notAfter = spec.notAfter
  const subject = [{ name: 'commonName', value: spec.subjectCn }, { name: 'organizationName', value: 'CloudSec Explorer Tests' }]
  cert.setSubject(subject)
  cert.setIssuer(spec.signer.cert ? spec.signer.cert.subject.attributes : subject)
  const extensions: object[] = [
    { name: 'basicConstraints', cA: spec.isCa, critical: true },
    spec.isCa
      ? { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true }
      : { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'subjectKeyIdentifier' }
  ]
  if (!spec.isCa) {
    extensions.push({ name: 'extKeyUsage', serverAuth: true })
    extensions.push({
      name: 'subjectAltName',
      altNames: [...spec.hosts.dns.map((value) => ({ type: 2, value })), ...spec.hosts.ips.map((ip) => ({ type: 7, ip }))]
    })
  }
  cert.setExtensions(extensions)
  cert.sign(spec.signer.key, forge.md.sha256.create())
  return cert
}

function pem(keys: forge.pki.rsa.KeyPair, cert: forge.pki.Certificate): KeyAndCert {
  return { keyPem: forge.pki.privateKeyToPem(keys.privateKey), certPem: forge.pki.certificateToPem(cert) }
}

function generate(): TestCertificates {
  const now = Date.now()
  const valid = { notBefore: new Date(now - DAY), notAfter: new Date(now + 30 * DAY) }
  const local = { dns: ['localhost'], ips: ['127.0.0.1'] }

  const caKeys = keyPair()
  const caCert = makeCert({
    subjectCn: 'CloudSec Explorer Test CA',
    publicKey: caKeys.publicKey,
    signer: { key: caKeys.privateKey, cert: null },
    hosts: { dns: [], ips: [] },
    isCa: true,
    ...valid
  })
  const leafKeys = keyPair()
  const issued = (cn: string, hosts: CertSpec['hosts'], dates: { notBefore: Date; notAfter: Date }): KeyAndCert =>
    pem(
      leafKeys,
      makeCert({ subjectCn: cn, publicKey: leafKeys.publicKey, signer: { key: caKeys.privateKey, cert: caCert }, hosts, isCa: false, ...dates })
    )

  const selfKeys = keyPair()
  const selfCert = makeCert({
    subjectCn: '127.0.0.1',
    publicKey: selfKeys.publicKey,
    signer: { key: selfKeys.privateKey, cert: null },
    hosts: local,
    isCa: false,
    ...valid
  })

  return {
    ca: pem(caKeys, caCert),
    selfSigned: pem(selfKeys, selfCert),
    caSigned: issued('127.0.0.1', local, valid),
    expired: issued('127.0.0.1', local, { notBefore: new Date(now - 30 * DAY), notAfter: new Date(now - DAY) }),
    wrongHost: issued('wrong.example.test', { dns: ['wrong.example.test'], ips: [] }, valid)
  }
}
