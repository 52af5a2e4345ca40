/**
 * The records the core reads, typed with their Salesforce API names (DESIGN.md "Data model").
 * Components pass LDS records and scripts pass SOQL rows straight in: every field is optional
 * and nullable, as both return them. Picklist values are the agreed restricted-picklist values.
 */

export const PARTNER_TYPES = [
  'VAR',
  'DMR',
  'Distributor',
  'Training Partner',
  'GSI',
  'RSI',
  'Boutique SI',
  'MSP',
  'Upstream Alliance',
  'Integrated Alliance',
  'Downstream Alliance',
  'Sell-To Alliance'
] as const;
export const PARTNER_GROUPS = ['reseller', 'services', 'alliance'] as const;
export const PARTNER_TRACKS = ['Open', 'Select', 'Technology'] as const;
/** The tracks with channel requirements, benefits and discounts (Technology is alliances). */
export const CHANNEL_TRACKS = ['Open', 'Select'] as const;
export const PARTNER_STATUSES = ['Prospect', 'Authorized', 'Denied'] as const;
export const REGIONS = ['AMER', 'EMEA', 'APAC', 'PubSec'] as const;
export const CERTIFICATIONS = [
  'Sales Core',
  'Sales Professional',
  'Solution Architect',
  'Professional Services',
  'Training Services',
  'Managed Services'
] as const;
export const REGISTRATION_STATUSES = [
  'Submitted',
  'Approved',
  'Denied',
  'Returned',
  'Expired'
] as const;
export const DEAL_TYPES = ['Resale', 'Referral', 'MSP', 'Services Attach'] as const;
export const ENGAGEMENTS = ['Partner Sourced', 'Assisted', 'Fulfillment'] as const;
export const CONFLICT_STATUSES = ['None', 'Potential', 'Conflict'] as const;
export const DEAL_PATHS = ['Channel', 'Direct', 'Web'] as const;
export const DEAL_MOTIONS = ['New Logo', 'Add-On', 'Renewal'] as const;
export const PLAN_STATUSES = ['Draft', 'Active', 'Complete'] as const;
export const OWNER_SIDES = ['Partner', 'Us', 'Joint'] as const;

export type PartnerType = (typeof PARTNER_TYPES)[number];
export type PartnerGroup = (typeof PARTNER_GROUPS)[number];
export type PartnerTrack = (typeof PARTNER_TRACKS)[number];
export type ChannelTrack = (typeof CHANNEL_TRACKS)[number];
export type PartnerStatus = (typeof PARTNER_STATUSES)[number];
export type Region = (typeof REGIONS)[number];
export type CertificationName = (typeof CERTIFICATIONS)[number];
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
export type DealType = (typeof DEAL_TYPES)[number];
export type Engagement = (typeof ENGAGEMENTS)[number];
export type ConflictStatus = (typeof CONFLICT_STATUSES)[number];
export type DealPath = (typeof DEAL_PATHS)[number];
export type DealMotion = (typeof DEAL_MOTIONS)[number];
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export type OwnerSide = (typeof OWNER_SIDES)[number];

/** A Salesforce Id, a date `YYYY-MM-DD`, or a datetime ISO string, as the APIs return them. */
type Id = string;
type IsoDate = string;
type IsoDateTime = string;
type Maybe<T> = T | null | undefined;

/** A user lookup's relationship, as SOQL (`Channel_Account_Manager__r.Name`) returns it. */
export interface UserRef {
  Name?: Maybe<string>;
}

export interface PartnerAccount {
  Id: Id;
  Name?: Maybe<string>;
  Partner_Type__c?: Maybe<string>;
  Partner_Track__c?: Maybe<string>;
  Partner_Status__c?: Maybe<string>;
  Partner_Region__c?: Maybe<string>;
  Channel_Account_Manager__c?: Maybe<Id>;
  Channel_Account_Manager__r?: Maybe<UserRef>;
  Select_Invited_On__c?: Maybe<IsoDate>;
  Exec_Sponsored_JBP__c?: Maybe<boolean>;
  Dedicated_DevOps_Practice__c?: Maybe<boolean>;
  Net_ARR_Trailing_12M__c?: Maybe<number>;
  Demand_Gen_Activities_This_Quarter__c?: Maybe<number>;
  Track_Requirements_Met__c?: Maybe<boolean>;
  Select_Eligible__c?: Maybe<boolean>;
  Track_Gaps__c?: Maybe<string>;
}

