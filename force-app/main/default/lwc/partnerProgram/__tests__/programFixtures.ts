/** Shared fixtures for the core's tests: the shipped rules file and record builders. */
import rulesJson from '../../../staticresources/partnerProgramRules.json';
import { parseProgramRules } from '../rulesSchema';
import type {
  DealRegistration,
  Opportunity,
  PartnerAccount,
  PartnerCertification
} from '../records';
import type { ProgramRules } from '../rules';

export const AS_OF = '2026-11-23';

/** A deep copy of the shipped file's JSON, free to break in a test. */
export function rawRules(): Record<string, unknown> {
  return JSON.parse(JSON.stringify(rulesJson)) as Record<string, unknown>;
}

export const rules: ProgramRules = parseProgramRules(rawRules());

export function partner(fields: Partial<PartnerAccount> = {}): PartnerAccount {
  return {
    Id: '001P00000000001',
    Name: 'Acme DevOps',
    Partner_Type__c: 'VAR',
    Partner_Track__c: 'Open',
    Partner_Status__c: 'Authorized',
    Partner_Region__c: 'EMEA',
    Channel_Account_Manager__c: '005000000000001',
    Channel_Account_Manager__r: { Name: 'Dana Cam' },
    Exec_Sponsored_JBP__c: false,
    Dedicated_DevOps_Practice__c: false,
    Net_ARR_Trailing_12M__c: 0,
    Demand_Gen_Activities_This_Quarter__c: 0,
    ...fields
  };
}

let certSeq = 0;
/** `people` certifications of one kind, one distinct Contact__c each, valid on AS_OF in EMEA. */
export function certs(
  certification: string,
  people: number,
  fields: Partial<PartnerCertification> = {}
): PartnerCertification[] {
  return Array.from({ length: people }, () => {
    certSeq += 1;
    return {
      Id: `a01C${String(certSeq).padStart(11, '0')}`,
      Partner_Account__c: '001P00000000001',
      Contact__c: `003C${String(certSeq).padStart(11, '0')}`,
      Certification__c: certification,
      Region__c: 'EMEA',
      Earned_On__c: '2026-01-10',
      Expires_On__c: '2027-01-10',
      ...fields
    };
  });
}

/** Everything Select asks for (003:59-65, 003:51-52), for a partner in EMEA. */
export function selectReadyCertifications(): PartnerCertification[] {
  return [
    ...certs('Sales Core', 4),
    ...certs('Sales Professional', 1),
    ...certs('Solution Architect', 2),
    ...certs('Professional Services', 1)
  ];
}

export const selectReadyFields: Partial<PartnerAccount> = {
  Exec_Sponsored_JBP__c: true,
  Dedicated_DevOps_Practice__c: true,
  Net_ARR_Trailing_12M__c: 300000,
  Demand_Gen_Activities_This_Quarter__c: 1
};

export function registration(fields: Partial<DealRegistration> = {}): DealRegistration {
  return {
    Id: 'a02R00000000001',
    Name: 'DR-0001',
    Partner_Account__c: '001P00000000001',
    Customer_Account__c: '001C00000000001',
    Opportunity__c: '006O00000000001',
    Status__c: 'Submitted',
    Deal_Type__c: 'Resale',
    Engagement__c: 'Partner Sourced',
    Submitted_At__c: '2026-10-01T09:00:00.000+0000',
    ...fields
  };
}

export function opportunity(fields: Partial<Opportunity> = {}): Opportunity {
  return {
    Id: '006O00000000001',
    Name: 'Globex platform',
    AccountId: '001C00000000001',
    StageName: 'Qualification',
    IsClosed: false,
    Deal_Path__c: 'Channel',
    Deal_Motion__c: 'New Logo',
    Partner_Account__c: '001P00000000001',
    Deal_Type__c: 'Resale',
    Engagement__c: 'Partner Sourced',
    ...fields
  };
}
