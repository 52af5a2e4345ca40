/**
 * Partner attribution on an Opportunity: who the partner is, how the deal is registered, what
 * the program discount is worth and what the seller is paid on, in one glance. Every rule comes
 * from the core (c/partnerProgram); this component only fetches with LDS and renders.
 */
import { LightningElement, api, wire } from 'lwc';
import { getRecord, type RecordRepresentation } from 'lightning/uiRecordApi';
import {
  channelNeutral,
  checkConflictRule,
  daysToExpiry,
  formatMoney,
  opportunityDiscount,
  registrationExpiresOn,
  type DealRegistration,
  type Opportunity,
  type PartnerAccount,
  type ProgramRules
} from 'c/partnerProgram';
import { provideProgramRules, today } from 'c/programRules';
import { fieldText, formatLabel, readFields, type WireResult } from 'c/ldsUtils';

import NAME from '@salesforce/schema/Opportunity.Name';
import IS_CLOSED from '@salesforce/schema/Opportunity.IsClosed';
import AMOUNT from '@salesforce/schema/Opportunity.Amount';
import STAGE from '@salesforce/schema/Opportunity.StageName';
import DEAL_PATH from '@salesforce/schema/Opportunity.Deal_Path__c';
import DEAL_MOTION from '@salesforce/schema/Opportunity.Deal_Motion__c';
import DEAL_TYPE from '@salesforce/schema/Opportunity.Deal_Type__c';
import ENGAGEMENT from '@salesforce/schema/Opportunity.Engagement__c';
import PARTNER from '@salesforce/schema/Opportunity.Partner_Account__c';
import PARTNER_NAME from '@salesforce/schema/Opportunity.Partner_Account__r.Name';
import PARTNER_TYPE from '@salesforce/schema/Opportunity.Partner_Account__r.Partner_Type__c';
import PARTNER_TRACK from '@salesforce/schema/Opportunity.Partner_Account__r.Partner_Track__c';
import PARTNER_STATUS from '@salesforce/schema/Opportunity.Partner_Account__r.Partner_Status__c';
import CAM_NAME from '@salesforce/schema/Opportunity.Partner_Account__r.Channel_Account_Manager__r.Name';
import DISTRIBUTOR_NAME from '@salesforce/schema/Opportunity.Distributor__r.Name';
import INFLUENCE_NAME from '@salesforce/schema/Opportunity.Influence_Partner__r.Name';
import FULFILLMENT_NAME from '@salesforce/schema/Opportunity.Fulfillment_Partner__r.Name';
import REGISTRATION from '@salesforce/schema/Opportunity.Registered_Deal__c';
import REG_NAME from '@salesforce/schema/Opportunity.Registered_Deal__r.Name';
import REG_STATUS from '@salesforce/schema/Opportunity.Registered_Deal__r.Status__c';
import REG_APPROVED_ON from '@salesforce/schema/Opportunity.Registered_Deal__r.Approved_On__c';
import REG_EXPIRES_ON from '@salesforce/schema/Opportunity.Registered_Deal__r.Expires_On__c';
import REG_EXTENSIONS from '@salesforce/schema/Opportunity.Registered_Deal__r.Extensions__c';
import REG_ENGAGEMENT from '@salesforce/schema/Opportunity.Registered_Deal__r.Engagement__c';
import REG_DEAL_TYPE from '@salesforce/schema/Opportunity.Registered_Deal__r.Deal_Type__c';
import REG_PARTNER from '@salesforce/schema/Opportunity.Registered_Deal__r.Partner_Account__c';
import REG_PARTNER_NAME from '@salesforce/schema/Opportunity.Registered_Deal__r.Partner_Account__r.Name';
import REG_PARTNER_CAM_NAME from '@salesforce/schema/Opportunity.Registered_Deal__r.Partner_Account__r.Channel_Account_Manager__r.Name';
import DIRECT_APPROVED_BY from '@salesforce/schema/Opportunity.Direct_Sale_Approved_By__c';
import DIRECT_APPROVER_NAME from '@salesforce/schema/Opportunity.Direct_Sale_Approved_By__r.Name';
import DIRECT_APPROVED_ON from '@salesforce/schema/Opportunity.Direct_Sale_Approved_On__c';

