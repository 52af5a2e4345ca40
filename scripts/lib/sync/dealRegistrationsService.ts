/**
 * `ppk deal-regs import FILE`: the partner portal's export (CSV or JSON) → Deal_Registration__c,
 * upserted by External_Id__c. Each registration's customer is found by the core's matcher, its
 * opportunity linked, and then the conflict status of every registration of the customers it
 * touched is recomputed by the core's conflict rules and written back.
 *
 * The portal owns what the partner typed; the CAM owns the decision. So a new registration is
 * created as Submitted, and an update never touches Status__c, Approved_On__c, Expires_On__c or
 * Extensions__c, nor clears a customer or opportunity a CAM set by hand.
 */
import {
  createCustomerMatcher,
  DEAL_TYPES,
  detectConflicts,
  ENGAGEMENTS,
  registrationConflictFields,
  type CustomerAccount,
  type ConflictWarning,
  type CustomerMatch,
  type DealRegistration,
  type Opportunity,
  type PartnerAccount
} from '../../../force-app/main/default/lwc/partnerProgram/partnerProgram.ts';
import { matchingContext } from '../matchingContext.ts';
import { loadRules } from '../rulesSource.ts';
import { selectQuery } from '../soql.ts';
import type { ColumnSpec, InputFile, InputRow } from './columns.ts';
import type { SyncContext } from './command.ts';
import {
  date,
  id15,
  looksLikeFormula,
  picklist,
  recordId,
  text,
  type Checked
} from './fieldChecks.ts';
import { Ledger } from './ledger.ts';
import { validateRows, type Rejection } from './validateRows.ts';
import type { DesiredRecord, FieldValue } from './plan.ts';
import { queryAll, queryByKeys } from './read.ts';
import type { DerivedResult, SyncResult } from './report.ts';
import { PARTNER_FIELDS, readPartners } from './trackEvaluation.ts';
import { writeChanges } from './write.ts';

export const DEAL_REGISTRATION_COLUMNS: ColumnSpec[] = [
  {
    name: 'External_Id',
    aliases: ['Registration_Id', 'Deal_Registration_Id', 'Deal_Reg_Id', 'Portal_Id', 'Deal_Id'],
    required: true,
    description: "the portal's unique id of the registration"
  },
  {
    name: 'Partner_Account',
    aliases: ['Partner_Account_Id', 'Partner_Id', 'Partner'],
    required: true,
    description: 'the registering partner: Account Id (001...)'
  },
  {
    name: 'Distributor',
    aliases: ['Distributor_Id', 'Distributor_Account'],
    required: false,
    description: 'the distributor: Account Id (001...), if any'
  },
  {
    name: 'Customer_Name',
    aliases: ['Customer', 'Company', 'Company_Name', 'End_Customer', 'Account_Name'],
    required: true,
    description: 'the customer as the partner typed it'
  },
  {
    name: 'Customer_Domain',
    aliases: ['Domain', 'Website', 'Customer_Website', 'Customer_Email_Domain'],
    required: false,
    description: "the customer's web domain or site"
  },
  {
    name: 'Customer_Country',
    aliases: ['Country', 'Customer_Country_Code'],
    required: false,
    description: "the customer's country"
  },
  {
    name: 'Deal_Type',
    aliases: ['Type', 'Registration_Type'],
    required: true,
    description: DEAL_TYPES.join(', ')
  },
  {
    name: 'Engagement',
    aliases: ['Engagement_Type', 'Partner_Engagement'],
    required: true,
    description: ENGAGEMENTS.join(', ')
  },
  {
    name: 'Estimated_Amount',
    aliases: ['Amount', 'Deal_Size', 'Estimated_Value', 'Deal_Value'],
    required: false,
    description: 'the estimated deal value, e.g. 125000 or 125,000.50'
  },
  {
    name: 'Submitted_At',
    aliases: ['Submitted', 'Submitted_On', 'Submission_Date', 'Created_At'],
    required: true,
    description: 'when the partner submitted it: YYYY-MM-DD or an ISO 8601 datetime'
  },
  {
    name: 'Is_Tender',
    aliases: ['Tender', 'Public_Tender'],
    required: false,
    description: 'true/false (yes/no, 1/0)'
  },
  {
    name: 'Opportunity',
    aliases: ['Opportunity_Id'],
    required: false,
    description: 'the opportunity Id (006...), when the portal knows it'
  }
];

interface ValidRegistration {
  line: number;
  externalId: string;
  partner: string;
  distributor: string | null;
  customerName: string;
  customerDomain: string | null;
  customerCountry: string | null;
  dealType: string;
  engagement: string;
  amount: number | null;
  submittedAt: string;
  isTender: boolean;
  opportunity: string | null;
}

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const bad = <T>(reason: string): Checked<T> => ({ ok: false, reason });

