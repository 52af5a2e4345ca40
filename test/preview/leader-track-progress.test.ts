/**
 * Journey 3: a channel leader (signed in as the CAM) opens an Open partner's account and sees
 * each track requirement's progress and what stands between the partner and Select
 * (seed 003's requirements table: Sales Core verified 2 Open / 4 Select).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openJourney, userId, type Journey } from './harness.ts';
import { isoDate } from './records.ts';

let journey: Journey;

before(async () => {
  journey = await openJourney();
});

after(async () => {
  await journey?.close();
});

test('an Open partner shows requirement progress and the gap to Select', async () => {
  const partnerId = await journey.create('Account', {
    Name: 'Fabrikam DevOps',
    Partner_Type__c: 'RSI',
    Partner_Track__c: 'Open',
    Partner_Status__c: 'Authorized',
    Partner_Region__c: 'EMEA',
    Channel_Account_Manager__c: await userId(journey, 'cam')
  });
  const people = ['Ada', 'Grace', 'Linus'];
  for (const [i, first] of people.entries()) {
    const contactId = await journey.create('Contact', {
      FirstName: first,
      LastName: 'Engineer',
      AccountId: partnerId
    });
    await journey.create('Partner_Certification__c', {
      Partner_Account__c: partnerId,
      Contact__c: contactId,
      Certification__c: 'Sales Core',
      Region__c: 'EMEA',
      Earned_On__c: isoDate(-100),
      Expires_On__c: isoDate(265),
      External_Id__c: `journey3-${i}`
    });
  }
  await journey.actAs('cam');
  const { page } = journey;
  await page.goto(`${journey.preview.url}/lightning/r/Account/${partnerId}/view`);
  const panel = page.locator('c-partner-track-panel');
  const towardSelect = panel.locator('.toward-select');
  await towardSelect.waitFor();
  // seed 003: Sales Core verified people, 2 for Open (met with 3) and 4 for Select (3 of 4).
  const salesCore = panel.locator('.select-requirement', { hasText: 'Sales Core' }).first();
  assert.match(await salesCore.locator('.progress').innerText(), /3\s*\/\s*4/);
  assert.ok(
    (await salesCore.locator('.gap').innerText()).length > 0,
    'the Select gap for Sales Core is spelled out'
  );
  const openSalesCore = panel
    .locator('ul.requirements .requirement', { hasText: 'Sales Core' })
    .first();
  assert.match(await openSalesCore.locator('.progress').innerText(), /3\s*\/\s*2/);
  assert.equal(
    await towardSelect.locator('.eligible').count(),
    0,
    'a partner short of Select is not eligible for invitation'
  );
  await journey.screenshot('leader-track-progress');
});
