/**
 * The org state each journey starts from, created through the org's REST API: a partner with
 * its CAM, a customer, an approved registration and an opportunity, as sellers and CAMs would
 * find them in the org.
 */
import { userId, type Journey } from './harness.ts';

const day = 86_400_000;
export const isoDate = (offsetDays: number): string =>
  new Date(Date.now() + offsetDays * day).toISOString().slice(0, 10);

export interface DirectDealWithRegistration {
  partnerId: string;
  registrationId: string;
  opportunityId: string;
  camName: string;
}

/** A Direct opportunity whose customer has an approved registration from a partner (seed 001:144). */
export async function directDealWithApprovedRegistration(
  journey: Journey,
  deal: { partner: string; customer: string; opportunity: string }
): Promise<DirectDealWithRegistration> {
  const camId = await userId(journey, 'cam');
  const [cam] = await journey.query<{ Name: string }>(
    `SELECT Name FROM User WHERE Id = '${camId}'`
  );
  const partnerId = await journey.create('Account', {
    Name: deal.partner,
    Partner_Type__c: 'VAR',
    Partner_Track__c: 'Select',
    Partner_Status__c: 'Authorized',
    Partner_Region__c: 'AMER',
    Channel_Account_Manager__c: camId
  });
  const customerId = await journey.create('Account', { Name: deal.customer });
  const registrationId = await journey.create('Deal_Registration__c', {
    Partner_Account__c: partnerId,
    Customer_Account__c: customerId,
    Customer_Name__c: deal.customer,
    Status__c: 'Approved',
    Deal_Type__c: 'Resale',
    Engagement__c: 'Partner Sourced',
    Submitted_At__c: new Date(Date.now() - 3 * day).toISOString(),
    Approved_On__c: isoDate(-1),
    Expires_On__c: isoDate(89)
  });
  const opportunityId = await journey.create('Opportunity', {
    Name: deal.opportunity,
    AccountId: customerId,
    StageName: 'Qualification',
    CloseDate: isoDate(60),
    Amount: 100000,
    Deal_Path__c: 'Direct',
    Deal_Motion__c: 'New Logo',
    Partner_Account__c: partnerId,
    Registered_Deal__c: registrationId
  });
  return { partnerId, registrationId, opportunityId, camName: cam.Name };
}
