/**
 * `ppk certifications import FILE`: the training system's export → Partner_Certification__c,
 * upserted by External_Id__c; then the partners it touched are re-evaluated by the core and
 * their derived track fields written. Every input row ends in the ledger.
 *
 * Partner_Account holds the partner's Salesforce Account Id (15 or 18 characters): Account has
 * no external id in this data model and names are not unique, so the training system keeps
 * the Id it was given when the partner was onboarded. Contact is the person's Contact Id, or
 * their email, matched among the contacts of that partner account.
 */
import {
  CERTIFICATIONS,
  REGIONS,
  type PartnerAccount,
  type PartnerCertification
} from '../../../force-app/main/default/lwc/partnerProgram/partnerProgram.ts';
import { loadRules } from '../rulesSource.ts';
import { soqlIn } from '../soql.ts';
import type { ColumnSpec, InputFile, InputRow } from './columns.ts';
import type { SyncContext } from './command.ts';
import {
  date,
  id15,
  isEmail,
  isRecordId,
  picklist,
  recordId,
  text,
  type Checked
} from './fieldChecks.ts';
import { Ledger } from './ledger.ts';
import { validateRows, type Rejection } from './validateRows.ts';
import type { DesiredRecord, FieldValue } from './plan.ts';
import { queryByKeys } from './read.ts';
import type { SyncResult } from './report.ts';
import {
  CERTIFICATION_FIELDS,
  readCertifications,
  readPartners,
  writeTrackEvaluations
} from './trackEvaluation.ts';
import { writeChanges } from './write.ts';

export const CERTIFICATION_COLUMNS: ColumnSpec[] = [
  {
    name: 'External_Id',
    aliases: ['ExternalId', 'Certification_Id', 'Record_Id'],
    required: true,
    description: "the training system's unique id of this certification (at most 255 characters)"
  },
  {
    name: 'Partner_Account',
    aliases: ['Partner_Account_Id', 'Account_Id', 'Partner_Id'],
    required: true,
    description: 'the partner Account Id in Salesforce (15 or 18 characters, starting 001)'
  },
  {
    name: 'Contact',
    aliases: ['Contact_Id', 'Contact_Email', 'Email'],
    required: true,
    description: 'the certified person: Contact Id (003...) or their email at that partner'
  },
  {
    name: 'Certification',
    aliases: ['Certification_Name', 'Certification_Type'],
    required: true,
    description: CERTIFICATIONS.join(', ')
  },
  {
    name: 'Region',
    aliases: ['Certification_Region'],
    required: true,
    description: REGIONS.join(', ')
  },
  {
    name: 'Earned_On',
    aliases: ['Earned', 'Earned_Date', 'Completed_On', 'Completion_Date'],
    required: true,
    description: 'YYYY-MM-DD'
  },
  {
    name: 'Expires_On',
    aliases: ['Expires', 'Expiry_Date', 'Expiration_Date'],
    required: false,
    description: 'YYYY-MM-DD, blank when it does not expire'
  }
];

/** A row that passed validation, before matching. */
interface ValidRow {
  line: number;
  externalId: string;
  partner: string;
  contact: string;
  certification: string;
  region: string;
  earnedOn: string;
  expiresOn: string | null;
}

