/**
 * The core's picklists (records.ts, used by the rules schema and the components) and the org's
 * restricted picklists (force-app metadata) are the same lists: a value added to one and not the
 * other would be refused by the org or ignored by the rules.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import * as core from '../../force-app/main/default/lwc/partnerProgram/partnerProgram.ts';
import { loadSchema } from '../../scripts/lib/sfMetadata.ts';

const schema = loadSchema();
const values = (object: string, field: string) => schema.field(object, field)?.picklist?.values;

const pairs: [string, string, readonly string[]][] = [
  ['Account', 'Partner_Type__c', core.PARTNER_TYPES],
  ['Account', 'Partner_Track__c', core.PARTNER_TRACKS],
  ['Account', 'Partner_Status__c', core.PARTNER_STATUSES],
  ['Account', 'Partner_Region__c', core.REGIONS],
  ['Partner_Certification__c', 'Region__c', core.REGIONS],
  ['Partner_Certification__c', 'Certification__c', core.CERTIFICATIONS],
  ['Deal_Registration__c', 'Status__c', core.REGISTRATION_STATUSES],
  ['Deal_Registration__c', 'Deal_Type__c', core.DEAL_TYPES],
  ['Opportunity', 'Deal_Type__c', core.DEAL_TYPES],
  ['Deal_Registration__c', 'Engagement__c', core.ENGAGEMENTS],
  ['Opportunity', 'Engagement__c', core.ENGAGEMENTS],
  ['Deal_Registration__c', 'Conflict_Status__c', core.CONFLICT_STATUSES],
  ['Opportunity', 'Deal_Path__c', core.DEAL_PATHS],
  ['Opportunity', 'Deal_Motion__c', core.DEAL_MOTIONS],
  ['Joint_Pursuit_Plan__c', 'Status__c', core.PLAN_STATUSES],
  ['Pursuit_Plan_Milestone__c', 'Owner_Side__c', core.OWNER_SIDES]
];

for (const [object, field, coreValues] of pairs) {
  test(`${object}.${field} holds exactly the core's values`, () => {
    assert.deepEqual(values(object, field), [...coreValues]);
  });
}

test("the shipped rules file's stages are the org's Opportunity stages, in order", () => {
  const file = join(
    import.meta.dirname,
    '../../force-app/main/default/staticresources/partnerProgramRules.json'
  );
  const rules = core.parseProgramRules(JSON.parse(readFileSync(file, 'utf8')));
  assert.deepEqual(rules.stageGates.stages, values('Opportunity', 'StageName'));
});