function amount(value: string): Checked<number | null> {
  if (value === '') return ok(null);
  const plain = /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(value) ? value.replace(/,/g, '') : value;
  if (!/^\d+(\.\d+)?$/.test(plain))
    return bad(
      `"${value.slice(0, 40)}" is not an amount: expected a number such as 125000 or 125,000.50`
    );
  const n = Number(plain);
  if (n >= 1e14) return bad(`${value} is too large: at most 14 digits before the decimal point`);
  return ok(Math.round(n * 100) / 100);
}

function submittedAt(value: string): Checked<string> {
  if (value === '') return bad('is required: YYYY-MM-DD or an ISO 8601 datetime');
  const day = date(value, { required: true });
  if (!day.ok)
    return bad(
      `"${value.slice(0, 40)}" is not a date or datetime: expected YYYY-MM-DD or e.g. 2026-03-31T14:05:00Z`
    );
  // A bare date counts as its midnight UTC; a datetime keeps its instant.
  const instant = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  return Number.isNaN(instant.getTime())
    ? bad(`"${value}" is not a valid datetime`)
    : ok(instant.toISOString());
}

function flag(value: string): Checked<boolean> {
  if (value === '') return ok(false);
  const v = value.toLowerCase();
  if (['true', 'yes', 'y', '1'].includes(v)) return ok(true);
  if (['false', 'no', 'n', '0'].includes(v)) return ok(false);
  return bad(`"${value.slice(0, 40)}" is not yes or no: expected true/false, yes/no or 1/0`);
}

function optionalId(value: string, prefix: string, what: string): Checked<string | null> {
  return value === '' ? ok(null) : recordId(value, prefix, what);
}

function domain(value: string): Checked<string | null> {
  if (value === '') return ok(null);
  if (looksLikeFormula(value))
    return bad(`"${value.slice(0, 40)}" starts like a spreadsheet formula (=, +, -, @); refused`);
  if (value.length > 255 || /\s/.test(value))
    return bad(`"${value.slice(0, 40)}" is not a domain or web address`);
  return ok(value);
}

function validate(row: InputRow): ValidRegistration | Rejection {
  const v = row.values;
  const checks = {
    External_Id: text(v.External_Id, { required: true, maxLength: 255 }),
    Partner_Account: recordId(v.Partner_Account, '001', 'an Account'),
    Distributor: optionalId(v.Distributor, '001', 'an Account'),
    Customer_Name: text(v.Customer_Name, { required: true, maxLength: 255 }),
    Customer_Domain: domain(v.Customer_Domain),
    Customer_Country: text(v.Customer_Country, { required: false, maxLength: 80 }),
    Deal_Type: picklist(v.Deal_Type, DEAL_TYPES, { required: true }),
    Engagement: picklist(v.Engagement, ENGAGEMENTS, { required: true }),
    Estimated_Amount: amount(v.Estimated_Amount),
    Submitted_At: submittedAt(v.Submitted_At),
    Is_Tender: flag(v.Is_Tender),
    Opportunity: optionalId(v.Opportunity, '006', 'an Opportunity')
  };
  for (const [column, check] of Object.entries(checks))
    if (!check.ok) return { column, reason: check.reason };
  const value = <T>(check: Checked<T>) => (check as { value: T }).value;
  return {
    line: row.line,
    externalId: value(checks.External_Id)!,
    partner: value(checks.Partner_Account),
    distributor: value(checks.Distributor),
    customerName: value(checks.Customer_Name)!,
    customerDomain: value(checks.Customer_Domain),
    customerCountry: value(checks.Customer_Country),
    dealType: value(checks.Deal_Type)!,
    engagement: value(checks.Engagement)!,
    amount: value(checks.Estimated_Amount),
    submittedAt: value(checks.Submitted_At),
    isTender: value(checks.Is_Tender),
    opportunity: value(checks.Opportunity)
  };
}

