/**
 * A partner's track on its Account page: every requirement of the track with progress (people
 * counted per certification in the contract region, unexpired — from the core's evaluateTrack),
 * the track's benefits, and for an Open partner what stands between it and Select.
 */
import { LightningElement, api, wire } from 'lwc';
import { getRecord, type RecordRepresentation } from 'lightning/uiRecordApi';
import {
  getRelatedListRecords,
  type RelatedListRecordCollection
} from 'lightning/uiRelatedListApi';
import {
  benefitsFor,
  benefitsGainedWithSelect,
  evaluateTrack,
  type Benefit,
  type PartnerAccount,
  type PartnerCertification,
  type ProgramRules,
  type RequirementResult,
  type TrackEvaluation
} from 'c/partnerProgram';
import { provideProgramRules, today } from 'c/programRules';
import { formatLabel, qualifiedName, readFields, type WireResult } from 'c/ldsUtils';

import NAME from '@salesforce/schema/Account.Name';
import PARTNER_TYPE from '@salesforce/schema/Account.Partner_Type__c';
import PARTNER_TRACK from '@salesforce/schema/Account.Partner_Track__c';
import PARTNER_STATUS from '@salesforce/schema/Account.Partner_Status__c';
import PARTNER_REGION from '@salesforce/schema/Account.Partner_Region__c';
import SELECT_INVITED_ON from '@salesforce/schema/Account.Select_Invited_On__c';
import EXEC_SPONSORED_JBP from '@salesforce/schema/Account.Exec_Sponsored_JBP__c';
import DEDICATED_DEVOPS from '@salesforce/schema/Account.Dedicated_DevOps_Practice__c';
import NET_ARR from '@salesforce/schema/Account.Net_ARR_Trailing_12M__c';
import DEMAND_GEN from '@salesforce/schema/Account.Demand_Gen_Activities_This_Quarter__c';
import CERT_PARTNER from '@salesforce/schema/Partner_Certification__c.Partner_Account__c';
import CERT_CONTACT from '@salesforce/schema/Partner_Certification__c.Contact__c';
import CERT_NAME from '@salesforce/schema/Partner_Certification__c.Certification__c';
import CERT_REGION from '@salesforce/schema/Partner_Certification__c.Region__c';
import CERT_EARNED_ON from '@salesforce/schema/Partner_Certification__c.Earned_On__c';
import CERT_EXPIRES_ON from '@salesforce/schema/Partner_Certification__c.Expires_On__c';

import TITLE from '@salesforce/label/c.PPK_Track_Title';
import REQUIREMENTS from '@salesforce/label/c.PPK_Track_Requirements';
import BENEFITS from '@salesforce/label/c.PPK_Track_Benefits';
import TOWARD_SELECT from '@salesforce/label/c.PPK_Track_Toward_Select';
import ELIGIBLE_FOR_INVITATION from '@salesforce/label/c.PPK_Track_Eligible_For_Invitation';
import INVITATION_ONLY from '@salesforce/label/c.PPK_Track_Invitation_Only';
import SELECT_GAINS from '@salesforce/label/c.PPK_Track_Select_Gains';
import INVITED_ON from '@salesforce/label/c.PPK_Track_Invited_On';
import MET from '@salesforce/label/c.PPK_Track_Met';
import NOT_MET from '@salesforce/label/c.PPK_Track_Not_Met';
import NOT_A_PARTNER from '@salesforce/label/c.PPK_Track_Not_A_Partner';
import MORE_CERTIFICATIONS from '@salesforce/label/c.PPK_Track_More_Certifications';
import RULES_ERROR from '@salesforce/label/c.PPK_Rules_Error';
import LOADING from '@salesforce/label/c.PPK_Loading';

const ACCOUNT_FIELDS = [
  NAME,
  PARTNER_TYPE,
  PARTNER_TRACK,
  PARTNER_STATUS,
  PARTNER_REGION,
  SELECT_INVITED_ON,
  EXEC_SPONSORED_JBP,
  DEDICATED_DEVOPS,
  NET_ARR,
  DEMAND_GEN
];
const CERTIFICATION_FIELDS = [
  CERT_PARTNER,
  CERT_CONTACT,
  CERT_NAME,
  CERT_REGION,
  CERT_EARNED_ON,
  CERT_EXPIRES_ON
].map(qualifiedName);
/** The UI API's largest related-list page: every certification of one partner in one call. */
const CERTIFICATIONS_PAGE = 1999;

interface RequirementView {
  id: string;
  progress: string;
  percent: number;
  gap: string | null;
  met: boolean;
  icon: string;
  iconText: string;
}

interface BenefitView {
  key: string;
  section: string;
  benefit: string;
  detail: string | null;
}

function requirementView(result: RequirementResult): RequirementView {
  const share =
    typeof result.required === 'number' && typeof result.actual === 'number' && result.required > 0
      ? result.actual / result.required
      : result.met
        ? 1
        : 0;
  return {
    id: result.id,
    progress: result.progress,
    percent: Math.round(Math.min(1, Math.max(0, share)) * 100),
    gap: result.gap,
    met: result.met,
    icon: result.met ? 'utility:success' : 'utility:warning',
    iconText: result.met ? MET : NOT_MET
  };
}

