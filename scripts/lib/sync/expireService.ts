/**
 * `ppk deal-regs expire`: approved registrations past their last valid day become Expired, the
 * open opportunities that pointed at them lose the link (the core's `registrationExpiry` says
 * which), and the registrations inside the warning window are reported with their days left and,
 * for an expired one, the next queued registration the CAM reconsiders.
 *
 * Rerun-safe: an opportunity still linked to an already Expired registration (a run killed
 * between the two writes) is unlinked by the next run.
 */
import {
  registrationExpiry,
  registrationQueue,
  type DealRegistration,
  type Opportunity
} from '../../../force-app/main/default/lwc/partnerProgram/partnerProgram.ts';
import { loadRules } from '../rulesSource.ts';
import { selectQuery, soqlString } from '../soql.ts';
import type { SyncContext } from './command.ts';
import { Ledger } from './ledger.ts';
import type { DesiredRecord } from './plan.ts';
import { queryAll, queryByKeys, type SObjectRow } from './read.ts';
import type { SyncResult } from './report.ts';
import { writeChanges } from './write.ts';

const REGISTRATION_FIELDS = [
  'Id',
  'Name',
  'Status__c',
  'Approved_On__c',
  'Expires_On__c',
  'Extensions__c',
  'Opportunity__c',
  'Partner_Account__c',
  'Engagement__c',
  'Submitted_At__c'
];
type Registration = DealRegistration & SObjectRow;
type LinkedOpportunity = Opportunity & SObjectRow;

const OPPORTUNITY_FIELDS = ['Id', 'Name', 'StageName', 'IsClosed', 'Registered_Deal__c'];

export async function expireRegistrations(context: SyncContext): Promise<SyncResult> {
  const { client, progress, asOf } = context;
  const retry = context.write.retry;
  const { rules } = await loadRules({
    rulesFile: context.rulesFile,
    client,
    orgLabel: context.orgLabel
  });

  progress.start('read');
  const approved = await queryAll<Registration>(
    client,
    selectQuery('Deal_Registration__c', REGISTRATION_FIELDS, {
      where: [`Status__c = ${soqlString('Approved')}`],
      orderBy: 'Name'
    }),
    retry
  );
  const opportunityIds = approved.map((r) => r.Opportunity__c ?? '');
  const opportunities = new Map(
    (
      await queryByKeys<LinkedOpportunity>(
        client,
        'Opportunity',
        OPPORTUNITY_FIELDS,
        'Id',
        opportunityIds,
        {
          retry
        }
      )
    ).map((o) => [o.Id, o])
  );
  // Left linked by an interrupted run: the registration is Expired, the open opportunity not yet unlinked.
  const stale = await queryAll<LinkedOpportunity>(
    client,
    selectQuery('Opportunity', OPPORTUNITY_FIELDS, {
      where: [`Registered_Deal__r.Status__c = ${soqlString('Expired')}`, 'IsClosed = false']
    }),
    retry
  );
  progress.done(`${approved.length} approved registrations`);

  const ledger = new Ledger();
  const expiring: DesiredRecord[] = [];
  const unlink = new Map<string, LinkedOpportunity>();
  const notes = new Map<number, string>();
  approved.forEach((registration, index) => {
    const line = index + 1;
    ledger.open(line, registration.Name ?? registration.Id);
    const opportunity = opportunities.get(registration.Opportunity__c ?? '') ?? null;
    const decision = registrationExpiry(registration, opportunity, asOf, rules);
    if (decision.kind === 'expire') {
      expiring.push({ line, key: registration.Id, fields: { Status__c: 'Expired' } });
      notes.set(line, `expired: its last valid day was ${decision.expiresOn}`);
      if (opportunity && decision.opportunityFields) unlink.set(opportunity.Id, opportunity);
    } else {
      const note =
        decision.kind === 'warn'
          ? `expires on ${decision.expiresOn}: ${decision.daysLeft} day(s) left (warning window ${rules.dealRegistration.expiryWarningDays} days)`
          : `valid until ${decision.expiresOn ?? 'no expiry date'}`;
      ledger.settle(line, { status: 'unchanged', id: registration.Id, note });
    }
  });

  const { write: written } = await writeChanges(
    client,
    { object: 'Deal_Registration__c' },
    expiring,
    new Map(approved.map((r) => [r.Id, r])),
    ledger,
    { ...context.write, progress }
  );
  for (const [line, note] of notes) ledger.annotate(line, note);

  const links = await unlinkOpportunities(context, approved, unlink, stale, rules);
  return {
    command: 'deal-regs expire',
    targetOrg: context.orgLabel,
    dryRun: context.write.dryRun,
    counts: ledger.assertBalanced(),
    writeCalls: written.calls + links.calls,
    rows: ledger.rows(),
    derived: [{ label: 'Opportunity links (Registered_Deal__c)', ...links.result }]
  };
}

/** Clears Registered_Deal__c on the open opportunities of expired registrations; notes who is next. */
async function unlinkOpportunities(
  context: SyncContext,
  approved: readonly Registration[],
  unlink: Map<string, LinkedOpportunity>,
  stale: readonly LinkedOpportunity[],
  rules: Parameters<typeof registrationQueue>[3]
) {
  const { client, progress, asOf } = context;
  for (const opportunity of stale) unlink.set(opportunity.Id, opportunity);
  const targets = [...unlink.values()];
  const queued = await queryByKeys<Registration>(
    client,
    'Deal_Registration__c',
    REGISTRATION_FIELDS,
    'Opportunity__c',
    targets.map((o) => o.Id),
    { where: `Status__c = ${soqlString('Submitted')}`, retry: context.write.retry }
  );
  const ledger = new Ledger();
  const desired: DesiredRecord[] = targets.map((opportunity, index) => {
    ledger.open(index + 1, opportunity.Name ?? opportunity.Id);
    return { line: index + 1, key: opportunity.Id, fields: { Registered_Deal__c: null } };
  });
  const { write } = await writeChanges(
    client,
    { object: 'Opportunity' },
    desired,
    new Map(targets.map((o) => [o.Id, o])),
    ledger,
    { ...context.write, progress }
  );
  targets.forEach((opportunity, index) => {
    const next = registrationQueue(opportunity.Id, [...approved, ...queued], asOf, rules).nextUp;
    ledger.annotate(
      index + 1,
      next
        ? `next in queue for the CAM to reconsider: ${next.Name ?? next.Id} (submitted ${next.Submitted_At__c ?? 'at an unknown time'})`
        : 'no registration queued behind it'
    );
  });
  return { result: { counts: ledger.assertBalanced(), rows: ledger.rows() }, calls: write.calls };
}
