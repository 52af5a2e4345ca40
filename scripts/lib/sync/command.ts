/**
 * What every sync command shares: its flags, the connection, the stages' progress, the report,
 * the human summary or the --json envelope, and the exit code (non-zero when any row was
 * rejected). Commands stay thin: parse flags, call a service with these, print.
 */
import { Option, type Command } from 'commander';
import { isIsoDate } from '../../../force-app/main/default/lwc/partnerProgram/partnerProgram.ts';
import { resolveConnection } from '../connection.ts';
import { PpkError } from '../errors.ts';
import { transientReason } from '../retry.ts';
import { processOutput, type JsonEnvelope, type Output } from '../output.ts';
import { exitCodeFor, type LedgerCounts } from './ledger.ts';
import { jsforceClient, type OrgClient } from './orgClient.ts';
import { stageProgress, type Progress } from './progress.ts';
import { checkReportPath, writeReport, type SyncResult } from './report.ts';
import { DEFAULT_BULK_THRESHOLD, type WriteOptions } from './write.ts';

export interface SyncFlags {
  targetOrg?: string;
  json?: boolean;
  dryRun?: boolean;
  report?: string;
  bulkThreshold?: string;
  rules?: string;
  asOf?: string;
}

export interface SyncContext {
  client: OrgClient;
  orgLabel: string;
  out: Output;
  progress: Progress;
  write: WriteOptions;
  rulesFile?: string;
  asOf: string;
}

export function targetOrgOption(command: Command): Command {
  return command
    .option(
      '-o, --target-org <org>',
      '"local" for the local org, or a Salesforce CLI alias/username (default: $PPK_TARGET_ORG, then SF_ACCESS_TOKEN/SF_INSTANCE_URL, then JWT)'
    )
    .option('--json', 'print the result as JSON on stdout (progress and warnings stay on stderr)');
}

export function syncOptions(
  command: Command,
  options: { writes: boolean; rules: boolean }
): Command {
  targetOrgOption(command).option(
    '--report <file>',
    'write every row and what happened to it (.csv, .json or .md)'
  );
  if (options.writes) {
    command
      .option('--dry-run', 'read, validate and diff, show what would change, write nothing')
      .addOption(
        new Option(
          '--bulk-threshold <n>',
          'above this many records, write with Bulk API 2.0'
        ).default(String(DEFAULT_BULK_THRESHOLD))
      );
  }
  if (options.rules) {
    command
      .option(
        '--rules <file>',
        "program rules file to use instead of the org's partnerProgramRules static resource"
      )
      .option('--as-of <date>', 'evaluate as on this day (YYYY-MM-DD, default today in UTC)');
  }
  return command;
}

function flagError(flag: string, message: string, action: string): PpkError {
  return new PpkError('InvalidFlag', `${flag}: ${message}`, { actions: [action] });
}

function parseFlags(flags: SyncFlags): { bulkThreshold: number; asOf: string } {
  const bulkThreshold = Number(flags.bulkThreshold ?? DEFAULT_BULK_THRESHOLD);
  if (!Number.isInteger(bulkThreshold) || bulkThreshold < 0) {
    throw flagError(
      '--bulk-threshold',
      `expected a whole number, found "${flags.bulkThreshold}"`,
      'e.g. --bulk-threshold 2000'
    );
  }
  const asOf = flags.asOf ?? new Date().toISOString().slice(0, 10);
  if (!isIsoDate(asOf))
    throw flagError(
      '--as-of',
      `expected a date as YYYY-MM-DD, found "${asOf}"`,
      'e.g. --as-of 2026-11-23'
    );
  if (flags.report) checkReportPath(flags.report);
  return { bulkThreshold, asOf };
}

/** Every outcome count of a result: the input rows and the derived records. */
function allCounts(result: SyncResult): LedgerCounts[] {
  return [result.counts, ...(result.derived ?? []).map((d) => d.counts)];
}

