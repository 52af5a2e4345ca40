/**
 * Rule-of-engagement warnings before a rule is broken, on an Opportunity or a customer Account:
 * the core's detectConflicts, most severe first, each with the rule quoted, the evidence and the
 * escalation path (the CAM by name, then peers, then the manager). On a customer Account also
 * every registration for the customer and the submission-order queue of each opportunity.
 */
import { LightningElement, api, wire } from 'lwc';
import { getRecord, type FieldId, type RecordRepresentation } from 'lightning/uiRecordApi';
import {
  getRelatedListRecords,
  type RelatedListRecordCollection
} from 'lightning/uiRelatedListApi';
import {
  bySubmission,
  detectConflicts,
  registrationQueues,
  type ConflictScope,
  type ConflictWarning,
  type CustomerAccount,
  type DealRegistration,
  type Opportunity,
  type PartnerAccount,
  type ProgramRules
} from 'c/partnerProgram';
import { provideProgramRules, today } from 'c/programRules';
import { fieldText, formatLabel, qualifiedName, readFields, type WireResult } from 'c/ldsUtils';

import OPP_NAME from '@salesforce/schema/Opportunity.Name';
import OPP_ACCOUNT from '@salesforce/schema/Opportunity.AccountId';
import OPP_STAGE from '@salesforce/schema/Opportunity.StageName';
import OPP_IS_CLOSED from '@salesforce/schema/Opportunity.IsClosed';
import OPP_CLOSE_DATE from '@salesforce/schema/Opportunity.CloseDate';
import OPP_DEAL_PATH from '@salesforce/schema/Opportunity.Deal_Path__c';
import OPP_DEAL_MOTION from '@salesforce/schema/Opportunity.Deal_Motion__c';
import OPP_DEAL_TYPE from '@salesforce/schema/Opportunity.Deal_Type__c';
import OPP_ENGAGEMENT from '@salesforce/schema/Opportunity.Engagement__c';
import OPP_PARTNER from '@salesforce/schema/Opportunity.Partner_Account__c';
import OPP_PARTNER_NAME from '@salesforce/schema/Opportunity.Partner_Account__r.Name';
import OPP_PARTNER_STATUS from '@salesforce/schema/Opportunity.Partner_Account__r.Partner_Status__c';
import OPP_PARTNER_TRACK from '@salesforce/schema/Opportunity.Partner_Account__r.Partner_Track__c';
import OPP_PARTNER_CAM from '@salesforce/schema/Opportunity.Partner_Account__r.Channel_Account_Manager__c';
import OPP_PARTNER_CAM_NAME from '@salesforce/schema/Opportunity.Partner_Account__r.Channel_Account_Manager__r.Name';
import OPP_REGISTERED_DEAL from '@salesforce/schema/Opportunity.Registered_Deal__c';
import OPP_DIRECT_APPROVED_BY from '@salesforce/schema/Opportunity.Direct_Sale_Approved_By__c';
import OPP_DIRECT_APPROVED_ON from '@salesforce/schema/Opportunity.Direct_Sale_Approved_On__c';
import OPP_PARTNER_CHANGE from '@salesforce/schema/Opportunity.Customer_Requested_Partner_Change__c';
import ACCOUNT_NAME from '@salesforce/schema/Account.Name';
import INCUMBENT from '@salesforce/schema/Account.Incumbent_Partner__c';
import INCUMBENT_SINCE from '@salesforce/schema/Account.Incumbent_Since__c';
import INCUMBENT_NAME from '@salesforce/schema/Account.Incumbent_Partner__r.Name';
import INCUMBENT_STATUS from '@salesforce/schema/Account.Incumbent_Partner__r.Partner_Status__c';
import INCUMBENT_TRACK from '@salesforce/schema/Account.Incumbent_Partner__r.Partner_Track__c';
import INCUMBENT_CAM from '@salesforce/schema/Account.Incumbent_Partner__r.Channel_Account_Manager__c';
import INCUMBENT_CAM_NAME from '@salesforce/schema/Account.Incumbent_Partner__r.Channel_Account_Manager__r.Name';
import REG_NAME from '@salesforce/schema/Deal_Registration__c.Name';
import REG_PARTNER from '@salesforce/schema/Deal_Registration__c.Partner_Account__c';
import REG_PARTNER_NAME from '@salesforce/schema/Deal_Registration__c.Partner_Account__r.Name';
import REG_PARTNER_STATUS from '@salesforce/schema/Deal_Registration__c.Partner_Account__r.Partner_Status__c';
import REG_PARTNER_TRACK from '@salesforce/schema/Deal_Registration__c.Partner_Account__r.Partner_Track__c';
import REG_PARTNER_CAM from '@salesforce/schema/Deal_Registration__c.Partner_Account__r.Channel_Account_Manager__c';
import REG_PARTNER_CAM_NAME from '@salesforce/schema/Deal_Registration__c.Partner_Account__r.Channel_Account_Manager__r.Name';
import REG_CUSTOMER from '@salesforce/schema/Deal_Registration__c.Customer_Account__c';
import REG_CUSTOMER_NAME from '@salesforce/schema/Deal_Registration__c.Customer_Name__c';
import REG_OPPORTUNITY from '@salesforce/schema/Deal_Registration__c.Opportunity__c';
import REG_OPPORTUNITY_NAME from '@salesforce/schema/Deal_Registration__c.Opportunity__r.Name';
import REG_STATUS from '@salesforce/schema/Deal_Registration__c.Status__c';
import REG_DEAL_TYPE from '@salesforce/schema/Deal_Registration__c.Deal_Type__c';
import REG_ENGAGEMENT from '@salesforce/schema/Deal_Registration__c.Engagement__c';
import REG_SUBMITTED_AT from '@salesforce/schema/Deal_Registration__c.Submitted_At__c';
import REG_APPROVED_ON from '@salesforce/schema/Deal_Registration__c.Approved_On__c';
import REG_EXPIRES_ON from '@salesforce/schema/Deal_Registration__c.Expires_On__c';
import REG_EXTENSIONS from '@salesforce/schema/Deal_Registration__c.Extensions__c';

