/**
 * Matching quality on the labelled dev set (../shared/data/matching-dev): our matcher as shipped,
 * our matcher without its curated list of renames and alternative names (what the general rules
 * reach on organisations nobody listed), and the naive baseline (legal forms and punctuation removed, exact name; plus exact registrable
 * domain; webmail ignored), scored by the repo's own port of the set's scoring rules.
 */
import { join } from 'node:path';
import {
  createCustomerMatcher,
  type CustomerMatcherOptions,
  type MatchableAccount
} from '../../force-app/main/default/lwc/partnerProgram/partnerProgram.ts';
import { readAccounts, readRegistrations, type RegistrationRow } from '../commands/match.ts';
import { readCsv } from '../lib/csv.ts';
import { matchingContext } from '../lib/matchingContext.ts';
import { scoreMatches, type MatchLabel, type MatchScore } from '../lib/scoreMatches.ts';

export const repoRoot = join(import.meta.dirname, '..', '..');
export const matchingDevDir = join(repoRoot, '..', 'shared', 'data', 'matching-dev');

/** The answer key: read only here, for scoring, never by a matcher. */
export function readLabels(dir: string): Map<string, MatchLabel> {
  const table = readCsv(join(dir, 'registrations.csv'), {
    required: ['External_Id', 'Expected_Account_Id'],
    optional: ['Acceptable_Account_Ids']
  });
  return new Map(
    table.rows.map(({ values }) => [
      values.External_Id,
      {
        expected: values.Expected_Account_Id.trim(),
        acceptable: values.Acceptable_Account_Ids.split(';')
          .map((id) => id.trim())
          .filter(Boolean)
      }
    ])
  );
}

const BASELINE_LEGAL_FORMS = new Set(
  'inc incorporated corp corporation co company ltd limited llc plc gmbh ag se sa nv bv ab as asa oyj spa srl sas sarl kk pte pty pvt bhd sab de cv ltda kgaa lp llp the'.split(
    ' '
  )
);

function baselineName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, ' ')
    .split(/\s+/)
    .filter((word) => word && !BASELINE_LEGAL_FORMS.has(word))
    .join(' ');
}

/** The README's naive baseline: exact cleaned name, else exact registrable domain. */
export function baselinePredictions(
  accounts: readonly MatchableAccount[],
  registrations: readonly RegistrationRow[]
): Map<string, string> {
  const context = matchingContext();
  const host = (text: string | null | undefined) => {
    const value = (text ?? '').trim().toLowerCase();
    if (!value) return null;
    const bare = value.includes('@')
      ? value.slice(value.lastIndexOf('@') + 1)
      : value.replace(/^[a-z]+:\/\//, '');
    const registrable = context.registrableDomain(bare.split(/[/?#]/)[0].replace(/^www\./, ''));
    return registrable && !context.freeMailDomains.has(registrable) ? registrable : null;
  };
  const byName = new Map<string, string>();
  const byDomain = new Map<string, string>();
  for (const account of accounts) {
    const name = baselineName(account.name);
    if (name && !byName.has(name)) byName.set(name, account.id);
    const domain = host(account.website);
    if (domain && !byDomain.has(domain)) byDomain.set(domain, account.id);
  }
  const predictions = new Map<string, string>();
  for (const registration of registrations) {
    const domain = host(registration.customerDomain);
    predictions.set(
      registration.externalId,
      byName.get(baselineName(registration.customerName)) ??
        (domain ? byDomain.get(domain) : undefined) ??
        ''
    );
  }
  return predictions;
}

export function ourPredictions(
  accounts: readonly MatchableAccount[],
  registrations: readonly RegistrationRow[],
  options: CustomerMatcherOptions = {}
): Map<string, string> {
  const matcher = createCustomerMatcher(accounts, matchingContext(), options);
  return new Map(
    registrations.map((registration) => {
      const result = matcher.match(registration);
      return [registration.externalId, result.kind === 'match' ? result.accountId : ''];
    })
  );
}

export interface MatchingBench {
  ours: MatchScore;
  /** The same matcher with the curated known-names list switched off. */
  oursWithoutKnownNames: MatchScore;
  baseline: MatchScore;
}

/** Bench rows in print order: key in `MatchingBench` and label. */
export const BENCH_ROWS: ReadonlyArray<readonly [keyof MatchingBench, string]> = [
  ['ours', 'ours'],
  ['oursWithoutKnownNames', 'ours, no list'],
  ['baseline', 'baseline']
];

export function runMatchingBench(dir = matchingDevDir): MatchingBench {
  const warn = (line: string) => process.stderr.write(`${line}\n`);
  const accounts = readAccounts(join(dir, 'accounts.csv'), warn);
  const registrations = readRegistrations(join(dir, 'registrations.csv'), warn);
  const labels = readLabels(dir);
  return {
    ours: scoreMatches(labels, ourPredictions(accounts, registrations)),
    oursWithoutKnownNames: scoreMatches(
      labels,
      ourPredictions(accounts, registrations, { knownNames: false })
    ),
    baseline: scoreMatches(labels, baselinePredictions(accounts, registrations))
  };
}

if (import.meta.main) {
  const bench = runMatchingBench();
  if (process.argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify(bench)}\n`);
    process.exit(0);
  }
  const row = (name: string, s: MatchScore) =>
    `${name.padEnd(14)} ${s.precision.toFixed(4)}  ${s.recall.toFixed(4)}  ${s.f1.toFixed(4)}  ${String(s.correct).padStart(7)}  ${String(s.wrongAccount + s.falseMatchOnNew).padStart(5)}  ${String(s.missed).padStart(6)}`;
  console.log('matcher        precision recall  F1      correct  wrong  missed');
  for (const [key, label] of BENCH_ROWS) console.log(row(label, bench[key]));
}
