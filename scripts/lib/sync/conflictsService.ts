/**
 * `ppk conflicts scan`: the conflict status of every registration of every customer that has
 * registrations, recomputed by the core's conflict rules and written where it changed.
 */
import { selectQuery } from '../soql.ts';
import type { SyncContext } from './command.ts';
import { writeConflictStatus } from './dealRegistrationsService.ts';
import { queryAll } from './read.ts';
import type { SyncResult } from './report.ts';

export async function scanConflicts(context: SyncContext): Promise<SyncResult> {
  context.progress.start('read');
  const rows = await queryAll<{ Customer_Account__c: string }>(
    context.client,
    selectQuery('Deal_Registration__c', ['Customer_Account__c'], {
      where: ['Customer_Account__c != null']
    }),
    context.write.retry
  );
  const customers = [...new Set(rows.map((r) => r.Customer_Account__c))];
  context.progress.done(`${customers.length} customers with registrations`);
  const { derived, calls } = await writeConflictStatus(context, customers);
  return {
    command: 'conflicts scan',
    targetOrg: context.orgLabel,
    dryRun: context.write.dryRun,
    source: derived.label,
    counts: derived.counts,
    writeCalls: calls,
    rows: derived.rows
  };
}
