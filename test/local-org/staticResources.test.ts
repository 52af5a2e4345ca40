import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { Connection } from '@jsforce/jsforce-node';
import { startLocalOrg } from '../../local-org/server.ts';
import { defaultForceAppDir, loadSchema } from '../../scripts/lib/sfMetadata.ts';

const schema = loadSchema();
const RULES =
  "SELECT Id, ContentType, Body, SystemModstamp FROM StaticResource WHERE Name = 'partnerProgramRules'";
type Resource = { Id: string; ContentType: string; Body: string; SystemModstamp: string };

async function withOrg(
  dataDir: string,
  forceAppDir: string,
  body: (conn: Connection) => Promise<void>
) {
  const org = await startLocalOrg({ dataDir, port: 0, seed: 'none', schema, forceAppDir });
  try {
    await body(
      new Connection({
        instanceUrl: org.instanceUrl,
        accessToken: org.accessToken,
        version: '62.0'
      })
    );
  } finally {
    await org.stop();
  }
}

test("the project's static resources are in the org as a deploy puts them, and follow edits", async () => {
  const work = mkdtempSync(join(tmpdir(), 'ppk-resources-'));
  const forceAppDir = join(work, 'force-app');
  cpSync(join(defaultForceAppDir, 'staticresources'), join(forceAppDir, 'staticresources'), {
    recursive: true
  });
  const rulesPath = join(forceAppDir, 'staticresources/partnerProgramRules.json');
  const dataDir = join(work, 'org');
  try {
    let first: Resource | undefined;
    await withOrg(dataDir, forceAppDir, async (conn) => {
      const { records } = await conn.query<Resource>(RULES);
      assert.equal(records.length, 1);
      first = records[0];
      assert.equal(first.ContentType, 'application/json');
      assert.equal(
        Buffer.from(first.Body, 'base64').toString('utf8'),
        readFileSync(rulesPath, 'utf8')
      );
    });
    await withOrg(dataDir, forceAppDir, async (conn) => {
      const { records } = await conn.query<Resource>(RULES);
      assert.deepEqual(records[0], first, 'an unchanged resource is not rewritten');
    });
    writeFileSync(rulesPath, '{ "edited": true }\n');
    await withOrg(dataDir, forceAppDir, async (conn) => {
      const { records } = await conn.query<Resource>(RULES);
      assert.equal(records.length, 1);
      assert.equal(records[0].Id, first?.Id, 'updated in place, by Name');
      assert.equal(Buffer.from(records[0].Body, 'base64').toString('utf8'), '{ "edited": true }\n');
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
