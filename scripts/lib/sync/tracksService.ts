/**
 * `ppk tracks evaluate`: every partner account evaluated by the core, derived fields written
 * where they changed. One ledger row per partner account.
 */
import { loadRules } from '../rulesSource.ts';
import type { SyncContext } from './command.ts';
import type { SyncResult } from './report.ts';
import { readCertifications, readPartners, writeTrackEvaluations } from './trackEvaluation.ts';

export async function evaluateTracks(context: SyncContext): Promise<SyncResult> {
  const { client, progress } = context;
  const { rules } = await loadRules({
    rulesFile: context.rulesFile,
    client,
    orgLabel: context.orgLabel
  });
  progress.start('read');
  const partners = await readPartners(client, 'all', context.write.retry);
  const certifications = await readCertifications(client, 'all', context.write.retry);
  progress.done(`${partners.length} partner accounts, ${certifications.length} certifications`);
  const run = await writeTrackEvaluations(client, partners, certifications, rules, context.asOf, {
    ...context.write,
    progress
  });
  const counts = run.ledger.assertBalanced();
  if (run.selectEligible.length) {
    context.out.warn(
      `${run.selectEligible.length} partner(s) meet every Select requirement: eligible for an invitation (Select is by invitation only).`
    );
  }
  return {
    command: 'tracks evaluate',
    targetOrg: context.orgLabel,
    dryRun: context.write.dryRun,
    counts,
    writeCalls: run.write.calls,
    rows: run.ledger.rows()
  };
}