import TITLE from '@salesforce/label/c.PPK_Conflicts_Title';
import NO_CONFLICTS from '@salesforce/label/c.PPK_Conflicts_None';
import RULE from '@salesforce/label/c.PPK_Conflicts_Rule';
import EVIDENCE from '@salesforce/label/c.PPK_Conflicts_Evidence';
import ESCALATION from '@salesforce/label/c.PPK_Conflicts_Escalation';
import REGISTRATIONS from '@salesforce/label/c.PPK_Conflicts_Registrations';
import NO_REGISTRATIONS from '@salesforce/label/c.PPK_Conflicts_No_Registrations';
import QUEUES from '@salesforce/label/c.PPK_Conflicts_Queues';
import HOLDS from '@salesforce/label/c.PPK_Conflicts_Holds';
import NOBODY_HOLDS from '@salesforce/label/c.PPK_Conflicts_Nobody_Holds';
import WAITING from '@salesforce/label/c.PPK_Conflicts_Waiting';
import COLUMN_REGISTRATION from '@salesforce/label/c.PPK_Conflicts_Column_Registration';
import COLUMN_PARTNER from '@salesforce/label/c.PPK_Conflicts_Column_Partner';
import COLUMN_OPPORTUNITY from '@salesforce/label/c.PPK_Conflicts_Column_Opportunity';
import COLUMN_STATUS from '@salesforce/label/c.PPK_Conflicts_Column_Status';
import COLUMN_SUBMITTED from '@salesforce/label/c.PPK_Conflicts_Column_Submitted';
import SEVERITY_BLOCKING from '@salesforce/label/c.PPK_Conflicts_Severity_Blocking';
import SEVERITY_WARNING from '@salesforce/label/c.PPK_Conflicts_Severity_Warning';
import SEVERITY_INFO from '@salesforce/label/c.PPK_Conflicts_Severity_Info';
import RULES_ERROR from '@salesforce/label/c.PPK_Rules_Error';
import LOADING from '@salesforce/label/c.PPK_Loading';