function benefitViews(benefits: Benefit[]): BenefitView[] {
  return benefits.map((b, i) => ({
    key: `${i}-${b.seed}`,
    section: b.section,
    benefit: b.benefit,
    detail: b.detail
  }));
}

export default class PartnerTrackPanel extends LightningElement {
  @api recordId?: string;

  labels = {
    title: TITLE,
    requirements: REQUIREMENTS,
    benefits: BENEFITS,
    towardSelect: TOWARD_SELECT,
    eligibleForInvitation: ELIGIBLE_FOR_INVITATION,
    invitationOnly: INVITATION_ONLY,
    selectGains: SELECT_GAINS,
    notAPartner: NOT_A_PARTNER,
    moreCertifications: MORE_CERTIFICATIONS,
    rulesError: RULES_ERROR,
    loading: LOADING
  };

  rules: ProgramRules | null = null;
  rulesError: unknown = null;

  @wire(getRecord, { recordId: '$recordId', fields: ACCOUNT_FIELDS })
  account: WireResult<RecordRepresentation> = {};

  @wire(getRelatedListRecords, {
    parentRecordId: '$recordId',
    relatedListId: 'Partner_Certifications__r',
    fields: CERTIFICATION_FIELDS,
    pageSize: CERTIFICATIONS_PAGE
  })
  certifications: WireResult<RelatedListRecordCollection> = {};

  connectedCallback(): void {
    provideProgramRules(this);
  }

  get loaded(): boolean {
    return !!this.account.data && !!this.certifications.data;
  }

  get wireError(): unknown {
    return this.account.error ?? this.certifications.error ?? null;
  }

  private get partner(): PartnerAccount | null {
    const record = this.account.data;
    if (!record) return null;
    return readFields<PartnerAccount>(record.id, record, {
      Name: NAME,
      Partner_Type__c: PARTNER_TYPE,
      Partner_Track__c: PARTNER_TRACK,
      Partner_Status__c: PARTNER_STATUS,
      Partner_Region__c: PARTNER_REGION,
      Select_Invited_On__c: SELECT_INVITED_ON,
      Exec_Sponsored_JBP__c: EXEC_SPONSORED_JBP,
      Dedicated_DevOps_Practice__c: DEDICATED_DEVOPS,
      Net_ARR_Trailing_12M__c: NET_ARR,
      Demand_Gen_Activities_This_Quarter__c: DEMAND_GEN
    });
  }

  private get evaluation(): TrackEvaluation | null {
    const partner = this.partner;
    const rules = this.rules;
    const collection = this.certifications.data;
    if (!partner || !rules || !collection) return null;
    const certifications = collection.records.map((record) =>
      readFields<PartnerCertification>(record.id, record, {
        Partner_Account__c: CERT_PARTNER,
        Contact__c: CERT_CONTACT,
        Certification__c: CERT_NAME,
        Region__c: CERT_REGION,
        Earned_On__c: CERT_EARNED_ON,
        Expires_On__c: CERT_EXPIRES_ON
      })
    );
    return evaluateTrack(partner, certifications, rules, today());
  }

  /** A customer account (no track, type or status): this panel has nothing to say. */
  get isPartner(): boolean {
    const partner = this.partner;
    return (
      !!partner &&
      !!(partner.Partner_Track__c || partner.Partner_Type__c || partner.Partner_Status__c)
    );
  }

  get header(): {
    name: string;
    track: string;
    status: string | null;
    region: string | null;
    invited: string | null;
  } | null {
    const partner = this.partner;
    const evaluation = this.evaluation;
    if (!partner || !evaluation) return null;
    return {
      name: partner.Name ?? partner.Id,
      track: evaluation.track,
      status: partner.Partner_Status__c ?? null,
      region: partner.Partner_Region__c ?? null,
      invited: partner.Select_Invited_On__c
        ? formatLabel(INVITED_ON, partner.Select_Invited_On__c)
        : null
    };
  }

  get notApplicable(): string | null {
    const evaluation = this.evaluation;
    return evaluation && !evaluation.applies ? evaluation.reason : null;
  }

  get requirements(): RequirementView[] {
    const evaluation = this.evaluation;
    return evaluation?.applies ? evaluation.current.requirements.map(requirementView) : [];
  }

  get benefits(): BenefitView[] {
    const evaluation = this.evaluation;
    const rules = this.rules;
    return evaluation?.applies && rules ? benefitViews(benefitsFor(evaluation.track, rules)) : [];
  }

  /** For an Open partner only: progress toward Select, invitation-only. */
  get towardSelect(): {
    requirements: RequirementView[];
    eligible: boolean;
    gains: BenefitView[];
  } | null {
    const evaluation = this.evaluation;
    const rules = this.rules;
    if (!evaluation?.applies || evaluation.track !== 'Open' || !rules) return null;
    return {
      requirements: evaluation.select.requirements.map(requirementView),
      eligible: evaluation.selectEligible,
      gains: benefitViews(benefitsGainedWithSelect(rules))
    };
  }

  /** More certifications than one page: the counts could be short, so say so. */
  get morePages(): boolean {
    return !!this.certifications.data?.nextPageToken;
  }
}
