/**
 * One scale run in its own process (so peak memory is this run's): generates synthetic
 * accounts and registrations, builds the matcher, matches every registration, and prints one
 * JSON line with wall times, peak memory and the synthetic set's precision / recall.
 *   node scripts/bench/scale.ts --accounts 1000000 --registrations 100000
 */
import { parseArgs } from 'node:util';
import { createCustomerMatcher } from '../../force-app/main/default/lwc/partnerProgram/partnerProgram.ts';
import { matchingContext } from '../lib/matchingContext.ts';
import { scoreMatches, type MatchLabel } from '../lib/scoreMatches.ts';
import { generateCustomers } from './syntheticCustomers.ts';

export interface ScaleResult {
  accounts: number;
  registrations: number;
  generateSeconds: number;
  buildSeconds: number;
  matchSeconds: number;
  /** Build + match: what `ppk match` spends after reading its files. */
  totalSeconds: number;
  /** CPU time of build + match (user + system): less sensitive to other load on the machine. */
  cpuSeconds: number;
  peakRssMb: number;
  heapUsedMb: number;
  precision: number;
  recall: number;
}

function seconds(since: number): number {
  return Math.round((performance.now() - since) / 10) / 100;
}

export function runScale(accountCount: number, registrationCount: number): ScaleResult {
  let t = performance.now();
  const data = generateCustomers(accountCount, registrationCount);
  const generateSeconds = seconds(t);
  t = performance.now();
  const cpu = process.cpuUsage();
  const matcher = createCustomerMatcher(data.accounts, matchingContext());
  const buildSeconds = seconds(t);
  t = performance.now();
  const predictions = new Map<string, string>();
  for (const registration of data.registrations) {
    const result = matcher.match(registration);
    predictions.set(registration.externalId, result.kind === 'match' ? result.accountId : '');
  }
  const matchSeconds = seconds(t);
  const cpuUsed = process.cpuUsage(cpu);
  const byOrganisation = new Map<number, string[]>();
  for (const account of data.accounts) {
    const list = byOrganisation.get(account.organisation) ?? [];
    list.push(account.id);
    byOrganisation.set(account.organisation, list);
  }
  const labels = new Map<string, MatchLabel>();
  for (const registration of data.registrations) {
    const ids = byOrganisation.get(registration.organisation) ?? [];
    labels.set(registration.externalId, { expected: ids[0] ?? '', acceptable: ids.slice(1) });
  }
  const quality = scoreMatches(labels, predictions);
  return {
    accounts: accountCount,
    registrations: registrationCount,
    generateSeconds,
    buildSeconds,
    matchSeconds,
    totalSeconds: Math.round((buildSeconds + matchSeconds) * 100) / 100,
    cpuSeconds: Math.round((cpuUsed.user + cpuUsed.system) / 1e4) / 100,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    heapUsedMb: Math.round(process.memoryUsage().heapUsed / 1024 / 1024),
    precision: Math.round(quality.precision * 10000) / 10000,
    recall: Math.round(quality.recall * 10000) / 10000
  };
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: { accounts: { type: 'string' }, registrations: { type: 'string' } }
  });
  const accounts = Number(values.accounts ?? 10000);
  const registrations = Number(values.registrations ?? accounts);
  process.stdout.write(`${JSON.stringify(runScale(accounts, registrations))}\n`);
}