const CUSTOMER_FIELDS = [
  'Id',
  'Name',
  'Website',
  'BillingCountry',
  'Incumbent_Partner__c',
  'Incumbent_Since__c'
];
const OPPORTUNITY_FIELDS = [
  'Id',
  'Name',
  'AccountId',
  'StageName',
  'IsClosed',
  'IsWon',
  'CloseDate',
  'Amount',
  'Deal_Path__c',
  'Deal_Motion__c',
  'Partner_Account__c',
  'Distributor__c',
  'Registered_Deal__c',
  'Deal_Type__c',
  'Engagement__c',
  'Influence_Partner__c',
  'Fulfillment_Partner__c',
  'Direct_Sale_Approved_By__c',
  'Direct_Sale_Approved_On__c',
  'Customer_Requested_Partner_Change__c'
];
const REGISTRATION_FIELDS = [
  'Id',
  'Name',
  'Partner_Account__c',
  'Distributor__c',
  'Customer_Account__c',
  'Customer_Name__c',
  'Customer_Domain__c',
  'Customer_Country__c',
  'Opportunity__c',
  'Status__c',
  'Deal_Type__c',
  'Engagement__c',
  'Estimated_Amount__c',
  'Submitted_At__c',
  'Approved_On__c',
  'Expires_On__c',
  'Extensions__c',
  'Is_Tender__c',
  'External_Id__c',
  'Conflict_Status__c',
  'Conflict_Summary__c',
  'Match_Score__c'
];
/** Conflict warnings name the partner's CAM (seed 001:166). */
const CONFLICT_PARTNER_FIELDS = [...PARTNER_FIELDS, 'Channel_Account_Manager__r.Name'];
/** Customer accounts are the accounts that are not partners. */
const IS_CUSTOMER = 'Partner_Type__c = null AND Partner_Track__c = null';

type CustomerRow = CustomerAccount & { Website?: string | null; BillingCountry?: string | null };

function matchNote(match: CustomerMatch, names: ReadonlyMap<string, string>): string | undefined {
  if (match.kind === 'none') return 'no existing customer account matched: left for a CAM to link';
  if (match.kind === 'ambiguous') {
    return `customer ambiguous between ${match.candidates.map((c) => `${names.get(c.accountId) ?? c.accountId} (${c.score})`).join(', ')}: left for a CAM to link`;
  }
  return undefined;
}

