/**
 * Writes the core's track evaluation back to partner accounts: Track_Requirements_Met__c,
 * Select_Eligible__c and Track_Gaps__c. The rule is the core's `evaluateTrack`; this module
 * only reads the inputs, diffs and writes. Used by `ppk tracks evaluate` (every partner) and
 * after `ppk certifications import` (the partners it touched).
 */
import {
  evaluateTrack,
  trackFields,
  type PartnerAccount,
  type PartnerCertification,
  type ProgramRules
} from '../../../force-app/main/default/lwc/partnerProgram/partnerProgram.ts';
import type { RetryOptions } from '../retry.ts';
import { selectQuery } from '../soql.ts';
import { Ledger } from './ledger.ts';
import type { OrgClient } from './orgClient.ts';
import type { DesiredRecord } from './plan.ts';
import type { Progress } from './progress.ts';
import { queryAll, queryByKeys } from './read.ts';
import { writeChanges, type WriteOptions, type WriteSummary } from './write.ts';

export const PARTNER_FIELDS = [
  'Id',
  'Name',
  'Partner_Type__c',
  'Partner_Track__c',
  'Partner_Status__c',
  'Partner_Region__c',
  'Exec_Sponsored_JBP__c',
  'Dedicated_DevOps_Practice__c',
  'Net_ARR_Trailing_12M__c',
  'Demand_Gen_Activities_This_Quarter__c',
  'Track_Requirements_Met__c',
  'Select_Eligible__c',
  'Track_Gaps__c'
] as const;

export const CERTIFICATION_FIELDS = [
  'Id',
  'Partner_Account__c',
  'Contact__c',
  'Certification__c',
  'Region__c',
  'Earned_On__c',
  'Expires_On__c',
  'External_Id__c'
] as const;

/** Partner accounts are the accounts with a partner type or track. */
const IS_PARTNER = 'Partner_Type__c != null OR Partner_Track__c != null';

export async function readPartners(
  client: OrgClient,
  ids: readonly string[] | 'all',
  retry?: RetryOptions
): Promise<PartnerAccount[]> {
  if (ids === 'all')
    return queryAll<PartnerAccount>(
      client,
      selectQuery('Account', PARTNER_FIELDS, { where: [IS_PARTNER], orderBy: 'Id' }),
      retry
    );
  return queryByKeys<PartnerAccount>(client, 'Account', PARTNER_FIELDS, 'Id', ids, {
    retry,
    where: IS_PARTNER
  });
}

export async function readCertifications(
  client: OrgClient,
  partnerIds: readonly string[] | 'all',
  retry?: RetryOptions
): Promise<PartnerCertification[]> {
  if (partnerIds === 'all')
    return queryAll<PartnerCertification>(
      client,
      selectQuery('Partner_Certification__c', CERTIFICATION_FIELDS),
      retry
    );
  return queryByKeys<PartnerCertification>(
    client,
    'Partner_Certification__c',
    CERTIFICATION_FIELDS,
    'Partner_Account__c',
    partnerIds,
    { retry }
  );
}

export interface TrackRun {
  ledger: Ledger;
  write: WriteSummary;
  /** Partners newly or still eligible for a Select invitation (never auto-upgraded). */
  selectEligible: string[];
}

/**
 * Evaluates `partners` with their `certifications` on `asOf` and writes the derived fields
 * that changed. The ledger has one row per partner (line = its position, key = its Id).
 */
export async function writeTrackEvaluations(
  client: OrgClient,
  partners: readonly PartnerAccount[],
  certifications: readonly PartnerCertification[],
  rules: ProgramRules,
  asOf: string,
  options: WriteOptions & { progress: Progress }
): Promise<TrackRun> {
  const ledger = new Ledger();
  const byPartner = new Map<string, PartnerCertification[]>();
  for (const cert of certifications) {
    const list = byPartner.get(cert.Partner_Account__c ?? '') ?? [];
    list.push(cert);
    byPartner.set(cert.Partner_Account__c ?? '', list);
  }
  const desired: DesiredRecord[] = [];
  const selectEligible: string[] = [];
  options.progress.start('diff', partners.length);
  partners.forEach((partner, index) => {
    const line = index + 1;
    ledger.open(line, partner.Id);
    const evaluation = evaluateTrack(partner, byPartner.get(partner.Id) ?? [], rules, asOf);
    const fields = trackFields(evaluation);
    if (fields.Select_Eligible__c) selectEligible.push(partner.Id);
    desired.push({ line, key: partner.Id, fields });
  });
  const existing = new Map(
    partners.map((p) => [p.Id, p as PartnerAccount & Record<string, unknown>])
  );
  const { write } = await writeChanges(client, { object: 'Account' }, desired, existing, ledger, {
    ...options,
    endsDiffStage: true
  });
  return { ledger, write, selectEligible };
}
