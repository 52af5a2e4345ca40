/**
 * Journey 4: ops imports the partner portal's export with `ppk deal-regs import` against the
 * running local org (the CLI finds it with `--target-org local`), and the opportunity page then
 * shows the new registration and the conflict it creates with the approved one (seed 001:144:
 * one approved partner-sourced registration per opportunity; competing ones queue).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { repoRoot } from '../../preview/build.ts';
import { openJourney, userId, type Journey } from './harness.ts';
import { isoDate } from './records.ts';

let journey: Journey;

before(async () => {
  journey = await openJourney();
});

after(async () => {
  await journey?.close();
});

test('an imported registration shows on the opportunity page with its conflict', async () => {
  const camId = await userId(journey, 'cam');
  const partner = (name: string) =>
    journey.create('Account', {
      Name: name,
      Partner_Type__c: 'VAR',
      Partner_Track__c: 'Open',
      Partner_Status__c: 'Authorized',
      Partner_Region__c: 'AMER',
      Channel_Account_Manager__c: camId
    });
  const alpine = await partner('Alpine Partners');
  const boreal = await partner('Boreal Solutions');
  const customer = await journey.create('Account', {
    Name: 'Wingtip Toys',
    Website: 'https://www.wingtiptoys.com'
  });
  const approved = await journey.create('Deal_Registration__c', {
    Partner_Account__c: alpine,
    Customer_Account__c: customer,
    Customer_Name__c: 'Wingtip Toys',
    Customer_Domain__c: 'wingtiptoys.com',
    Status__c: 'Approved',
    Deal_Type__c: 'Resale',
    Engagement__c: 'Partner Sourced',
    Submitted_At__c: new Date(Date.now() - 10 * 86_400_000).toISOString(),
    Approved_On__c: isoDate(-9),
    Expires_On__c: isoDate(81),
    External_Id__c: 'PORTAL-7000'
  });
  const opportunity = await journey.create('Opportunity', {
    Name: 'Wingtip Toys - Platform',
    AccountId: customer,
    StageName: 'Qualification',
    CloseDate: isoDate(45),
    Amount: 120000,
    Deal_Path__c: 'Channel',
    Deal_Motion__c: 'New Logo',
    Deal_Type__c: 'Resale',
    Engagement__c: 'Partner Sourced',
    Partner_Account__c: alpine,
    Registered_Deal__c: approved
  });

  // The portal's export, as ops download it: one new registration from a second partner.
  const exportFile = join(dirname(journey.preview.org.tokenFile), 'portal-export.csv');
  writeFileSync(
    exportFile,
    'Deal Registration Id,Partner,Customer Name,Customer Domain,Customer Country,Deal Type,Engagement,Estimated Amount,Submitted At,Opportunity Id\n' +
      `PORTAL-7001,${boreal},Wingtip Toys Inc.,wingtiptoys.com,United States,Resale,Partner Sourced,"110,000",${isoDate(0)},${opportunity}\n`
  );
  const run = await promisify(execFile)(
    process.execPath,
    [
      join(repoRoot, 'bin', 'ppk.js'),
      'deal-regs',
      'import',
      exportFile,
      '--target-org',
      'local',
      '--rules',
      join(repoRoot, 'force-app/main/default/staticresources/partnerProgramRules.json')
    ],
    {
      cwd: repoRoot,
      env: { ...process.env, PPK_LOCAL_ORG_DIR: dirname(journey.preview.org.tokenFile) }
    }
  );
  assert.match(run.stdout + run.stderr, /1 written \(1 new/, run.stdout + run.stderr);

  await journey.actAs('ops');
  const { page } = journey;
  await page.goto(`${journey.preview.url}/lightning/r/Opportunity/${opportunity}/view`);
  const panel = page.locator('c-deal-reg-conflicts');
  // The conflict lists both registrations in their queue: the approved one first, the import next.
  const warning = panel.locator('.warning', { hasText: 'Boreal Solutions' }).first();
  await warning.waitFor();
  const queue = await warning.locator('.evidence').innerText();
  assert.match(queue, /Alpine Partners \(Approved[\s\S]*Boreal Solutions \(Submitted/);
  await journey.screenshot('ops-deal-reg-import');
});
