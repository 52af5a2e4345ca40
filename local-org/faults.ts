/**
 * Fault injection (off unless configured): a seeded, reproducible rate of the failures a real
 * org produces under load, per endpoint family, so sync commands can be tested for retries.
 * Configured by start options, `--faults`, or PPK_LOCAL_ORG_FAULTS, e.g.
 * `seed=7,rate=0.2,kinds=503+lock,families=composite+bulk`.
 */
import { SfError } from './sfError.ts';

export type FaultKind = '503' | 'limit' | 'lock' | 'recordLock' | 'drop';
export type EndpointFamily = 'query' | 'sobject' | 'composite' | 'bulk';

export interface FaultOptions {
  seed?: number;
  /** Probability (0..1) that a request in a chosen family fails. */
  rate: number;
  kinds?: FaultKind[];
  families?: EndpointFamily[];
}

const ALL_KINDS: FaultKind[] = ['503', 'limit', 'lock', 'drop'];
const ALL_FAMILIES: EndpointFamily[] = ['query', 'sobject', 'composite', 'bulk'];

export function parseFaults(text: string): FaultOptions {
  const options: FaultOptions = { rate: 0 };
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [key, value = ''] = part.split('=');
    if (key === 'seed') options.seed = Number(value);
    else if (key === 'rate') options.rate = Number(value);
    else if (key === 'kinds') options.kinds = value.split('+') as FaultKind[];
    else if (key === 'families') options.families = value.split('+') as EndpointFamily[];
    else throw new Error(`unknown fault setting "${key}" (expected seed, rate, kinds, families)`);
  }
  if (!(options.rate >= 0 && options.rate <= 1))
    throw new Error(`fault rate must be between 0 and 1, found ${options.rate}`);
  for (const kind of options.kinds ?? []) {
    if (![...ALL_KINDS, 'recordLock'].includes(kind))
      throw new Error(`unknown fault kind "${kind}" (${[...ALL_KINDS, 'recordLock'].join(', ')})`);
  }
  for (const family of options.families ?? []) {
    if (!ALL_FAMILIES.includes(family))
      throw new Error(`unknown endpoint family "${family}" (${ALL_FAMILIES.join(', ')})`);
  }
  return options;
}

/** mulberry32: small, seeded, good enough for reproducible fault schedules. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Faults {
  private readonly options: FaultOptions;
  private readonly next: () => number;
  injected = 0;

  constructor(options: FaultOptions | undefined) {
    this.options = options ?? { rate: 0 };
    this.next = random(this.options.seed ?? 1);
  }

  private applies(family: EndpointFamily | undefined): boolean {
    if (!family || this.options.rate <= 0) return false;
    return (this.options.families ?? ALL_FAMILIES).includes(family);
  }

  /** The request-level fault to inject now, if any. */
  forRequest(family: EndpointFamily | undefined): Exclude<FaultKind, 'recordLock'> | undefined {
    if (!this.applies(family)) return undefined;
    const kinds = (this.options.kinds ?? ALL_KINDS).filter(
      (k): k is Exclude<FaultKind, 'recordLock'> => k !== 'recordLock'
    );
    if (kinds.length === 0 || this.next() >= this.options.rate) return undefined;
    this.injected++;
    return kinds[Math.floor(this.next() * kinds.length)];
  }

  /** Whether one record of a batch fails with UNABLE_TO_LOCK_ROW. */
  recordLock(family: EndpointFamily): boolean {
    if (!this.applies(family) || !(this.options.kinds ?? []).includes('recordLock')) return false;
    const hit = this.next() < this.options.rate;
    if (hit) this.injected++;
    return hit;
  }
}

export function faultError(kind: '503' | 'limit' | 'lock'): SfError {
  if (kind === '503')
    return new SfError(
      503,
      'SERVER_UNAVAILABLE',
      'Server temporarily unavailable, try again later'
    );
  if (kind === 'limit')
    return new SfError(403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.');
  return new SfError(
    400,
    'UNABLE_TO_LOCK_ROW',
    'unable to obtain exclusive access to this record or 1 records'
  );
}
