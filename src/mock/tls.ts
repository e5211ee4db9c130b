// HTTPS for clients that only speak https: a certificate authority made at start-up and a server certificate it
// signs for the loopback names (127.0.0.1, ::1, localhost). Only the CA certificate is written to disk, for clients to
// trust (REQUESTS_CA_BUNDLE, NODE_EXTRA_CA_CERTS, SSL_CERT_FILE, curl --cacert); the private keys stay in memory and
// die with the mock. A CA and a leaf, rather than one self-signed certificate, is the shape every verifier accepts,
// Python's strict X.509 checks included. node-forge builds the certificates (Node has no X.509 writer); the RSA keys
// come from node:crypto, off the main thread.
import { generateKeyPair, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type Forge from 'node-forge';

// node-forge is loaded only when a certificate is made: every other use of the Node entry (the CLI's commands among
// them) would otherwise pay some 30 to 45 ms to load it.
type ForgeModule = typeof Forge;
const loadForge = async (): Promise<ForgeModule> => (await import('node-forge')).default;

const generateRsa = promisify(generateKeyPair);

export interface LoopbackCertificate {
  /** PEM of the server's private key. */
  key: string;
  /** PEM of the server certificate, then the CA's: the chain the server presents. */
  cert: string;
  /** PEM of the CA certificate: what a client trusts. */
  ca: string;
}

/** How long the certificates hold: far longer than a mock runs, short enough that a forgotten CA file soon means nothing. */
const validDays = 30;

async function rsaKeys(forge: ForgeModule): Promise<Forge.pki.rsa.KeyPair> {
  const { privateKey } = await generateRsa('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });
  const key = forge.pki.privateKeyFromPem(privateKey);
  return { privateKey: key, publicKey: forge.pki.rsa.setPublicKey(key.n, key.e) };
}

// A positive serial number of 16 random bytes (the top bit clear, so that DER does not read it as negative).
function serialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0]! &= 0x7f;
  return bytes.toString('hex');
}

function certificate(forge: ForgeModule, publicKey: Forge.pki.PublicKey, now: Date): Forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = serialNumber();
  // An hour back, for clocks a little behind this one.
  cert.validity.notBefore = new Date(now.getTime() - 3_600_000);
  cert.validity.notAfter = new Date(now.getTime() + validDays * 86_400_000);
  return cert;
}

/** The names the server certificate holds: the loopback ones, and the interface the mock binds when it names one. */
function altNames(host: string): Array<{ type: number; value?: string; ip?: string }> {
  const names: Array<{ type: number; value?: string; ip?: string }> = [
    { type: 2, value: 'localhost' },
    { type: 7, ip: '127.0.0.1' },
    { type: 7, ip: '::1' },
  ];
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  const unspecified = bare === '0.0.0.0' || bare === '::';
  if (!unspecified && !['localhost', '127.0.0.1', '::1'].includes(bare))
    names.push(isIP(bare) ? { type: 7, ip: bare } : { type: 2, value: bare });
  return names;
}

/** A fresh CA and a server certificate it signs for the loopback names (and `host`, when it names an interface). */
export async function makeLoopbackCertificate(host = '127.0.0.1', now = new Date()): Promise<LoopbackCertificate> {
  const forge = await loadForge();
  const [caKeys, serverKeys] = await Promise.all([rsaKeys(forge), rsaKeys(forge)]);
  const caName = [
    { name: 'commonName', value: 'dbt-cloud-ts mock CA (made at start-up)' },
    { name: 'organizationName', value: 'dbt-cloud-ts mock' },
  ];

  const ca = certificate(forge, caKeys.publicKey, now);
  ca.setSubject(caName);
  ca.setIssuer(caName);
  ca.setExtensions([
    { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  ca.sign(caKeys.privateKey, forge.md.sha256.create());

  const server = certificate(forge, serverKeys.publicKey, now);
  server.setSubject([{ name: 'commonName', value: 'localhost' }]);
  server.setIssuer(caName);
  server.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames: altNames(host) },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: ca.generateSubjectKeyIdentifier().getBytes() },
  ]);
  server.sign(caKeys.privateKey, forge.md.sha256.create());

  const caPem = forge.pki.certificateToPem(ca);
  return {
    key: forge.pki.privateKeyToPem(serverKeys.privateKey),
    cert: forge.pki.certificateToPem(server) + caPem,
    ca: caPem,
  };
}

/**
 * Writes the CA certificate where clients can read it: `path` when given (its folder is made), else a new private
 * folder under the system's temporary one. `remove()` takes away what this wrote.
 */
export async function writeCaFile(ca: string, path?: string): Promise<{ path: string; remove(): Promise<void> }> {
  if (path) {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, ca, { mode: 0o644 });
    return { path, remove: () => rm(path, { force: true }) };
  }
  const dir = await mkdtemp(join(tmpdir(), 'dbt-cloud-mock-tls-'));
  const file = join(dir, 'ca.pem');
  await writeFile(file, ca, { mode: 0o644 });
  return { path: file, remove: () => rm(dir, { recursive: true, force: true }) };
}