import TITLE from '@salesforce/label/c.PPK_Attribution_Title';
import NO_PARTNER from '@salesforce/label/c.PPK_Attribution_No_Partner';
import DIRECT_DEAL from '@salesforce/label/c.PPK_Attribution_Direct_Deal';
import DIRECT_APPROVED from '@salesforce/label/c.PPK_Attribution_Direct_Approved';
import REGISTRATION_LABEL from '@salesforce/label/c.PPK_Attribution_Registration';
import NO_REGISTRATION from '@salesforce/label/c.PPK_Attribution_No_Registration';
import REGISTRATION_DATES from '@salesforce/label/c.PPK_Attribution_Registration_Dates';
import DAYS_LEFT from '@salesforce/label/c.PPK_Attribution_Days_Left';
import EXPIRED_DAYS_AGO from '@salesforce/label/c.PPK_Attribution_Expired_Days_Ago';
import PROGRAM_DISCOUNT from '@salesforce/label/c.PPK_Attribution_Program_Discount';
import DISCOUNT_PCT from '@salesforce/label/c.PPK_Attribution_Discount_Pct';
import DISCOUNT_AMOUNT from '@salesforce/label/c.PPK_Attribution_Discount_Amount';
import SAMPLE_MATRIX from '@salesforce/label/c.PPK_Attribution_Sample_Matrix';
import QUOTA_CREDIT from '@salesforce/label/c.PPK_Attribution_Quota_Credit';
import COMMISSIONABLE from '@salesforce/label/c.PPK_Attribution_Commissionable';
import DEAL_TYPE_LABEL from '@salesforce/label/c.PPK_Deal_Type';
import ENGAGEMENT_LABEL from '@salesforce/label/c.PPK_Engagement';
import MOTION_LABEL from '@salesforce/label/c.PPK_Deal_Motion';
import DISTRIBUTOR_LABEL from '@salesforce/label/c.PPK_Distributor';
import INFLUENCE_LABEL from '@salesforce/label/c.PPK_Influence_Partner';
import FULFILLMENT_LABEL from '@salesforce/label/c.PPK_Fulfillment_Partner';
import CAM_LABEL from '@salesforce/label/c.PPK_Channel_Account_Manager';
import RULES_ERROR from '@salesforce/label/c.PPK_Rules_Error';
import LOADING from '@salesforce/label/c.PPK_Loading';

const FIELDS = [
  NAME,
  IS_CLOSED,
  AMOUNT,
  STAGE,
  DEAL_PATH,
  DEAL_MOTION,
  DEAL_TYPE,
  ENGAGEMENT,
  PARTNER,
  PARTNER_NAME,
  PARTNER_TYPE,
  PARTNER_TRACK,
  PARTNER_STATUS,
  CAM_NAME,
  DISTRIBUTOR_NAME,
  INFLUENCE_NAME,
  FULFILLMENT_NAME,
  REGISTRATION,
  REG_NAME,
  REG_STATUS,
  REG_APPROVED_ON,
  REG_EXPIRES_ON,
  REG_EXTENSIONS,
  REG_ENGAGEMENT,
  REG_DEAL_TYPE,
  REG_PARTNER,
  REG_PARTNER_NAME,
  REG_PARTNER_CAM_NAME,
  DIRECT_APPROVED_BY,
  DIRECT_APPROVER_NAME,
  DIRECT_APPROVED_ON
];

interface RegistrationView {
  name: string;
  status: string;
  statusClass: string;
  dates: string;
  daysLeft: string | null;
  daysLeftClass: string;
}

interface MoneyView {
  discount: string;
  discountAmount: string | null;
  quotaCredit: string | null;
  commissionable: string | null;
  sample: boolean;
}

