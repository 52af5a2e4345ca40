/**
 * `ppk match`: attaches deal registrations (the portal export) to existing customer accounts.
 * Reads accounts.csv (Id, Name, Website, BillingCountry) and registrations.csv (External_Id,
 * Customer_Name, Customer_Domain, Customer_Country), writes one prediction per registration:
 * External_Id, Predicted_Account_Id (empty for none / ambiguous), Score, Evidence.
 */
import type { Command } from 'commander';
import {
  createCustomerMatcher,
  type CustomerMatch,
  type MatchableAccount,
  type MatchableRegistration
} from '../../force-app/main/default/lwc/partnerProgram/partnerProgram.ts';
import { readCsv, writeCsv } from '../lib/csv.ts';
import { PpkError } from '../lib/errors.ts';
import { matchingContext } from '../lib/matchingContext.ts';
import { processOutput, type JsonEnvelope, type Output } from '../lib/output.ts';
import type { Topic } from './index.ts';

export const PREDICTION_HEADER = ['External_Id', 'Predicted_Account_Id', 'Score', 'Evidence'];

export interface RegistrationRow extends MatchableRegistration {
  readonly externalId: string;
  readonly line: number;
}

/** Reads the CRM's customer accounts; warnings (e.g. Latin-1) go to `warn`. */
export function readAccounts(file: string, warn: (line: string) => void): MatchableAccount[] {
  const table = readCsv(file, {
    required: ['Id', 'Name'],
    optional: ['Website', 'BillingCountry']
  });
  table.warnings.forEach(warn);
  const seen = new Map<string, number>();
  return table.rows.map(({ line, values }) => {
    if (!values.Id.trim())
      throw new PpkError('AccountWithoutId', `${file}:${line}: the account has no Id.`, {
        actions: ['Every account row needs its Salesforce record Id.']
      });
    const earlier = seen.get(values.Id);
    if (earlier)
      throw new PpkError(
        'DuplicateAccountId',
        `${file}:${line}: the Id ${values.Id} was already used on line ${earlier}.`,
        { actions: ['Remove the duplicate row.'] }
      );
    seen.set(values.Id, line);
    return {
      id: values.Id.trim(),
      name: values.Name,
      website: values.Website,
      billingCountry: values.BillingCountry
    };
  });
}

/** Reads the deal registrations as partners typed them. */
export function readRegistrations(file: string, warn: (line: string) => void): RegistrationRow[] {
  const table = readCsv(file, {
    required: ['External_Id', 'Customer_Name'],
    optional: ['Customer_Domain', 'Customer_Country']
  });
  table.warnings.forEach(warn);
  return table.rows.map(({ line, values }) => {
    if (!values.External_Id.trim())
      throw new PpkError(
        'RegistrationWithoutId',
        `${file}:${line}: the registration has no External_Id.`,
        {
          actions: ["Every registration row needs the portal's External_Id."]
        }
      );
    return {
      externalId: values.External_Id.trim(),
      line,
      customerName: values.Customer_Name,
      customerDomain: values.Customer_Domain,
      customerCountry: values.Customer_Country
    };
  });
}

export interface MatchSummary {
  registrations: number;
  accounts: number;
  matched: number;
  none: number;
  ambiguous: number;
  out: string;
  seconds: number;
}

interface MatchFlags {
  accounts: string;
  registrations: string;
  out: string;
  json?: boolean;
}

/** One output row: the id only for a match; the evidence always says why. */
export function predictionRow(externalId: string, result: CustomerMatch): string[] {
  switch (result.kind) {
    case 'match':
      return [externalId, result.accountId, result.score.toFixed(3), result.evidence.join('; ')];
    case 'ambiguous':
      return [
        externalId,
        '',
        '',
        [
          `ambiguous between ${result.candidates.map((c) => `${c.accountId} (${c.score.toFixed(3)})`).join(', ')}`,
          ...result.evidence
        ].join('; ')
      ];
    case 'none':
      return [externalId, '', '', ['no match', ...result.evidence].join('; ')];
  }
}

export function runMatch(flags: MatchFlags, out: Output): MatchSummary {
  const started = performance.now();
  const accounts = readAccounts(flags.accounts, out.warn);
  const registrations = readRegistrations(flags.registrations, out.warn);
  const matcher = createCustomerMatcher(accounts, matchingContext());
  const counts = { match: 0, none: 0, ambiguous: 0 };
  const rows = registrations.map((registration) => {
    const result = matcher.match(registration);
    counts[result.kind]++;
    return predictionRow(registration.externalId, result);
  });
  writeCsv(flags.out, PREDICTION_HEADER, rows);
  return {
    registrations: registrations.length,
    accounts: accounts.length,
    matched: counts.match,
    none: counts.none,
    ambiguous: counts.ambiguous,
    out: flags.out,
    seconds: Math.round((performance.now() - started) / 10) / 100
  };
}

export const matchTopic: Topic = {
  register(program: Command) {
    program
      .command('match')
      .description(
        'Match deal registrations to existing customer accounts (precision first: abstains when unsure)'
      )
      .requiredOption('--accounts <file>', 'accounts CSV: Id, Name, Website, BillingCountry')
      .requiredOption(
        '--registrations <file>',
        'registrations CSV: External_Id, Customer_Name, Customer_Domain, Customer_Country'
      )
      .requiredOption('--out <file>', 'predictions CSV to write')
      .option('--json', 'print the summary as JSON')
      .action((flags: MatchFlags) => {
        const out = processOutput(Boolean(flags.json));
        const summary = runMatch(flags, out);
        if (out.json) {
          const envelope: JsonEnvelope<MatchSummary> = { status: 0, result: summary, warnings: [] };
          process.stdout.write(`${JSON.stringify(envelope, null, 2)}\n`);
          return;
        }
        out.log(
          `Matched ${summary.registrations} registrations against ${summary.accounts} accounts in ${summary.seconds} s:`
        );
        out.log(`  matched    ${summary.matched}`);
        out.log(`  none       ${summary.none}  (new customer? review manually)`);
        out.log(`  ambiguous  ${summary.ambiguous}  (several accounts fit; review manually)`);
        out.log(`Predictions written to ${summary.out}`);
      });
  }
};
