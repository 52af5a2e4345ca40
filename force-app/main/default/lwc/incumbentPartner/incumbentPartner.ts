/**
 * The customer's incumbent partner (001:152-154): who it is, since when, and the renewal right of
 * first refusal (002:65) on each open renewal, from the core's incumbency functions.
 */
import { LightningElement, api, wire } from 'lwc';
import { getRecord, type RecordRepresentation } from 'lightning/uiRecordApi';
import {
  getRelatedListRecords,
  type RelatedListRecordCollection
} from 'lightning/uiRelatedListApi';
import {
  inGoodStanding,
  isOpenOpportunity,
  renewalRightOfFirstRefusal,
  type CustomerAccount,
  type Opportunity,
  type PartnerAccount,
  type ProgramRules
} from 'c/partnerProgram';
import { provideProgramRules } from 'c/programRules';
import { fieldText, formatLabel, qualifiedName, readFields, type WireResult } from 'c/ldsUtils';

import ACCOUNT_NAME from '@salesforce/schema/Account.Name';
import INCUMBENT from '@salesforce/schema/Account.Incumbent_Partner__c';
import INCUMBENT_SINCE from '@salesforce/schema/Account.Incumbent_Since__c';
import INCUMBENT_NAME from '@salesforce/schema/Account.Incumbent_Partner__r.Name';
import INCUMBENT_STATUS from '@salesforce/schema/Account.Incumbent_Partner__r.Partner_Status__c';
import INCUMBENT_TRACK from '@salesforce/schema/Account.Incumbent_Partner__r.Partner_Track__c';
import INCUMBENT_CAM_NAME from '@salesforce/schema/Account.Incumbent_Partner__r.Channel_Account_Manager__r.Name';
import OPP_NAME from '@salesforce/schema/Opportunity.Name';
import OPP_STAGE from '@salesforce/schema/Opportunity.StageName';
import OPP_IS_CLOSED from '@salesforce/schema/Opportunity.IsClosed';
import OPP_CLOSE_DATE from '@salesforce/schema/Opportunity.CloseDate';
import OPP_DEAL_MOTION from '@salesforce/schema/Opportunity.Deal_Motion__c';
import OPP_PARTNER from '@salesforce/schema/Opportunity.Partner_Account__c';
import OPP_PARTNER_NAME from '@salesforce/schema/Opportunity.Partner_Account__r.Name';
import OPP_PARTNER_CHANGE from '@salesforce/schema/Opportunity.Customer_Requested_Partner_Change__c';

import TITLE from '@salesforce/label/c.PPK_Incumbent_Title';
import NO_INCUMBENT from '@salesforce/label/c.PPK_Incumbent_None';
import SINCE from '@salesforce/label/c.PPK_Incumbent_Since';
import RENEWALS from '@salesforce/label/c.PPK_Incumbent_Renewals';
import NEXT_RENEWAL_HELD from '@salesforce/label/c.PPK_Incumbent_Next_Renewal_Held';
import NEXT_RENEWAL_NOT_HELD from '@salesforce/label/c.PPK_Incumbent_Next_Renewal_Not_Held';
import WITH_HOLDER from '@salesforce/label/c.PPK_Incumbent_Renewal_With_Holder';
import NOT_WITH_HOLDER from '@salesforce/label/c.PPK_Incumbent_Renewal_Not_With_Holder';
import CAM_LABEL from '@salesforce/label/c.PPK_Channel_Account_Manager';
import RULES_ERROR from '@salesforce/label/c.PPK_Rules_Error';
import LOADING from '@salesforce/label/c.PPK_Loading';

const ACCOUNT_FIELDS = [
  ACCOUNT_NAME,
  INCUMBENT,
  INCUMBENT_SINCE,
  INCUMBENT_NAME,
  INCUMBENT_STATUS,
  INCUMBENT_TRACK,
  INCUMBENT_CAM_NAME
];
const OPPORTUNITY_FIELDS = [
  OPP_NAME,
  OPP_STAGE,
  OPP_IS_CLOSED,
  OPP_CLOSE_DATE,
  OPP_DEAL_MOTION,
  OPP_PARTNER,
  OPP_PARTNER_NAME,
  OPP_PARTNER_CHANGE
].map(qualifiedName);
const PAGE_SIZE = 1999;

interface RenewalView {
  id: string;
  name: string;
  closeDate: string;
  status: string;
  className: string;
}

export default class IncumbentPartner extends LightningElement {
  @api recordId?: string;

  labels = {
    title: TITLE,
    noIncumbent: NO_INCUMBENT,
    renewals: RENEWALS,
    cam: CAM_LABEL,
    rulesError: RULES_ERROR,
    loading: LOADING
  };

  rules: ProgramRules | null = null;
  rulesError: unknown = null;