export default class PartnerAttribution extends LightningElement {
  @api recordId?: string;

  labels = {
    title: TITLE,
    noPartner: NO_PARTNER,
    directDeal: DIRECT_DEAL,
    registration: REGISTRATION_LABEL,
    noRegistration: NO_REGISTRATION,
    programDiscount: PROGRAM_DISCOUNT,
    sampleMatrix: SAMPLE_MATRIX,
    quotaCredit: QUOTA_CREDIT,
    commissionable: COMMISSIONABLE,
    rulesError: RULES_ERROR,
    loading: LOADING
  };

  rules: ProgramRules | null = null;
  rulesError: unknown = null;

  @wire(getRecord, { recordId: '$recordId', fields: FIELDS })
  opportunity: WireResult<RecordRepresentation> = {};

  connectedCallback(): void {
    provideProgramRules(this);
  }

  private get record(): RecordRepresentation | null {
    return this.opportunity.data ?? null;
  }

  private get opportunityFields(): Opportunity | null {
    const record = this.record;
    if (!record) return null;
    return readFields<Opportunity>(record.id, record, {
      Name: NAME,
      IsClosed: IS_CLOSED,
      Amount: AMOUNT,
      StageName: STAGE,
      Deal_Path__c: DEAL_PATH,
      Deal_Motion__c: DEAL_MOTION,
      Deal_Type__c: DEAL_TYPE,
      Engagement__c: ENGAGEMENT,
      Partner_Account__c: PARTNER,
      Registered_Deal__c: REGISTRATION,
      Direct_Sale_Approved_By__c: DIRECT_APPROVED_BY,
      Direct_Sale_Approved_On__c: DIRECT_APPROVED_ON
    });
  }

  private get partner(): PartnerAccount | null {
    const record = this.record;
    const id = record ? fieldText(record, PARTNER) : null;
    if (!record || !id) return null;
    return readFields<PartnerAccount>(id, record, {
      Name: PARTNER_NAME,
      Partner_Type__c: PARTNER_TYPE,
      Partner_Track__c: PARTNER_TRACK,
      Partner_Status__c: PARTNER_STATUS
    });
  }

  private get registration(): DealRegistration | null {
    const record = this.record;
    const id = record ? fieldText(record, REGISTRATION) : null;
    if (!record || !id) return null;
    return readFields<DealRegistration>(id, record, {
      Name: REG_NAME,
      Status__c: REG_STATUS,
      Approved_On__c: REG_APPROVED_ON,
      Expires_On__c: REG_EXPIRES_ON,
      Extensions__c: REG_EXTENSIONS,
      Engagement__c: REG_ENGAGEMENT,
      Deal_Type__c: REG_DEAL_TYPE,
      Partner_Account__c: REG_PARTNER
    });
  }

  /** Neither a partner nor a direct deal: nothing to attribute yet. */
  get noPartner(): boolean {
    return !this.partner && !this.isDirect;
  }

  get isDirect(): boolean {
    return this.opportunityFields?.Deal_Path__c === 'Direct';
  }

  get partnerView(): {
    name: string;
    type: string | null;
    track: string | null;
    status: string | null;
  } | null {
    const partner = this.partner;
    if (!partner) return null;
    return {
      name: partner.Name ?? partner.Id,
      type: partner.Partner_Type__c ?? null,
      track: partner.Partner_Track__c ?? null,
      status: partner.Partner_Status__c ?? null
    };
  }

  get details(): { key: string; label: string; value: string }[] {
    const record = this.record;
    const opportunity = this.opportunityFields;
    if (!record || !opportunity) return [];
    const rows: [string, string, string | null | undefined][] = [
      ['dealType', DEAL_TYPE_LABEL, opportunity.Deal_Type__c],
      ['engagement', ENGAGEMENT_LABEL, opportunity.Engagement__c],
      ['motion', MOTION_LABEL, opportunity.Deal_Motion__c],
      ['distributor', DISTRIBUTOR_LABEL, fieldText(record, DISTRIBUTOR_NAME)],
      ['influence', INFLUENCE_LABEL, fieldText(record, INFLUENCE_NAME)],
      ['fulfillment', FULFILLMENT_LABEL, fieldText(record, FULFILLMENT_NAME)],
      ['cam', CAM_LABEL, fieldText(record, CAM_NAME)]
    ];
    return rows.map(([key, label, value]) => ({ key, label, value: value ?? '—' }));
  }

