/**
 * The shape of the program rules file (staticresources/partnerProgramRules.json) once
 * `parseProgramRules` has validated it. Every number, list, table and template of the program
 * lives in that file, so an admin changes the program without code.
 */
import type {
  CertificationName,
  ChannelTrack,
  DealMotion,
  DealType,
  Engagement,
  OwnerSide,
  PartnerGroup,
  PartnerStatus,
  PartnerTrack,
  PartnerType,
  Region,
  RegistrationStatus
} from './records';

/** Where a rule comes from, e.g. "003:60" (seed file 003, line 60). */
type SeedRef = string;

export interface TrackPolicy {
  invitationOnly: boolean;
  /** False for Technology: alliances are not measured against the channel requirements. */
  channelRequirements: boolean;
  dealTypes: DealType[];
  seed: SeedRef;
}

/** One row of the seed 003 requirements table; `Open`/`Select` null means "–" for that track. */
interface RequirementRow {
  id: string;
  row: string;
  label: string;
  seed: SeedRef;
}

export type Requirement =
  | (RequirementRow & { kind: 'agreement'; need: string; Open: true | null; Select: true | null })
  | (RequirementRow & {
      kind: 'certifiedPeople';
      certifications: CertificationName[];
      unitOne: string;
      unitMany: string;
      Open: number | null;
      Select: number | null;
    })
  | (RequirementRow & {
      kind: 'flag';
      field: 'Exec_Sponsored_JBP__c' | 'Dedicated_DevOps_Practice__c';
      need: string;
      Open: true | null;
      Select: true | null;
    })
  | (RequirementRow & {
      kind: 'amount';
      field: 'Net_ARR_Trailing_12M__c';
      unitMany: string;
      Open: number | null;
      Select: number | null;
    })
  | (RequirementRow & {
      kind: 'count';
      field: 'Demand_Gen_Activities_This_Quarter__c';
      unitOne: string;
      unitMany: string;
      Open: number | null;
      Select: number | null;
    });

export type RequirementKind = Requirement['kind'];

/** A benefit cell: true = "X", false = blank, a string = included with that qualifier. */
export type BenefitCell = boolean | string;

export interface BenefitRow {
  section: string;
  benefit: string;
  seed: SeedRef;
  Open: BenefitCell;
  Select: BenefitCell;
}

export type DiscountTable = Record<Engagement, Record<DealType, number>>;

export interface DiscountMatrix {
  sample: boolean;
  Open: DiscountTable;
  Select: DiscountTable;
}

export interface RebateTier {
  minServices: number;
  /** Null for the open-ended top tier ("10+"). */
  maxServices: number | null;
  pct: number;
  capPerOpportunity: number;
}

export interface ReferralFeePolicy {
  sample: boolean;
  eligibleGroups: PartnerGroup[];
  pct: Record<ChannelTrack, number>;
}

export interface DealRegistrationPolicy {
  validityDays: number;
  extensionDays: number;
  maxExtensions: number;
  expiryWarningDays: number;
  /** Only these engagements compete for the one approved registration of an opportunity. */
  competingEngagements: Engagement[];
  transitions: Record<RegistrationStatus, RegistrationStatus[]>;
}

export interface StageGates {
  stages: string[];
  closedStages: string[];
  gates: Record<Engagement, string[]>;
}

export interface EscalationStep {
  role: 'cam' | 'peers' | 'manager';
  label: string;
}

export interface PlanSection {
  field: string;
  label: string;
  prompt: string;
}

export interface PlanMilestoneTemplate {
  name: string;
  ownerSide: OwnerSide;
  dueOffsetDays: number;
  order: number;
}

export interface PlanTemplate {
  id: string;
  name: string;
  suggestedFor: {
    engagements: Engagement[];
    dealTypes: DealType[];
    motions: DealMotion[];
  };
  sections: string[];
  milestones: PlanMilestoneTemplate[];
}

export interface ProgramRules {
  version: string;
  partnerTypes: Record<PartnerGroup, PartnerType[]>;
  partnerStatuses: { values: PartnerStatus[]; goodStanding: PartnerStatus[] };
  regions: Region[];
  certifications: CertificationName[];
  tracks: Record<PartnerTrack, TrackPolicy>;
  requirements: Requirement[];
  benefits: BenefitRow[];
  discountMatrix: DiscountMatrix;
  channelNeutral: { enabled: boolean; seed: SeedRef };
  servicesAttachRebate: { tiers: RebateTier[]; seed: SeedRef };
  referralFee: ReferralFeePolicy;
  dealRegistration: DealRegistrationPolicy;
  stageGates: StageGates;
  escalation: { steps: EscalationStep[]; seed: SeedRef };
  directSaleApproval: { approverTitle: string; seed: SeedRef };
  pursuitPlan: { sections: PlanSection[]; templates: PlanTemplate[] };
}