  @wire(getRecord, { recordId: '$recordId', fields: ACCOUNT_FIELDS })
  account: WireResult<RecordRepresentation> = {};

  @wire(getRelatedListRecords, {
    parentRecordId: '$recordId',
    relatedListId: 'Opportunities',
    fields: OPPORTUNITY_FIELDS,
    pageSize: PAGE_SIZE
  })
  opportunities: WireResult<RelatedListRecordCollection> = {};

  connectedCallback(): void {
    provideProgramRules(this);
  }

  get loaded(): boolean {
    return !!this.account.data && !!this.opportunities.data && !!this.rules;
  }

  get wireError(): unknown {
    return this.account.error ?? this.opportunities.error ?? this.rulesError ?? null;
  }

  get errorMessage(): string | undefined {
    return this.rulesError && this.wireError === this.rulesError ? RULES_ERROR : undefined;
  }

  private get customer(): CustomerAccount | null {
    const record = this.account.data;
    if (!record) return null;
    return readFields<CustomerAccount>(record.id, record, {
      Name: ACCOUNT_NAME,
      Incumbent_Partner__c: INCUMBENT,
      Incumbent_Since__c: INCUMBENT_SINCE
    });
  }

  private get incumbent(): PartnerAccount | null {
    const record = this.account.data;
    const id = record ? fieldText(record, INCUMBENT) : null;
    if (!record || !id) return null;
    return readFields<PartnerAccount>(id, record, {
      Name: INCUMBENT_NAME,
      Partner_Status__c: INCUMBENT_STATUS,
      Partner_Track__c: INCUMBENT_TRACK
    });
  }

  get incumbentView(): {
    name: string;
    since: string | null;
    status: string | null;
    track: string | null;
    cam: string | null;
  } | null {
    const record = this.account.data;
    const incumbent = this.incumbent;
    if (!record || !incumbent) return null;
    const since = this.customer?.Incumbent_Since__c;
    return {
      name: incumbent.Name ?? incumbent.Id,
      since: since ? formatLabel(SINCE, since) : null,
      status: incumbent.Partner_Status__c ?? null,
      track: incumbent.Partner_Track__c ?? null,
      cam: fieldText(record, INCUMBENT_CAM_NAME)
    };
  }

  private get openRenewals(): { record: RecordRepresentation; opportunity: Opportunity }[] {
    const rules = this.rules;
    if (!rules) return [];
    return (this.opportunities.data?.records ?? [])
      .map((record) => ({
        record,
        opportunity: readFields<Opportunity>(record.id, record, {
          Name: OPP_NAME,
          StageName: OPP_STAGE,
          IsClosed: OPP_IS_CLOSED,
          CloseDate: OPP_CLOSE_DATE,
          Deal_Motion__c: OPP_DEAL_MOTION,
          Partner_Account__c: OPP_PARTNER,
          Customer_Requested_Partner_Change__c: OPP_PARTNER_CHANGE
        })
      }))
      .filter(
        ({ opportunity }) =>
          opportunity.Deal_Motion__c === 'Renewal' && isOpenOpportunity(opportunity, rules)
      );
  }

  /** Each open renewal: does the incumbent hold first right of refusal, and is the renewal with it? */
  get renewals(): RenewalView[] {
    const rules = this.rules;
    const customer = this.customer;
    if (!rules || !customer) return [];
    return this.openRenewals.map(({ record, opportunity }) => {
      const right = renewalRightOfFirstRefusal(customer, opportunity, this.incumbent, rules);
      const withHolder = right.holder !== null && opportunity.Partner_Account__c === right.holder;
      const status =
        right.holder === null
          ? right.reason
          : withHolder
            ? formatLabel(WITH_HOLDER, right.partnerName ?? right.holder)
            : formatLabel(
                NOT_WITH_HOLDER,
                right.partnerName ?? right.holder,
                fieldText(record, OPP_PARTNER_NAME) ?? '—'
              );
      return {
        id: opportunity.Id,
        name: opportunity.Name ?? opportunity.Id,
        closeDate: opportunity.CloseDate ?? '—',
        status,
        className: `slds-text-body_small renewal-status ${right.holder !== null && !withHolder ? 'slds-text-color_error' : ''}`
      };
    });
  }

  get hasRenewals(): boolean {
    return this.renewals.length > 0;
  }

  /** No open renewal yet: what the next one will find (good standing, 002:65). */
  get nextRenewal(): string | null {
    const incumbent = this.incumbent;
    const rules = this.rules;
    if (!incumbent || !rules) return null;
    const name = incumbent.Name ?? incumbent.Id;
    return inGoodStanding(incumbent, rules)
      ? formatLabel(NEXT_RENEWAL_HELD, name)
      : formatLabel(NEXT_RENEWAL_NOT_HELD, name, incumbent.Partner_Status__c ?? '—');
  }
}
