// The API reference page: `npm run docs` builds docs/index.html, and headless Chromium shows every tag and
// operation of the bundled spec in it. The page is served from a loopback server and every other request is
// blocked, so it must work offline (the Redoc scripts are inlined by `--inlineBundle`).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
// Debian's chromium by default; CHROMIUM_PATH points elsewhere (another distribution, macOS).
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveChromium = existsSync(chromiumPath);
const docsFile = join(root, 'docs', 'index.html');
const methods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;

interface Operation {
  operationId: string;
  summary: string;
  tags: string[];
  path: string;
}

async function specOperations(): Promise<{ tags: string[]; operations: Operation[] }> {
  const spec = parse(await readFile(join(root, 'generated', 'openapi.yaml'), 'utf8')) as {
    tags: { name: string }[];
    paths: Record<string, Record<string, { operationId: string; summary: string; tags: string[] }>>;
  };
  const operations = Object.entries(spec.paths).flatMap(([path, item]) =>
    methods.flatMap((method) => (item[method] ? [{ ...item[method], path }] : [])),
  );
  return { tags: spec.tags.map((tag) => tag.name), operations };
}

describe('API reference page (npm run docs)', () => {
  if (!haveChromium) {
    it('needs Chromium', (ctx) => {
      console.warn(`skipping the docs page test: ${chromiumPath} is missing`);
      ctx.skip(
        `${chromiumPath} is missing: install it (apt-get install -y --no-install-recommends chromium) or set CHROMIUM_PATH to test the docs page`,
      );
    });
    return;
  }

  let server: Server;
  let base: string;
  let userDataDir: string;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];
  const blocked: string[] = [];

  beforeAll(async () => {
    const started = Date.now();
    await run('npm', ['run', 'docs', '--silent'], { cwd: root, maxBuffer: 16 * 1024 * 1024 });
    console.log(`npm run docs: ${Date.now() - started} ms`);
    const html = await readFile(docsFile);
    // Self-contained (--inlineBundle) and quiet (redocly.yaml: telemetry off).
    expect(html.toString()).not.toMatch(/<script[^>]+src=/);
    expect(html.toString()).toContain('"disableTelemetry":true');

    // Every path answers with the page: Redoc routes with the URL hash, but a reload on a deep link must work too.
    server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
    });
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    // A fresh profile, Debian's Chromium (playwright-core never downloads a browser), no network chatter.
    userDataDir = await mkdtemp(join(tmpdir(), 'dbt-cloud-ts-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: chromiumPath,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      timeout: 240_000,
    });
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(`${base}/`) || url.startsWith('data:') || url.startsWith(pathToFileURL(docsFile).href)) {
        return route.continue();
      }
      blocked.push(url); // Redoc's "API docs by Redocly" logo; the page does not need it
      return route.abort();
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(120_000);
    page.on('pageerror', (error) => pageErrors.push(String(error)));
  });

  afterAll(async () => {
    await context?.close();
    await new Promise((closed) => (server ? server.close(closed) : closed(undefined)));
    if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
  });

  it('lists every tag of the bundled spec, and the operations of v2 and v3 tags once opened', async () => {
    const { tags, operations } = await specOperations();
    expect(operations.length).toBeGreaterThan(150);
    await page.goto(`${base}/`, { waitUntil: 'load' });
    const menu = page.locator('[data-component-name="Menu/MenuItem"]');
    const menuText = async () => (await menu.allInnerTexts()).join('\n');
    await expect.poll(() => menu.count(), { timeout: 120_000 }).toBeGreaterThan(tags.length);
    const groups = await menuText();
    for (const tag of tags) expect(groups).toContain(tag);

    // Tags start collapsed, and opening one renders its page (about a second each): open four, v2 and v3 ones.
    // Each tag is checked right after its click: on a loaded machine the menu renders the operations well after
    // the click returns, and Redoc may fold an earlier tag again when the active section changes on scroll.
    const opened = ['Runs', 'Jobs', 'Invites', 'Service Tokens'];
    const sample = operations.filter((operation) => operation.tags.some((tag) => opened.includes(tag)));
    expect(new Set(sample.map((operation) => operation.path.split('/')[2]))).toEqual(new Set(['v2', 'v3']));
    const summaries = sample.map((operation) => operation.summary);
    for (const summary of ['Trigger a job run', 'List runs', 'Get a run', 'Send invitations', 'List service tokens']) {
      expect(summaries).toContain(summary);
    }
    const missingOf = async (tag: string) => {
      const shown = await menuText();
      return sample
        .filter((operation) => operation.tags.includes(tag) && !shown.includes(operation.summary))
        .map((operation) => `${operation.operationId}: ${operation.summary}`);
    };
    for (const tag of opened) {
      await menu.getByText(tag, { exact: true }).first().click();
      await expect.poll(() => missingOf(tag), { timeout: 120_000 }).toEqual([]);
    }
    expect(pageErrors).toEqual([]);
  });

  it('opens an operation: getRun with its path', async () => {
    await page.goto(`${base}/`, { waitUntil: 'load' });
    const menu = page.locator('[data-component-name="Menu/MenuItem"]');
    await menu.getByText('Runs', { exact: true }).first().click();
    await menu.getByText('Get a run', { exact: true }).first().click();
    await expect.poll(() => page.url(), { timeout: 120_000 }).toMatch(/#\/runs\/getrun$/i);
    await expect
      .poll(() => page.locator('body').innerText(), { timeout: 120_000 })
      .toContain('/api/v2/accounts/{account_id}/runs/{id}/');

    // A deep link, loaded afresh, lands on the same operation.
    await page.goto(`${base}/#/runs/getrun`, { waitUntil: 'load' });
    await expect
      .poll(() => page.locator('body').innerText(), { timeout: 120_000 })
      .toContain('/api/v2/accounts/{account_id}/runs/{id}/');
    expect(pageErrors).toEqual([]);
    expect(blocked.filter((url) => url.includes('otel') || url.includes('telemetry'))).toEqual([]);
  });

  it('works opened as a file, as README says (file://.../docs/index.html)', async () => {
    await page.goto(`${pathToFileURL(docsFile).href}#/jobs/triggerjobrun`, { waitUntil: 'load' });
    await expect
      .poll(() => page.locator('body').innerText(), { timeout: 120_000 })
      .toContain('/api/v2/accounts/{account_id}/jobs/{job_id}/run/');
    expect(await page.locator('body').innerText()).toContain('Trigger a job run');
    expect(pageErrors).toEqual([]);
  });
});