const OPPORTUNITY_FIELDS = [
  OPP_NAME,
  OPP_ACCOUNT,
  OPP_STAGE,
  OPP_IS_CLOSED,
  OPP_CLOSE_DATE,
  OPP_DEAL_PATH,
  OPP_DEAL_MOTION,
  OPP_DEAL_TYPE,
  OPP_ENGAGEMENT,
  OPP_PARTNER,
  OPP_PARTNER_NAME,
  OPP_PARTNER_STATUS,
  OPP_PARTNER_TRACK,
  OPP_PARTNER_CAM,
  OPP_PARTNER_CAM_NAME,
  OPP_REGISTERED_DEAL,
  OPP_DIRECT_APPROVED_BY,
  OPP_DIRECT_APPROVED_ON,
  OPP_PARTNER_CHANGE
];
const ACCOUNT_FIELDS = [
  ACCOUNT_NAME,
  INCUMBENT,
  INCUMBENT_SINCE,
  INCUMBENT_NAME,
  INCUMBENT_STATUS,
  INCUMBENT_TRACK,
  INCUMBENT_CAM,
  INCUMBENT_CAM_NAME
];
const REGISTRATION_FIELDS = [
  REG_NAME,
  REG_PARTNER,
  REG_PARTNER_NAME,
  REG_PARTNER_STATUS,
  REG_PARTNER_TRACK,
  REG_PARTNER_CAM,
  REG_PARTNER_CAM_NAME,
  REG_CUSTOMER,
  REG_CUSTOMER_NAME,
  REG_OPPORTUNITY,
  REG_OPPORTUNITY_NAME,
  REG_STATUS,
  REG_DEAL_TYPE,
  REG_ENGAGEMENT,
  REG_SUBMITTED_AT,
  REG_APPROVED_ON,
  REG_EXPIRES_ON,
  REG_EXTENSIONS
].map(qualifiedName);
/** The UI API's largest related-list page: every registration of one customer in one call. */
const PAGE_SIZE = 1999;

const SEVERITY = {
  blocking: {
    label: SEVERITY_BLOCKING,
    icon: 'utility:error',
    variant: 'error',
    className: 'slds-theme_error'
  },
  warning: {
    label: SEVERITY_WARNING,
    icon: 'utility:warning',
    variant: 'warning',
    className: 'slds-theme_warning'
  },
  info: { label: SEVERITY_INFO, icon: 'utility:info', variant: '', className: 'slds-theme_info' }
} as const;

/** The partner a lookup points to, read from its spanning fields, CAM included (escalation names the CAM). */
function partnerFrom(
  record: RecordRepresentation,
  id: FieldId,
  fields: { name: FieldId; status: FieldId; track: FieldId; cam: FieldId; camName: FieldId }
): PartnerAccount | null {
  const partnerId = fieldText(record, id);
  if (!partnerId) return null;
  return {
    Id: partnerId,
    Name: fieldText(record, fields.name),
    Partner_Status__c: fieldText(record, fields.status),
    Partner_Track__c: fieldText(record, fields.track),
    Channel_Account_Manager__c: fieldText(record, fields.cam),
    Channel_Account_Manager__r: { Name: fieldText(record, fields.camName) }
  };
}

function opportunityFrom(record: RecordRepresentation): Opportunity {
  return readFields<Opportunity>(record.id, record, {
    Name: OPP_NAME,
    AccountId: OPP_ACCOUNT,
    StageName: OPP_STAGE,
    IsClosed: OPP_IS_CLOSED,
    CloseDate: OPP_CLOSE_DATE,
    Deal_Path__c: OPP_DEAL_PATH,
    Deal_Motion__c: OPP_DEAL_MOTION,
    Deal_Type__c: OPP_DEAL_TYPE,
    Engagement__c: OPP_ENGAGEMENT,
    Partner_Account__c: OPP_PARTNER,
    Registered_Deal__c: OPP_REGISTERED_DEAL,
    Direct_Sale_Approved_By__c: OPP_DIRECT_APPROVED_BY,
    Direct_Sale_Approved_On__c: OPP_DIRECT_APPROVED_ON,
    Customer_Requested_Partner_Change__c: OPP_PARTNER_CHANGE
  });
}

const OPPORTUNITY_PARTNER = {
  name: OPP_PARTNER_NAME,
  status: OPP_PARTNER_STATUS,
  track: OPP_PARTNER_TRACK,
  cam: OPP_PARTNER_CAM,
  camName: OPP_PARTNER_CAM_NAME
};
const REGISTRATION_PARTNER = {
  name: REG_PARTNER_NAME,
  status: REG_PARTNER_STATUS,
  track: REG_PARTNER_TRACK,
  cam: REG_PARTNER_CAM,
  camName: REG_PARTNER_CAM_NAME
};
const INCUMBENT_PARTNER = {
  name: INCUMBENT_NAME,
  status: INCUMBENT_STATUS,
  track: INCUMBENT_TRACK,
  cam: INCUMBENT_CAM,
  camName: INCUMBENT_CAM_NAME
};

interface WarningView {
  key: string;
  title: string;
  ruleText: string;
  evidence: { key: string; text: string }[];
  escalation: { key: string; text: string }[];
  severity: string;
  severityClass: string;
  icon: string;
  iconVariant: string;
}

interface RegistrationRow {
  id: string;
  name: string;
  partner: string;
  opportunity: string;
  status: string;
  submitted: string;
}

