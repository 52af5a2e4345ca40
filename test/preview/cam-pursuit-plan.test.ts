/**
 * Journey 2: a CAM creates a joint pursuit plan from a template on a new registration's
 * opportunity (seed 001:146-147), fills a section, ticks a milestone, saves, reloads the page
 * and finds it all persisted in the org.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openJourney, type Journey } from './harness.ts';
import { directDealWithApprovedRegistration } from './records.ts';

let journey: Journey;

before(async () => {
  journey = await openJourney();
});

after(async () => {
  await journey?.close();
});

test('a CAM creates, fills and saves a pursuit plan that survives a reload', async () => {
  const deal = await directDealWithApprovedRegistration(journey, {
    partner: 'Contoso Services',
    customer: 'Initech',
    opportunity: 'Initech DevOps'
  });
  const { page } = journey;
  const url = `${journey.preview.url}/lightning/r/Opportunity/${deal.opportunityId}/view`;
  // The seller (the default user) has no plan and may not create one; the CAM may.
  await page.goto(url);
  await page.locator('c-joint-pursuit-plan .no-plan').waitFor();
  await Promise.all([page.waitForURL(url), page.selectOption('#ppk-user', 'cam')]);
  const plan = page.locator('c-joint-pursuit-plan');
  await plan.locator('lightning-combobox.template-choice').waitFor();
  assert.equal(await page.locator('#ppk-user').inputValue(), 'cam');
  await plan.locator('lightning-button.create button').click();
  await page.locator('#ppk-toasts .slds-notify_toast[data-variant="success"]').waitFor();
  const firstSection = plan.locator('[data-section] textarea').first();
  await firstSection.waitFor();
  const objective = 'Cut release lead time from weeks to hours across 40 teams';
  await firstSection.fill(objective);
  await firstSection.blur();
  const milestone = plan.locator('li.milestone lightning-input').first();
  await milestone.waitFor();
  const milestoneId = await milestone.getAttribute('data-id');
  // SLDS draws the checkbox over the hidden input: click what the user sees.
  await milestone.locator('.slds-checkbox_faux').click();
  assert.equal(await milestone.locator('input[type="checkbox"]').isChecked(), true);
  await plan.locator('lightning-button.save button').click();
  await page
    .locator('#ppk-toasts .slds-notify_toast[data-variant="success"] >> text=/saved/i')
    .waitFor();

  await page.reload();
  await plan.locator('[data-section] textarea').first().waitFor();
  assert.equal(await plan.locator('[data-section] textarea').first().inputValue(), objective);
  assert.equal(await plan.locator('li.milestone input[type="checkbox"]').first().isChecked(), true);

  const [saved] = await journey.query<{ Id: string; Done__c: boolean }>(
    `SELECT Id, Done__c FROM Pursuit_Plan_Milestone__c WHERE Id = '${milestoneId}'`
  );
  assert.equal(saved?.Done__c, true, 'the ticked milestone is saved in the org');
  await journey.screenshot('cam-pursuit-plan');
});