/** `input` comes from `readInput(file, DEAL_REGISTRATION_COLUMNS)`. */
export async function importDealRegistrations(
  context: SyncContext,
  input: InputFile
): Promise<SyncResult> {
  const { client, progress } = context;
  const retry = context.write.retry;
  const ledger = new Ledger();
  for (const warning of input.warnings) context.out.warn(warning);

  progress.start('validate', input.rows.length);
  const unique = validateRows(input, ledger, validate, 'registration');
  progress.done(`${unique.length} valid, ${input.rows.length - unique.length} rejected`);

  progress.start('match', unique.length);
  const partnerIds = unique.flatMap((r) =>
    r.distributor ? [r.partner, r.distributor] : [r.partner]
  );
  const partners = unique.length ? await readPartners(client, partnerIds, retry) : [];
  const partnerBy15 = new Map(partners.map((p) => [id15(p.Id), p]));
  const customers = unique.length
    ? await queryAll<CustomerRow>(
        client,
        selectQuery('Account', CUSTOMER_FIELDS, { where: [IS_CUSTOMER] }),
        retry
      )
    : [];
  const customerNames = new Map(customers.map((c) => [c.Id, c.Name ?? c.Id]));
  const matcher = createCustomerMatcher(
    customers.map((c) => ({
      id: c.Id,
      name: c.Name ?? '',
      website: c.Website,
      billingCountry: c.BillingCountry
    })),
    matchingContext()
  );
  const named = unique.flatMap((r) => (r.opportunity ? [r.opportunity] : []));
  const namedOpportunities = await queryByKeys<Opportunity>(
    client,
    'Opportunity',
    OPPORTUNITY_FIELDS,
    'Id',
    named,
    { retry }
  );
  const opportunityBy15 = new Map(namedOpportunities.map((o) => [id15(o.Id), o]));

  interface Matched extends ValidRegistration {
    partnerId: string;
    distributorId: string | null;
    customerId: string | null;
    score: number | null;
    opportunityId: string | null;
    note?: string;
  }
  const matched: Matched[] = [];
  for (const row of unique) {
    const reject = (column: string, reason: string) =>
      ledger.settle(row.line, { status: 'rejected', column, reason });
    const partner = partnerBy15.get(id15(row.partner));
    if (!partner) {
      reject('Partner_Account', `no partner account with Id ${row.partner} in ${context.orgLabel}`);
      continue;
    }
    const distributor = row.distributor ? partnerBy15.get(id15(row.distributor)) : undefined;
    if (row.distributor && !distributor) {
      reject('Distributor', `no partner account with Id ${row.distributor} in ${context.orgLabel}`);
      continue;
    }
    const match = matcher.match({
      customerName: row.customerName,
      customerDomain: row.customerDomain,
      customerCountry: row.customerCountry
    });
    let customerId = match.kind === 'match' ? match.accountId : null;
    let opportunityId: string | null = null;
    if (row.opportunity) {
      const opportunity = opportunityBy15.get(id15(row.opportunity));
      if (!opportunity) {
        reject('Opportunity', `no Opportunity with Id ${row.opportunity} in ${context.orgLabel}`);
        continue;
      }
      if (customerId && opportunity.AccountId && id15(opportunity.AccountId) !== id15(customerId)) {
        reject(
          'Opportunity',
          `Opportunity ${row.opportunity} belongs to ${customerNames.get(opportunity.AccountId) ?? opportunity.AccountId}, but the customer "${row.customerName}" matched ${customerNames.get(customerId) ?? customerId}`
        );
        continue;
      }
      // The portal's explicit link outranks a fuzzy match.
      customerId = opportunity.AccountId ?? customerId;
      opportunityId = opportunity.Id;
    }
    matched.push({
      ...row,
      partnerId: partner.Id,
      distributorId: distributor?.Id ?? null,
      customerId,
      score: match.kind === 'match' ? Math.round(match.score * 1000) / 1000 : null,
      opportunityId,
      note: row.opportunity ? undefined : matchNote(match, customerNames)
    });
  }
  // Without an explicit opportunity, link the matched customer's one open opportunity, if it has exactly one.
  const unlinked = [
    ...new Set(matched.filter((m) => !m.opportunityId && m.customerId).map((m) => m.customerId!))
  ];
  const openOpportunities = await queryByKeys<Opportunity>(
    client,
    'Opportunity',
    ['Id', 'AccountId'],
    'AccountId',
    unlinked,
    { retry, where: 'IsClosed = false' }
  );
  const openByCustomer = new Map<string, string[]>();
  for (const o of openOpportunities)
    openByCustomer.set(o.AccountId!, [...(openByCustomer.get(o.AccountId!) ?? []), o.Id]);
  for (const m of matched) {
    const open = m.customerId && !m.opportunityId ? (openByCustomer.get(m.customerId) ?? []) : [];
    if (open.length === 1) m.opportunityId = open[0];
  }
  progress.done(
    `${matched.filter((m) => m.customerId).length} of ${matched.length} matched to a customer`
  );

  progress.start('diff', matched.length);
  const existingRows = await queryByKeys<DealRegistration>(
    client,
    'Deal_Registration__c',
    REGISTRATION_FIELDS,
    'External_Id__c',
    matched.map((m) => m.externalId),
    { retry }
  );
  const existingByKey = new Map(
    existingRows.map((r) => [(r.External_Id__c ?? '').toLowerCase(), r])
  );
  const existing = new Map<string, DealRegistration & Record<string, unknown>>();
  const desired: DesiredRecord[] = matched.map((m) => {
    const before = existingByKey.get(m.externalId.toLowerCase());
    if (before) existing.set(m.externalId, before as DealRegistration & Record<string, unknown>);
    const fields: Record<string, FieldValue> = {
      Partner_Account__c: m.partnerId,
      Distributor__c: m.distributorId,
      Customer_Name__c: m.customerName,
      Customer_Domain__c: m.customerDomain,
      Customer_Country__c: m.customerCountry,
      Deal_Type__c: m.dealType,
      Engagement__c: m.engagement,
      Estimated_Amount__c: m.amount,
      Submitted_At__c: m.submittedAt,
      Is_Tender__c: m.isTender
    };
    if (!before) fields.Status__c = 'Submitted';
    // Never clear a link a CAM may have set by hand.
    if (m.customerId || !before) fields.Customer_Account__c = m.customerId;
    if (m.customerId || !before) fields.Match_Score__c = m.score;
    if (m.opportunityId || !before) fields.Opportunity__c = m.opportunityId;
    return { line: m.line, key: m.externalId, fields };
  });
  const { plan, write } = await writeChanges(
    client,
    { object: 'Deal_Registration__c', externalIdField: 'External_Id__c' },
    desired,
    existing,
    ledger,
    { ...context.write, progress, endsDiffStage: true }
  );
  for (const m of matched) if (m.note) ledger.annotate(m.line, m.note);
  const counts = ledger.assertBalanced();
  const result: SyncResult = {
    command: 'deal-regs import',
    targetOrg: context.orgLabel,
    dryRun: context.write.dryRun,
    source: input.file,
    counts,
    writeCalls: write.calls,
    rows: ledger.rows()
  };

  const writtenLines = ledger.writtenLines();
  const touched = new Set<string>();
  for (const m of matched) {
    const before = existingByKey.get(m.externalId.toLowerCase());
    // A linked registration without a conflict status was written by a run that stopped before
    // its conflict pass (killed, or the org failed): evaluate it now, though the row is unchanged.
    const neverEvaluated = Boolean(before?.Customer_Account__c) && !before?.Conflict_Status__c;
    if (!writtenLines.has(m.line) && !neverEvaluated) continue;
    if (m.customerId) touched.add(m.customerId);
    if (before?.Customer_Account__c) touched.add(before.Customer_Account__c);
  }
  if (touched.size === 0) return result;
  const planned = context.write.dryRun
    ? plan.writes.map((w) => ({
        ...existingByKey.get(w.key.toLowerCase()),
        ...w.fields,
        External_Id__c: w.key
      }))
    : [];
  const conflicts = await writeConflictStatus(
    context,
    [...touched],
    planned as Array<Partial<DealRegistration>>
  );
  result.derived = [conflicts.derived];
  result.writeCalls += conflicts.calls;
  return result;
}