export function summaryLines(result: SyncResult): string[] {
  const describe = (c: LedgerCounts) =>
    `${c.rows} rows: ${c.written} ${result.dryRun ? 'would be written' : 'written'} (${c.created} new, ${c.updated} updated), ${c.unchanged} unchanged, ${c.rejected} rejected, ${c.skipped} skipped`;
  const sections = [
    { label: result.source ?? result.command, counts: result.counts, rows: result.rows },
    ...(result.derived ?? [])
  ];
  const lines: string[] = [];
  for (const section of sections) {
    lines.push(`${section.label}: ${describe(section.counts)}`);
    for (const row of section.rows) {
      const { outcome } = row;
      if (outcome.status !== 'rejected') continue;
      const where =
        result.source && section.rows === result.rows
          ? `${result.source}, line ${row.line}`
          : row.key;
      lines.push(
        `  ${where}${outcome.column ? `, column ${outcome.column}` : ''}${row.key && where !== row.key ? ` (${row.key})` : ''}: ${outcome.reason}`
      );
    }
  }
  if (result.dryRun) lines.push('Dry run: nothing was written.');
  return lines;
}

/** An org's refusal as a PpkError saying what to do; anything else passes through as a bug. */
export function orgFailure(error: unknown, orgLabel: string): unknown {
  if (error instanceof PpkError || !(error instanceof Error)) return error;
  const code = (error as { errorCode?: unknown }).errorCode ?? error.name;
  if (code === 'INVALID_SESSION_ID' || code === 'INVALID_AUTH_HEADER') {
    return new PpkError(
      'SessionInvalid',
      `${orgLabel} refused the session (${code}): it expired or was revoked.`,
      {
        actions: [
          'Log in again (`sf org login web`, or restart `npx ppk local start` for the local org), then run this again.'
        ]
      }
    );
  }
  const network = `${String((error as { code?: unknown }).code ?? '')} ${error.message} ${String((error.cause as { code?: unknown } | undefined)?.code ?? '')}`;
  if (/ECONNREFUSED|ENOTFOUND|EAI_AGAIN/.test(network)) {
    return new PpkError(
      'OrgUnreachable',
      `${orgLabel} cannot be reached (${/ECONNREFUSED|ENOTFOUND|EAI_AGAIN/.exec(network)?.[0]}).`,
      {
        actions: [
          'Check the instance URL and your network; for the local org, start it with `npx ppk local start`.'
        ]
      }
    );
  }
  const transient = transientReason(error);
  if (transient) {
    return new PpkError(
      'OrgUnavailable',
      `${orgLabel} kept failing after several retries (${transient}).`,
      {
        actions: [
          'Run the same command again later: it is safe to repeat (writes are upserts and nothing is written twice).'
        ]
      }
    );
  }
  if (typeof code === 'string' && /^[A-Z_]+$/.test(code)) {
    return new PpkError('OrgError', `${orgLabel} answered ${code}: ${error.message}`, {
      actions: [
        "Check that the project's metadata is deployed to the org (`sf project deploy start`) and that your user has the Channel Ops Integration permission set."
      ]
    });
  }
  return error;
}

/** Resolves the org, runs `body`, reports; sets process.exitCode (0 only if no row was rejected). */
export async function runSync(
  command: string,
  flags: SyncFlags,
  body: (context: SyncContext) => Promise<SyncResult>
): Promise<void> {
  const out = processOutput(Boolean(flags.json));
  const { bulkThreshold, asOf } = parseFlags(flags);
  const { conn, label } = await resolveConnection({ targetOrg: flags.targetOrg });
  const progress = stageProgress(out);
  let result: SyncResult;
  try {
    result = await body({
      client: jsforceClient(conn),
      orgLabel: label,
      out,
      progress,
      write: { dryRun: Boolean(flags.dryRun), bulkThreshold },
      rulesFile: flags.rules,
      asOf
    });
  } catch (error) {
    throw orgFailure(error, label);
  }
  if (flags.report) {
    progress.start('report');
    writeReport(flags.report, result);
    progress.done(flags.report);
  }
  const exitCode = Math.max(...allCounts(result).map(exitCodeFor));
  if (out.json) {
    const envelope: JsonEnvelope<SyncResult> & { result: SyncResult } =
      exitCode === 0
        ? { status: 0, result, warnings: [] }
        : {
            status: exitCode,
            name: 'RowsRejected',
            message: `${command}: some rows were rejected`,
            actions: ['See result.rows for each rejected row and its reason.'],
            warnings: [],
            result
          };
    process.stdout.write(`${JSON.stringify(envelope, null, 2)}\n`);
  } else {
    for (const line of summaryLines(result)) out.log(line);
    if (flags.report) out.log(`Report: ${flags.report}`);
  }
  process.exitCode = exitCode;
}