function validate(row: InputRow): ValidRow | Rejection {
  const v = row.values;
  const checks: Array<[string, Checked<unknown>]> = [
    ['External_Id', text(v.External_Id, { required: true, maxLength: 255 })],
    ['Partner_Account', recordId(v.Partner_Account, '001', 'an Account')],
    [
      'Contact',
      v.Contact === ''
        ? { ok: false, reason: 'is required: a Contact Id (003...) or an email' }
        : isRecordId(v.Contact, '003') || isEmail(v.Contact)
          ? { ok: true, value: v.Contact }
          : {
              ok: false,
              reason: `"${v.Contact.slice(0, 40)}" is neither a Contact Id (15 or 18 characters starting 003) nor an email`
            }
    ],
    ['Certification', picklist(v.Certification, CERTIFICATIONS, { required: true })],
    ['Region', picklist(v.Region, REGIONS, { required: true })],
    ['Earned_On', date(v.Earned_On, { required: true })],
    ['Expires_On', date(v.Expires_On ?? '', { required: false })]
  ];
  for (const [column, check] of checks) if (!check.ok) return { column, reason: check.reason };
  const value = (i: number) => (checks[i][1] as { value: string | null }).value;
  const earnedOn = value(5)!;
  const expiresOn = value(6);
  if (expiresOn !== null && expiresOn < earnedOn) {
    return { column: 'Expires_On', reason: `${expiresOn} is before Earned_On ${earnedOn}` };
  }
  return {
    line: row.line,
    externalId: value(0)!,
    partner: value(1)!,
    contact: value(2)!,
    certification: value(3)!,
    region: value(4)!,
    earnedOn,
    expiresOn
  };
}

interface ContactRow {
  Id: string;
  AccountId: string | null;
  Email: string | null;
}

/** Partner and contact of each row, as the org knows them; a row that does not match is rejected. */
async function match(
  context: SyncContext,
  rows: ValidRow[],
  ledger: Ledger
): Promise<{
  matched: Array<ValidRow & { partnerId: string; contactId: string }>;
  partners: PartnerAccount[];
}> {
  const retry = context.write.retry;
  const partners = await readPartners(
    context.client,
    [...new Set(rows.map((r) => r.partner))],
    retry
  );
  const partnerBy15 = new Map(partners.map((p) => [id15(p.Id), p]));
  const contactIds = [
    ...new Set(rows.filter((r) => isRecordId(r.contact, '003')).map((r) => r.contact))
  ];
  const emails = [
    ...new Set(
      rows.filter((r) => !isRecordId(r.contact, '003')).map((r) => r.contact.toLowerCase())
    )
  ];
  const byId = await queryByKeys<ContactRow>(
    context.client,
    'Contact',
    ['Id', 'AccountId', 'Email'],
    'Id',
    contactIds,
    { retry }
  );
  const byEmail = partners.length
    ? await queryByKeys<ContactRow>(
        context.client,
        'Contact',
        ['Id', 'AccountId', 'Email'],
        'Email',
        emails,
        {
          retry,
          where: `AccountId IN ${soqlIn(partners.map((p) => p.Id))}`
        }
      )
    : [];
  const contactBy15 = new Map(byId.map((c) => [id15(c.Id), c]));
  const matched: Array<ValidRow & { partnerId: string; contactId: string }> = [];
  for (const row of rows) {
    const partner = partnerBy15.get(id15(row.partner));
    const reject = (column: string, reason: string) =>
      ledger.settle(row.line, { status: 'rejected', column, reason });
    if (!partner) {
      reject(
        'Partner_Account',
        `no partner account with Id ${row.partner} in ${context.orgLabel} (an Account needs a Partner_Type__c or Partner_Track__c to be a partner)`
      );
      continue;
    }
    let contactId: string;
    if (isRecordId(row.contact, '003')) {
      const contact = contactBy15.get(id15(row.contact));
      if (!contact) {
        reject('Contact', `no Contact with Id ${row.contact} in ${context.orgLabel}`);
        continue;
      }
      if (id15(contact.AccountId ?? '') !== id15(partner.Id)) {
        reject(
          'Contact',
          `Contact ${row.contact} does not belong to partner ${partner.Name ?? partner.Id}`
        );
        continue;
      }
      contactId = contact.Id;
    } else {
      const found = byEmail.filter(
        (c) =>
          (c.Email ?? '').toLowerCase() === row.contact.toLowerCase() &&
          id15(c.AccountId ?? '') === id15(partner.Id)
      );
      if (found.length !== 1) {
        reject(
          'Contact',
          found.length === 0
            ? `no contact with email ${row.contact} at partner ${partner.Name ?? partner.Id}`
            : `${found.length} contacts at partner ${partner.Name ?? partner.Id} share the email ${row.contact}: use the Contact Id`
        );
        continue;
      }
      contactId = found[0].Id;
    }
    matched.push({ ...row, partnerId: partner.Id, contactId });
  }
  return { matched, partners };
}

