/**
 * What every record-page component test needs: the shipped program rules served to fetch (as
 * the static resource would be), the org's custom label values, a fixed today, and waiting for
 * promises to settle. Import it before the component under test: the labels are mocked on load.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import rulesJson from '../main/default/staticresources/partnerProgramRules.json';

const LABELS_FILE = join(__dirname, '../main/default/labels/CustomLabels.labels-meta.xml');
const unescapeXml = (value: string): string =>
  value
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** `@salesforce/label/c.Name` resolves to the label's value, as in the org (sfdx-lwc-jest gives its key). */
function serveCustomLabels(): void {
  const xml = readFileSync(LABELS_FILE, 'utf8');
  for (const [, block] of xml.matchAll(/<labels>([\s\S]*?)<\/labels>/g)) {
    const name = /<fullName>([^<]+)<\/fullName>/.exec(block)?.[1];
    const value = /<value>([\s\S]*?)<\/value>/.exec(block)?.[1];
    if (name && value !== undefined) {
      jest.doMock(
        `@salesforce/label/c.${name}`,
        () => ({ __esModule: true, default: unescapeXml(value) }),
        { virtual: true }
      );
    }
  }
}
serveCustomLabels();

/** The day the fixtures are written for (registration expiry, certification validity). */
export const AS_OF = '2026-11-23';

/** Serves the shipped partnerProgramRules.json to `fetch`, as the static resource URL would. */
export function serveProgramRules(body: unknown = rulesJson, status = 200): jest.Mock {
  const fetchMock = jest.fn(() =>
    Promise.resolve({
      ok: status >= 200 && status < 300,
      status,
      json: () => Promise.resolve(body)
    })
  );
  (globalThis as { fetch?: unknown }).fetch = fetchMock;
  return fetchMock;
}

/** Freezes the clock's date on AS_OF (noon, so every time zone agrees) and leaves timers real. */
export function freezeToday(asOf = AS_OF): void {
  jest.useFakeTimers({
    now: new Date(`${asOf}T12:00:00Z`),
    doNotFake: [
      'nextTick',
      'setImmediate',
      'setTimeout',
      'clearTimeout',
      'setInterval',
      'clearInterval',
      'queueMicrotask'
    ]
  });
}

/** Lets pending promises (rules fetch, LDS writes) settle and the component re-render. */
export function flushPromises(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export function resetDom(): void {
  while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  jest.clearAllMocks();
}
