/**
 * `ppk incumbents refresh`: each customer's incumbent partner — the partner of its latest won
 * opportunity, as the core's `incumbentPartner` decides (seed 001:152-154) — written to
 * Incumbent_Partner__c / Incumbent_Since__c where it changed. A customer with no won partner
 * deal keeps what it has: an incumbent recorded by hand (from before the CRM) is not erased.
 */
import {
  incumbentPartner,
  type Opportunity
} from '../../../force-app/main/default/lwc/partnerProgram/partnerProgram.ts';
import { selectQuery } from '../soql.ts';
import type { SyncContext } from './command.ts';
import { Ledger } from './ledger.ts';
import type { DesiredRecord } from './plan.ts';
import { queryAll, queryByKeys } from './read.ts';
import type { SyncResult } from './report.ts';
import { writeChanges } from './write.ts';

export async function refreshIncumbents(context: SyncContext): Promise<SyncResult> {
  const { client, progress } = context;
  const retry = context.write.retry;
  progress.start('read');
  const won = await queryAll<Opportunity>(
    client,
    selectQuery('Opportunity', ['Id', 'AccountId', 'Partner_Account__c', 'CloseDate', 'IsWon'], {
      where: ['IsWon = true', 'Partner_Account__c != null', 'AccountId != null']
    }),
    retry
  );
  const byCustomer = new Map<string, Opportunity[]>();
  for (const o of won) byCustomer.set(o.AccountId!, [...(byCustomer.get(o.AccountId!) ?? []), o]);
  const customers = await queryByKeys<{
    Id: string;
    Incumbent_Partner__c: string | null;
    Incumbent_Since__c: string | null;
  }>(
    client,
    'Account',
    ['Id', 'Incumbent_Partner__c', 'Incumbent_Since__c'],
    'Id',
    byCustomer.keys(),
    { retry }
  );
  progress.done(`${won.length} won partner opportunities of ${customers.length} customers`);
  const ledger = new Ledger();
  const desired: DesiredRecord[] = customers.map((customer, index) => {
    ledger.open(index + 1, customer.Id);
    const incumbent = incumbentPartner(byCustomer.get(customer.Id) ?? []);
    return {
      line: index + 1,
      key: customer.Id,
      fields: {
        Incumbent_Partner__c: incumbent?.partnerId ?? null,
        Incumbent_Since__c: incumbent?.since ?? null
      }
    };
  });
  const { write } = await writeChanges(
    client,
    { object: 'Account' },
    desired,
    new Map(customers.map((c) => [c.Id, c])),
    ledger,
    { ...context.write, progress }
  );
  return {
    command: 'incumbents refresh',
    targetOrg: context.orgLabel,
    dryRun: context.write.dryRun,
    counts: ledger.assertBalanced(),
    writeCalls: write.calls,
    rows: ledger.rows()
  };
}
