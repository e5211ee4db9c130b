// The mock's loopback certificate (src/mock/tls.ts): a CA and a server certificate it signs, served by a node:https
// server on a free port of 127.0.0.1. A client that trusts the CA file reaches it by the names 127.0.0.1 and localhost
// (Node's https, Node's fetch through NODE_EXTRA_CA_CERTS, curl --cacert); a client that does not is refused with a
// certificate error. Every connection goes to 127.0.0.1: the name localhost is only what the certificate is checked
// against.
import { execFile } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, request, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeLoopbackCertificate, writeCaFile, type LoopbackCertificate } from '../../src/mock/tls.js';

let certificate: LoopbackCertificate;
let server: Server;
let port: number;
let caFile: { path: string; remove(): Promise<void> };

beforeAll(async () => {
  certificate = await makeLoopbackCertificate();
  caFile = await writeCaFile(certificate.ca);
  server = createServer({ key: certificate.key, cert: certificate.cert }, (_req, res) => res.end('hello over tls'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await caFile?.remove();
});

/**
 * GET / over https to 127.0.0.1 with Node's own client, checking the certificate against `name`; `ca` undefined uses
 * Node's default trust store.
 */
function get(name: string, ca?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const servername = name === '127.0.0.1' ? undefined : name;
    const req = request({ host: '127.0.0.1', port, path: '/', ca, servername }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve(body));
    });
    req.on('error', reject);
    req.end();
  });
}

function run(
  file: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(file, args, { env: { PATH: process.env.PATH, ...env }, timeout: 120_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: unknown }).code ?? 1) || 1 : 0, stdout, stderr }),
    );
  });
}

describe('the loopback certificate', () => {
  it('is a server certificate for localhost, 127.0.0.1 and ::1, signed by a CA made with it', () => {
    const [leafPem] = certificate.cert.split(/(?<=-----END CERTIFICATE-----\n)/);
    const leaf = new X509Certificate(leafPem!);
    const ca = new X509Certificate(certificate.ca);
    expect(leaf.subjectAltName).toBe('DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1');
    expect(leaf.checkHost('localhost')).toBe('localhost');
    expect(leaf.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(leaf.checkIP('::1')).toBe('::1');
    expect(leaf.checkHost('evil.example')).toBeUndefined();
    expect(leaf.ca).toBe(false);
    expect(leaf.checkIssued(ca)).toBe(true);
    expect(leaf.verify(ca.publicKey)).toBe(true);
    expect(ca.ca).toBe(true);
    expect(ca.checkIssued(ca)).toBe(true);
    expect(readFileSync(caFile.path, 'utf8')).toBe(certificate.ca);
    expect(certificate.ca).not.toContain('PRIVATE KEY');
  });

  it('names the interface the mock binds when it is not a loopback one', async () => {
    const other = await makeLoopbackCertificate('10.1.2.3');
    expect(new X509Certificate(other.cert).subjectAltName).toContain('IP Address:10.1.2.3');
    const unspecified = await makeLoopbackCertificate('0.0.0.0');
    expect(new X509Certificate(unspecified.cert).subjectAltName).not.toContain('0.0.0.0');
  });

  it("is trusted through the CA file by Node's https, under the names 127.0.0.1 and localhost", async () => {
    for (const name of ['127.0.0.1', 'localhost']) expect(await get(name, certificate.ca)).toBe('hello over tls');
    await expect(get('evil.example', certificate.ca)).rejects.toMatchObject({ code: 'ERR_TLS_CERT_ALTNAME_INVALID' });
  });

  it('is refused with a certificate error by a client that does not trust the CA', async () => {
    await expect(get('127.0.0.1')).rejects.toMatchObject({ code: 'SELF_SIGNED_CERT_IN_CHAIN' });
  });

  it("is trusted by Node's fetch with NODE_EXTRA_CA_CERTS, and refused without it", async () => {
    const script = `fetch('https://127.0.0.1:${port}/').then(async (r) => console.log(await r.text()), (e) => { console.error(e.cause?.code ?? e.message); process.exit(3); })`;
    const trusted = await run(process.execPath, ['-e', script], { NODE_EXTRA_CA_CERTS: caFile.path });
    expect(trusted, trusted.stderr).toMatchObject({ code: 0, stdout: 'hello over tls\n' });
    const untrusted = await run(process.execPath, ['-e', script]);
    expect(untrusted.code).toBe(3);
    expect(untrusted.stderr).toContain('SELF_SIGNED_CERT_IN_CHAIN');
  });

  it.skipIf(!existsSync('/usr/bin/curl'))('is trusted by curl --cacert, and refused without it', async () => {
    const localhost = ['--resolve', `localhost:${port}:127.0.0.1`, `https://localhost:${port}/`];
    const trusted = await run('curl', ['-sS', '--cacert', caFile.path, ...localhost]);
    expect(trusted, trusted.stderr).toMatchObject({ code: 0, stdout: 'hello over tls' });
    const untrusted = await run('curl', ['-sS', ...localhost]);
    expect(untrusted.code).toBe(60); // curl's "peer certificate cannot be authenticated with known CA certificates"
  });
});

describe('the CA file', () => {
  it('goes to the path asked for, or to a new temporary folder; remove() takes away what was written', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mock-ca-'));
    try {
      const chosen = await writeCaFile(certificate.ca, join(dir, 'nested', 'ca.pem'));
      expect(chosen.path).toBe(join(dir, 'nested', 'ca.pem'));
      expect(readFileSync(chosen.path, 'utf8')).toBe(certificate.ca);
      await chosen.remove();
      expect(existsSync(chosen.path)).toBe(false);

      const temporary = await writeCaFile(certificate.ca);
      expect(temporary.path.startsWith(tmpdir())).toBe(true);
      await temporary.remove();
      expect(existsSync(temporary.path)).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
