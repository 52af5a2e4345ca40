/**
 * What every browser journey needs: a fresh local org (its own data dir, demo seed), the preview
 * server in front of it, records the journey sets up through the org's REST API (as a user
 * would have them in the org), and Chromium driven by playwright-core. A missing Chromium is a
 * failure that says how to install it, never a skip.
 */
import { existsSync, mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { repoRoot } from '../../preview/build.ts';
import { startPreview, type RunningPreview } from '../../preview/start.ts';

export const chromiumPath = process.env.PPK_CHROMIUM ?? '/usr/bin/chromium';
const API = '/services/data/v62.0';

export interface Journey {
  preview: RunningPreview;
  browser: BrowserContext;
  page: Page;
  /** Creates a record through the org's REST API (as the admin) and returns its id. */
  create(objectName: string, fields: Record<string, unknown>): Promise<string>;
  query<T = Record<string, unknown>>(soql: string): Promise<T[]>;
  /** Signs the browser in as a persona (the preview's user switcher cookie). */
  actAs(persona: 'seller' | 'cam' | 'ops'): Promise<void>;
  screenshot(journey: string): Promise<void>;
  close(): Promise<void>;
}

export async function openJourney(): Promise<Journey> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium is not installed at ${chromiumPath}: the browser journeys need it. Install it with ` +
        '`apt-get install -y chromium` (or point PPK_CHROMIUM at a Chromium binary).'
    );
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'ppk-preview-org-'));
  const profileDir = mkdtempSync(join(tmpdir(), 'ppk-preview-chromium-'));
  const preview = await startPreview({ dataDir, port: 0 });
  // A fresh profile per journey: launchPersistentContext is how playwright takes --user-data-dir.
  const browser = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    viewport: { width: 1400, height: 1000 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync'
    ]
  });
  const context = browser;
  const page = browser.pages()[0] ?? (await browser.newPage());
  // What went wrong in the page, printed with the test's output to explain a failure.
  page.on('pageerror', (error) => process.stderr.write(`browser: page error: ${error.message}\n`));
  page.on('response', (response) => {
    if (response.status() >= 400)
      process.stderr.write(
        `browser: HTTP ${response.status()} ${response.request().method()} ${response.url()}\n`
      );
  });
  const headers = {
    Authorization: `Bearer ${preview.org.accessToken}`,
    'Content-Type': 'application/json'
  };
  return {
    preview,
    browser,
    page,
    async create(objectName, fields) {
      const response = await fetch(`${preview.org.instanceUrl}${API}/sobjects/${objectName}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(fields)
      });
      const body = (await response.json()) as { id?: string };
      if (!response.ok || !body.id)
        throw new Error(`Creating ${objectName} failed: ${JSON.stringify(body)}`);
      return body.id;
    },
    async query<T>(soql: string) {
      const response = await fetch(
        `${preview.org.instanceUrl}${API}/query?q=${encodeURIComponent(soql)}`,
        { headers }
      );
      const body = (await response.json()) as { records?: T[] };
      if (!response.ok || !body.records)
        throw new Error(`Query failed: ${soql}: ${JSON.stringify(body)}`);
      return body.records;
    },
    async actAs(persona) {
      await context.addCookies([{ name: 'ppk_persona', value: persona, url: preview.url }]);
    },
    async screenshot(journey) {
      const dir = join(repoRoot, 'docs', 'screenshots');
      mkdirSync(dir, { recursive: true });
      await page.screenshot({ path: join(dir, `${journey}.png`), fullPage: true });
    },
    async close() {
      await browser.close();
      await preview.stop();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(profileDir, { recursive: true, force: true });
    }
  };
}

/** The id of a demo user by the persona's username. */
export async function userId(
  journey: Journey,
  key: 'seller' | 'cam' | 'ops' | 'manager' | 'vp'
): Promise<string> {
  const [user] = await journey.query<{ Id: string }>(
    `SELECT Id FROM User WHERE Username = '${key}@local-org.ppk'`
  );
  if (!user) throw new Error(`The local org has no demo user ${key}@local-org.ppk`);
  return user.Id;
}