export default class DealRegConflicts extends LightningElement {
  @api recordId?: string;
  /** Set by the record page: Opportunity or Account. */
  @api objectApiName?: string;

  labels = {
    title: TITLE,
    noConflicts: NO_CONFLICTS,
    rule: RULE,
    evidence: EVIDENCE,
    escalation: ESCALATION,
    registrations: REGISTRATIONS,
    noRegistrations: NO_REGISTRATIONS,
    queues: QUEUES,
    columnRegistration: COLUMN_REGISTRATION,
    columnPartner: COLUMN_PARTNER,
    columnOpportunity: COLUMN_OPPORTUNITY,
    columnStatus: COLUMN_STATUS,
    columnSubmitted: COLUMN_SUBMITTED,
    rulesError: RULES_ERROR,
    loading: LOADING
  };

  rules: ProgramRules | null = null;
  rulesError: unknown = null;

  @wire(getRecord, { recordId: '$opportunityId', fields: OPPORTUNITY_FIELDS })
  opportunity: WireResult<RecordRepresentation> = {};

  @wire(getRecord, { recordId: '$accountId', fields: ACCOUNT_FIELDS })
  account: WireResult<RecordRepresentation> = {};

  @wire(getRelatedListRecords, {
    parentRecordId: '$accountId',
    relatedListId: 'Customer_Deal_Registrations__r',
    fields: REGISTRATION_FIELDS,
    pageSize: PAGE_SIZE
  })
  customerRegistrations: WireResult<RelatedListRecordCollection> = {};

  @wire(getRelatedListRecords, {
    parentRecordId: '$opportunityId',
    relatedListId: 'Deal_Registrations__r',
    fields: REGISTRATION_FIELDS,
    pageSize: PAGE_SIZE
  })
  opportunityRegistrations: WireResult<RelatedListRecordCollection> = {};

  @wire(getRelatedListRecords, {
    parentRecordId: '$customerPageId',
    relatedListId: 'Opportunities',
    fields: OPPORTUNITY_FIELDS.map(qualifiedName),
    pageSize: PAGE_SIZE
  })
  customerOpportunities: WireResult<RelatedListRecordCollection> = {};

  connectedCallback(): void {
    provideProgramRules(this);
  }

  get onOpportunity(): boolean {
    return this.objectApiName === 'Opportunity';
  }

  get opportunityId(): string | undefined {
    return this.onOpportunity ? this.recordId : undefined;
  }

  /** The customer page's own Id (Account page only): its opportunities are checked too. */
  get customerPageId(): string | undefined {
    return this.objectApiName === 'Account' ? this.recordId : undefined;
  }

  /** The customer: the Account page itself, or the opportunity's account. */
  get accountId(): string | undefined {
    if (!this.onOpportunity) return this.customerPageId;
    const record = this.opportunity.data;
    return (record && fieldText(record, OPP_ACCOUNT)) || undefined;
  }

  get loaded(): boolean {
    if (!this.rules) return false;
    const customerLoaded =
      !this.accountId || (!!this.account.data && !!this.customerRegistrations.data);
    if (this.onOpportunity)
      return !!this.opportunity.data && !!this.opportunityRegistrations.data && customerLoaded;
    return customerLoaded && !!this.customerOpportunities.data;
  }

  get wireError(): unknown {
    return (
      this.opportunity.error ??
      this.account.error ??
      this.customerRegistrations.error ??
      this.opportunityRegistrations.error ??
      this.customerOpportunities.error ??
      this.rulesError ??
      null
    );
  }

  get errorMessage(): string | undefined {
    return this.rulesError && this.wireError === this.rulesError ? RULES_ERROR : undefined;
  }

  private get registrationRecords(): RecordRepresentation[] {
    const byId = new Map<string, RecordRepresentation>();
    for (const record of [
      ...(this.customerRegistrations.data?.records ?? []),
      ...(this.opportunityRegistrations.data?.records ?? [])
    ]) {
      byId.set(record.id, record);
    }
    return [...byId.values()];
  }

  private get registrations(): DealRegistration[] {
    return this.registrationRecords.map((record) =>
      readFields<DealRegistration>(record.id, record, {
        Name: REG_NAME,
        Partner_Account__c: REG_PARTNER,
        Customer_Account__c: REG_CUSTOMER,
        Customer_Name__c: REG_CUSTOMER_NAME,
        Opportunity__c: REG_OPPORTUNITY,
        Status__c: REG_STATUS,
        Deal_Type__c: REG_DEAL_TYPE,
        Engagement__c: REG_ENGAGEMENT,
        Submitted_At__c: REG_SUBMITTED_AT,
        Approved_On__c: REG_APPROVED_ON,
        Expires_On__c: REG_EXPIRES_ON,
        Extensions__c: REG_EXTENSIONS
      })
    );
  }

