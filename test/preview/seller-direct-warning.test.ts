/**
 * Journey 1: a seller opens a Direct opportunity whose customer has an approved registration
 * from a partner, and sees the blocking warning naming the partner's CAM (seed 001:144).
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

test('a seller sees the blocking direct-sale warning naming the CAM', async () => {
  const deal = await directDealWithApprovedRegistration(journey, {
    partner: 'Northwind Partners',
    customer: 'Globex',
    opportunity: 'Globex platform'
  });
  await journey.actAs('seller');
  const { page } = journey;
  await page.goto(`${journey.preview.url}/lightning/r/Opportunity/${deal.opportunityId}/view`);
  const warning = page.locator('c-partner-attribution .direct-warning');
  await warning.waitFor();
  const text = await warning.innerText();
  assert.match(text, /VP Global Channel Sales/);
  assert.ok(text.includes(deal.camName), `the warning names the CAM ${deal.camName}: ${text}`);
  assert.ok(text.includes('Northwind Partners'), `the warning names the partner: ${text}`);
  await journey.screenshot('seller-direct-warning');
});