const certificationFields = (
  row: ValidRow & { partnerId: string; contactId: string }
): Record<string, FieldValue> => ({
  Partner_Account__c: row.partnerId,
  Contact__c: row.contactId,
  Certification__c: row.certification,
  Region__c: row.region,
  Earned_On__c: row.earnedOn,
  Expires_On__c: row.expiresOn
});

/** `input` comes from `readCsvInput(file, CERTIFICATION_COLUMNS)`. */
export async function importCertifications(
  context: SyncContext,
  input: InputFile
): Promise<SyncResult> {
  const { client, progress } = context;
  const ledger = new Ledger();
  for (const warning of input.warnings) context.out.warn(warning);
  progress.start('validate', input.rows.length);
  const unique = validateRows(input, ledger, validate, 'certification');
  progress.done(`${unique.length} valid, ${input.rows.length - unique.length} rejected`);

  progress.start('match', unique.length);
  const { matched, partners } = unique.length
    ? await match(context, unique, ledger)
    : { matched: [], partners: [] };
  progress.done(`${matched.length} matched to a partner and a contact`);

  progress.start('diff', matched.length);
  const existingRows = await queryByKeys<PartnerCertification & { Id: string }>(
    client,
    'Partner_Certification__c',
    CERTIFICATION_FIELDS,
    'External_Id__c',
    matched.map((r) => r.externalId),
    { retry: context.write.retry }
  );
  const existingByKey = new Map(
    existingRows.map((r) => [(r.External_Id__c ?? '').toLowerCase(), r])
  );
  const existing = new Map(
    matched.flatMap((r) => {
      const found = existingByKey.get(r.externalId.toLowerCase());
      return found
        ? [[r.externalId, found as PartnerCertification & Record<string, unknown>] as const]
        : [];
    })
  );
  const desired: DesiredRecord[] = matched.map((r) => ({
    line: r.line,
    key: r.externalId,
    fields: certificationFields(r)
  }));
  const { plan, write } = await writeChanges(
    client,
    { object: 'Partner_Certification__c', externalIdField: 'External_Id__c' },
    desired,
    existing,
    ledger,
    { ...context.write, progress, endsDiffStage: true }
  );
  const counts = ledger.assertBalanced();

  const result: SyncResult = {
    command: 'certifications import',
    targetOrg: context.orgLabel,
    dryRun: context.write.dryRun,
    source: input.file,
    counts,
    writeCalls: write.calls,
    rows: ledger.rows()
  };
  // Only partners whose certifications changed can change track.
  const writtenLines = ledger.writtenLines();
  const affected = new Set(matched.filter((r) => writtenLines.has(r.line)).map((r) => r.partnerId));
  if (affected.size === 0) return result;
  const { rules } = await loadRules({
    rulesFile: context.rulesFile,
    client,
    orgLabel: context.orgLabel
  });
  let certifications = await readCertifications(client, [...affected], context.write.retry);
  if (context.write.dryRun) {
    // Nothing was written: evaluate as if it had been, so the dry run shows the track effect.
    const planned = new Map(plan.writes.map((w) => [w.key.toLowerCase(), w]));
    certifications = certifications.filter(
      (c) => !planned.has((c.External_Id__c ?? '').toLowerCase())
    );
    for (const w of plan.writes) {
      const before = existingByKey.get(w.key.toLowerCase());
      certifications.push({
        ...before,
        ...w.fields,
        Id: before?.Id ?? `planned:${w.key}`,
        External_Id__c: w.key
      } as PartnerCertification);
    }
  }
  const tracks = await writeTrackEvaluations(
    client,
    partners.filter((p) => affected.has(p.Id)),
    certifications,
    rules,
    context.asOf,
    { ...context.write, progress }
  );
  result.derived = [
    {
      label: 'Track evaluation (Account)',
      counts: tracks.ledger.assertBalanced(),
      rows: tracks.ledger.rows()
    }
  ];
  result.writeCalls += tracks.write.calls;
  return result;
}