/**
 * Recomputes Conflict_Status__c / Conflict_Summary__c of every registration of `customerIds`
 * with the core's rules. `planned` (dry run) overlays registrations not yet written.
 */
export async function writeConflictStatus(
  context: SyncContext,
  customerIds: readonly string[],
  planned: ReadonlyArray<Partial<DealRegistration>> = []
): Promise<{ derived: DerivedResult; calls: number }> {
  const { client, progress } = context;
  const retry = context.write.retry;
  const { rules } = await loadRules({
    rulesFile: context.rulesFile,
    client,
    orgLabel: context.orgLabel
  });
  progress.start('read');
  const customers = await queryByKeys<CustomerAccount>(
    client,
    'Account',
    CUSTOMER_FIELDS,
    'Id',
    customerIds,
    { retry }
  );
  const opportunities = await queryByKeys<Opportunity>(
    client,
    'Opportunity',
    OPPORTUNITY_FIELDS,
    'AccountId',
    customerIds,
    { retry }
  );
  let registrations = await queryByKeys<DealRegistration>(
    client,
    'Deal_Registration__c',
    REGISTRATION_FIELDS,
    'Customer_Account__c',
    customerIds,
    { retry }
  );
  if (planned.length) {
    const keys = new Set(planned.map((p) => (p.External_Id__c ?? '').toLowerCase()));
    registrations = [
      ...registrations.filter((r) => !keys.has((r.External_Id__c ?? '').toLowerCase())),
      ...planned
        .filter((p) => p.Customer_Account__c && customerIds.includes(p.Customer_Account__c))
        .map((p) => ({ ...p, Id: p.Id ?? `planned:${p.External_Id__c}` }) as DealRegistration)
    ];
  }
  const partnerIds = [
    ...registrations.flatMap((r) => [r.Partner_Account__c, r.Distributor__c]),
    ...opportunities.flatMap((o) => [
      o.Partner_Account__c,
      o.Distributor__c,
      o.Influence_Partner__c,
      o.Fulfillment_Partner__c
    ]),
    ...customers.map((c) => c.Incumbent_Partner__c)
  ].filter((id): id is string => Boolean(id));
  const partners = await queryByKeys<PartnerAccount>(
    client,
    'Account',
    CONFLICT_PARTNER_FIELDS,
    'Id',
    partnerIds,
    { retry }
  );
  progress.done(`${registrations.length} registrations of ${customers.length} customers`);

  const warnings = detectConflicts(
    { customers, opportunities, registrations, partners },
    rules,
    context.asOf
  );
  // Each registration looks only at the warnings naming it: scanning every warning for every
  // registration is quadratic, minutes at 100k registrations.
  const warningsOf = new Map<string, ConflictWarning[]>();
  for (const warning of warnings) {
    for (const id of new Set(warning.registrationIds)) {
      const list = warningsOf.get(id);
      if (list) list.push(warning);
      else warningsOf.set(id, [warning]);
    }
  }
  const ledger = new Ledger();
  const desired: DesiredRecord[] = registrations.map((r, index) => {
    ledger.open(index + 1, r.Id);
    return {
      line: index + 1,
      key: r.Id,
      fields: registrationConflictFields(r.Id, warningsOf.get(r.Id) ?? [])
    };
  });
  const { write } = await writeChanges(
    client,
    { object: 'Deal_Registration__c' },
    desired,
    new Map(registrations.map((r) => [r.Id, r as DealRegistration & Record<string, unknown>])),
    ledger,
    { ...context.write, progress }
  );
  return {
    derived: {
      label: 'Conflict status (Deal_Registration__c)',
      counts: ledger.assertBalanced(),
      rows: ledger.rows()
    },
    calls: write.calls
  };
}
