/**
 * The contract test: every field, object and relationship the code names exists in force-app.
 * Scans the LWCs, the ppk scripts, the local org and the preview as they are at test time.
 */
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { loadSchema } from '../../scripts/lib/sfMetadata.ts';
import { formatOffences, scanFiles, scanText, sourceFiles } from './contractScan.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const schema = loadSchema();

describe('code ↔ metadata contract', () => {
  test('every schema import and __c / __r token in the code exists in force-app', () => {
    const files = sourceFiles(
      ['force-app/main/default/lwc', 'scripts', 'local-org', 'preview'].map((dir) =>
        join(repoRoot, dir)
      )
    );
    assert.ok(files.length > 0, 'found source files to scan');
    const offences = scanFiles(schema, files, repoRoot);
    assert.equal(offences.length, 0, `Unknown data model names:\n${formatOffences(offences)}`);
  });
});

describe('the scanner itself', () => {
  const scan = (text: string) => scanText(schema, 'panel.ts', text);

  test('resolves schema imports through relationship names', () => {
    assert.deepEqual(
      scan(
        [
          "import PARTNER from '@salesforce/schema/Opportunity.Partner_Account__c';",
          "import TRACK from '@salesforce/schema/Opportunity.Partner_Account__r.Partner_Track__c';",
          "import CAM from '@salesforce/schema/Opportunity.Partner_Account__r.Channel_Account_Manager__r.Name';",
          "import ACCOUNT_NAME from '@salesforce/schema/Opportunity.Account.Name';",
          "import PLAN from '@salesforce/schema/Joint_Pursuit_Plan__c';"
        ].join('\n')
      ),
      []
    );
  });

  test('reports a bad import with file, line, token and why', () => {
    const offences = scan(
      "// header\nimport X from '@salesforce/schema/Opportunity.Partner_Acount__r.Name';"
    );
    assert.deepEqual(offences, [
      {
        file: 'panel.ts',
        line: 2,
        token: '@salesforce/schema/Opportunity.Partner_Acount__r.Name',
        reason: 'no relationship Partner_Acount__r on Opportunity'
      }
    ]);
    assert.match(
      formatOffences(offences),
      /^panel\.ts:2 @salesforce\/schema\/Opportunity\.Partner_Acount__r\.Name/
    );
    assert.equal(
      scan("import '@salesforce/schema/Account.Tier__c';")[0]?.reason,
      'no field Tier__c on Account'
    );
    assert.equal(scan("import '@salesforce/schema/Lead__c.Name';")[0]?.reason, 'no object Lead__c');
  });

  test('checks bare tokens anywhere, and Object.Field tokens on that object', () => {
    assert.deepEqual(
      scan(
        "const soql = `SELECT Id, (SELECT Done__c FROM Milestones__r) FROM Joint_Pursuit_Plan__c WHERE Opportunity__r.StageName = 'x'`;"
      ),
      []
    );
    assert.deepEqual(
      scan('record.Partner_Tier__c = 1;').map((o) => o.token),
      ['Partner_Tier__c']
    );
    assert.deepEqual(
      scan("fields: ['Account.Match_Score__c']").map((o) => `${o.token}: ${o.reason}`),
      ['Account.Match_Score__c: no Match_Score__c on Account']
    );
  });
});