  get registrationView(): RegistrationView | null {
    const registration = this.registration;
    const rules = this.rules;
    if (!registration || !rules) return null;
    const days = daysToExpiry(registration, today(), rules);
    const status = registration.Status__c ?? '—';
    const expiringSoon = days !== null && days <= rules.dealRegistration.expiryWarningDays;
    return {
      name: registration.Name ?? registration.Id,
      status,
      statusClass:
        status === 'Approved'
          ? 'slds-theme_success'
          : status === 'Submitted'
            ? 'slds-theme_info'
            : 'slds-theme_warning',
      dates: formatLabel(
        REGISTRATION_DATES,
        registration.Approved_On__c ?? '—',
        registrationExpiresOn(registration, rules) ?? '—'
      ),
      daysLeft:
        days === null
          ? null
          : days < 0
            ? formatLabel(EXPIRED_DAYS_AGO, -days)
            : formatLabel(DAYS_LEFT, days),
      daysLeftClass: `slds-text-body_small days-left ${expiringSoon ? 'slds-text-color_error' : 'slds-text-color_success'}`
    };
  }

  /**
   * A direct (or partnerless) opportunity with an approved registration and no recorded VP
   * approval: the core's rule (a), seed 001:144. Its title and whom to talk to first.
   */
  get directWarning(): { title: string; escalation: string } | null {
    const record = this.record;
    const opportunity = this.opportunityFields;
    const registration = this.registration;
    const rules = this.rules;
    if (!record || !opportunity || !registration || !rules) return null;
    const registrationPartnerId = registration.Partner_Account__c;
    const [warning] = checkConflictRule(
      'a',
      {
        customers: [],
        opportunities: [opportunity],
        registrations: [registration],
        partners: registrationPartnerId
          ? [
              {
                Id: registrationPartnerId,
                Name: fieldText(record, REG_PARTNER_NAME),
                Channel_Account_Manager__r: { Name: fieldText(record, REG_PARTNER_CAM_NAME) }
              }
            ]
          : []
      },
      rules,
      today()
    );
    return warning ? { title: warning.title, escalation: warning.escalation[0] ?? '' } : null;
  }

  get directApproval(): string | null {
    const record = this.record;
    if (!record || !fieldText(record, DIRECT_APPROVED_BY)) return null;
    return formatLabel(
      DIRECT_APPROVED,
      fieldText(record, DIRECT_APPROVER_NAME) ?? '—',
      fieldText(record, DIRECT_APPROVED_ON) ?? '—'
    );
  }

  get money(): MoneyView | null {
    const opportunity = this.opportunityFields;
    const rules = this.rules;
    if (!opportunity || !rules || !this.partner) return null;
    const discount = opportunityDiscount(opportunity, this.partner, rules);
    if (!discount.ok) {
      return {
        discount: discount.reason,
        discountAmount: null,
        quotaCredit: null,
        commissionable: null,
        sample: false
      };
    }
    const amount = opportunity.Amount;
    const comp = typeof amount === 'number' ? channelNeutral(amount, discount.pct, rules) : null;
    return {
      discount: formatLabel(DISCOUNT_PCT, discount.pct),
      discountAmount:
        comp && typeof amount === 'number'
          ? formatLabel(
              DISCOUNT_AMOUNT,
              formatMoney(amount - comp.quotaCredit),
              formatMoney(amount)
            )
          : null,
      quotaCredit: comp ? formatMoney(comp.quotaCredit) : null,
      commissionable: comp ? formatMoney(comp.commissionable) : null,
      sample: discount.sample
    };
  }
}