  private get scope(): ConflictScope {
    const account = this.account.data;
    const opportunityRecords = this.onOpportunity
      ? this.opportunity.data
        ? [this.opportunity.data]
        : []
      : (this.customerOpportunities.data?.records ?? []);
    const partners = [
      ...opportunityRecords.map((r) => partnerFrom(r, OPP_PARTNER, OPPORTUNITY_PARTNER)),
      ...this.registrationRecords.map((r) => partnerFrom(r, REG_PARTNER, REGISTRATION_PARTNER)),
      account ? partnerFrom(account, INCUMBENT, INCUMBENT_PARTNER) : null
    ].filter((p): p is PartnerAccount => !!p);
    const customers: CustomerAccount[] = account
      ? [
          readFields<CustomerAccount>(account.id, account, {
            Name: ACCOUNT_NAME,
            Incumbent_Partner__c: INCUMBENT,
            Incumbent_Since__c: INCUMBENT_SINCE
          })
        ]
      : [];
    return {
      customers,
      opportunities: opportunityRecords.map(opportunityFrom),
      registrations: this.registrations,
      partners: [...new Map(partners.map((p) => [p.Id, p])).values()]
    };
  }

  get warnings(): WarningView[] {
    const rules = this.rules;
    if (!rules || !this.loaded) return [];
    return detectConflicts(this.scope, rules, today()).map((w: ConflictWarning, i) => ({
      key: `${i}-${w.rule}`,
      title: w.title,
      ruleText: w.ruleText,
      evidence: w.evidence.map((line, j) => ({ key: `${j}`, text: line })),
      escalation: w.escalation.map((line, j) => ({ key: `${j}`, text: line })),
      severity: SEVERITY[w.severity].label,
      severityClass: `slds-m-right_x-small ${SEVERITY[w.severity].className}`,
      icon: SEVERITY[w.severity].icon,
      iconVariant: SEVERITY[w.severity].variant
    }));
  }

  get hasWarnings(): boolean {
    return this.warnings.length > 0;
  }

  private registrationLabel(id: string): string {
    const record = this.registrationRecords.find((r) => r.id === id);
    if (!record) return id;
    return `${fieldText(record, REG_NAME) ?? id} (${fieldText(record, REG_PARTNER_NAME) ?? fieldText(record, REG_PARTNER) ?? '—'})`;
  }

  /** Account page: every registration for the customer, in submission order. */
  get registrationRows(): RegistrationRow[] {
    const records = new Map(this.registrationRecords.map((r) => [r.id, r]));
    return [...this.registrations].sort(bySubmission).map((reg) => {
      const record = records.get(reg.Id)!;
      return {
        id: reg.Id,
        name: reg.Name ?? reg.Id,
        partner: fieldText(record, REG_PARTNER_NAME) ?? '—',
        opportunity: fieldText(record, REG_OPPORTUNITY_NAME) ?? '—',
        status: reg.Status__c ?? '—',
        submitted: reg.Submitted_At__c ? reg.Submitted_At__c.slice(0, 10) : '—'
      };
    });
  }

  get showRegistrations(): boolean {
    return !this.onOpportunity;
  }

  get hasRegistrations(): boolean {
    return this.registrationRows.length > 0;
  }

  /** Per opportunity: who holds it and who waits, in submission order (core registrationQueues). */
  get queues(): { key: string; opportunity: string; holder: string; waiting: string | null }[] {
    const rules = this.rules;
    if (!rules) return [];
    const names = new Map(
      this.registrationRecords.map((r) => [
        fieldText(r, REG_OPPORTUNITY),
        fieldText(r, REG_OPPORTUNITY_NAME)
      ])
    );
    return registrationQueues(this.registrations, today(), rules).map((queue) => ({
      key: queue.opportunityId,
      opportunity: names.get(queue.opportunityId) ?? queue.opportunityId,
      holder: queue.winner
        ? formatLabel(HOLDS, this.registrationLabel(queue.winner.Id))
        : NOBODY_HOLDS,
      waiting: queue.queue.length
        ? formatLabel(
            WAITING,
            queue.queue.map((r, i) => `${i + 1}. ${this.registrationLabel(r.Id)}`).join(', ')
          )
        : null
    }));
  }
}
