/**
 * Journey 5: a seller, whose permission set (Channel Seller) reads pursuit plans but edits
 * nothing of the program, sees the CAM's plan read-only; and the org refuses a write the page
 * might still attempt.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openJourney, type Journey } from './harness.ts';
import { directDealWithApprovedRegistration, isoDate } from './records.ts';

let journey: Journey;

before(async () => {
  journey = await openJourney();
});

after(async () => {
  await journey?.close();
});

test('a seller sees the pursuit plan read-only and cannot save it', async () => {
  const deal = await directDealWithApprovedRegistration(journey, {
    partner: 'Tailspin Partners',
    customer: 'Umbrella',
    opportunity: 'Umbrella CI'
  });
  const objectives = 'Standardise CI for 12 product teams';
  const planId = await journey.create('Joint_Pursuit_Plan__c', {
    Name: 'New logo, partner-sourced resale',
    Opportunity__c: deal.opportunityId,
    Partner_Account__c: deal.partnerId,
    Template__c: 'new-logo-partner-sourced',
    Status__c: 'Draft',
    Customer_Objectives__c: objectives
  });
  const milestoneId = await journey.create('Pursuit_Plan_Milestone__c', {
    Name: 'Discovery meeting with the customer',
    Joint_Pursuit_Plan__c: planId,
    Owner_Side__c: 'Partner',
    Due_Date__c: isoDate(10),
    Order__c: 1,
    Done__c: false
  });
  await journey.actAs('seller');
  const { page } = journey;
  await page.goto(`${journey.preview.url}/lightning/r/Opportunity/${deal.opportunityId}/view`);
  const plan = page.locator('c-joint-pursuit-plan');
  await plan.locator('.read-only').waitFor();
  const objectivesSection = plan.locator('[data-section="Customer_Objectives__c"]');
  assert.equal(
    await objectivesSection.locator('.section-value').innerText(),
    objectives,
    'the seller reads the plan'
  );
  assert.equal(await plan.locator('textarea').count(), 0, 'no section is editable');
  assert.equal(await plan.locator('lightning-button.save').count(), 0, 'there is no Save button');
  assert.equal(
    await plan.locator('li.milestone input[type="checkbox"]').first().isDisabled(),
    true
  );

  const refused = await page.evaluate(async (id) => {
    const response = await fetch(`/services/data/v62.0/ui-api/records/${id}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ fields: { Done__c: true } })
    });
    return { status: response.status, body: await response.text() };
  }, milestoneId);
  assert.equal(refused.status, 403, refused.body);
  assert.match(refused.body, /INSUFFICIENT_ACCESS_OR_READONLY/);
  const [milestone] = await journey.query<{ Done__c: boolean }>(
    `SELECT Done__c FROM Pursuit_Plan_Milestone__c WHERE Id = '${milestoneId}'`
  );
  assert.equal(milestone.Done__c, false, 'the milestone is unchanged in the org');
  await journey.screenshot('seller-plan-read-only');
});