export interface CustomerAccount {
  Id: Id;
  Name?: Maybe<string>;
  Incumbent_Partner__c?: Maybe<Id>;
  Incumbent_Since__c?: Maybe<IsoDate>;
}

export interface PartnerCertification {
  Id: Id;
  Partner_Account__c?: Maybe<Id>;
  Contact__c?: Maybe<Id>;
  Certification__c?: Maybe<string>;
  Region__c?: Maybe<string>;
  Earned_On__c?: Maybe<IsoDate>;
  Expires_On__c?: Maybe<IsoDate>;
  External_Id__c?: Maybe<string>;
}

export interface DealRegistration {
  Id: Id;
  Name?: Maybe<string>;
  Partner_Account__c?: Maybe<Id>;
  Distributor__c?: Maybe<Id>;
  Customer_Account__c?: Maybe<Id>;
  Customer_Name__c?: Maybe<string>;
  Customer_Domain__c?: Maybe<string>;
  Customer_Country__c?: Maybe<string>;
  Opportunity__c?: Maybe<Id>;
  Status__c?: Maybe<string>;
  Deal_Type__c?: Maybe<string>;
  Engagement__c?: Maybe<string>;
  Estimated_Amount__c?: Maybe<number>;
  Submitted_At__c?: Maybe<IsoDateTime>;
  Approved_On__c?: Maybe<IsoDate>;
  Expires_On__c?: Maybe<IsoDate>;
  Extensions__c?: Maybe<number>;
  Is_Tender__c?: Maybe<boolean>;
  External_Id__c?: Maybe<string>;
  Conflict_Status__c?: Maybe<string>;
  Conflict_Summary__c?: Maybe<string>;
  Match_Score__c?: Maybe<number>;
}

export interface Opportunity {
  Id: Id;
  Name?: Maybe<string>;
  AccountId?: Maybe<Id>;
  StageName?: Maybe<string>;
  IsClosed?: Maybe<boolean>;
  IsWon?: Maybe<boolean>;
  CloseDate?: Maybe<IsoDate>;
  Amount?: Maybe<number>;
  Deal_Path__c?: Maybe<string>;
  Deal_Motion__c?: Maybe<string>;
  Partner_Account__c?: Maybe<Id>;
  Distributor__c?: Maybe<Id>;
  Registered_Deal__c?: Maybe<Id>;
  Deal_Type__c?: Maybe<string>;
  Engagement__c?: Maybe<string>;
  Influence_Partner__c?: Maybe<Id>;
  Fulfillment_Partner__c?: Maybe<Id>;
  Direct_Sale_Approved_By__c?: Maybe<Id>;
  Direct_Sale_Approved_On__c?: Maybe<IsoDate>;
  Customer_Requested_Partner_Change__c?: Maybe<boolean>;
  Program_Discount_Pct__c?: Maybe<number>;
  Channel_Neutral_Amount__c?: Maybe<number>;
}

/** A Joint_Pursuit_Plan__c: its section fields are named by the rules file's plan sections. */
export interface PursuitPlan {
  Id?: Maybe<Id>;
  Opportunity__c?: Maybe<Id>;
  Partner_Account__c?: Maybe<Id>;
  Template__c?: Maybe<string>;
  Status__c?: Maybe<string>;
  Completion_Pct__c?: Maybe<number>;
  [sectionField: string]: unknown;
}

export interface PursuitPlanMilestone {
  Id?: Maybe<Id>;
  Name?: Maybe<string>;
  Joint_Pursuit_Plan__c?: Maybe<Id>;
  Owner_Side__c?: Maybe<string>;
  Owner__c?: Maybe<Id>;
  Due_Date__c?: Maybe<IsoDate>;
  Done__c?: Maybe<boolean>;
  Order__c?: Maybe<number>;
}

/** Narrows a raw picklist value to the agreed values, or null when it is blank or unknown. */
export function picklistValue<T extends string>(
  values: readonly T[],
  value: string | null | undefined
): T | null {
  return values.find((v) => v === value) ?? null;
}
