import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { samplePlan } from '../../local-org/seed.ts';
import { pick, pickAll, raw, startOrg, type Running } from './helpers.ts';

let running: Running;
before(async () => {
  running = await startOrg({ seed: 'demo' });
});
after(() => running.dispose());

type Row = Record<string, unknown>;
const q = async (soql: string) => (await running.conn.query<Row>(soql)).records;

test('--seed demo loads every record of the sf data tree plan', async () => {
  const plan = JSON.parse(readFileSync(samplePlan, 'utf8')) as {
    sobject: string;
    files: string[];
  }[];
  const expected = new Map<string, number>();
  for (const entry of plan) {
    for (const file of entry.files) {
      const { records } = JSON.parse(
        readFileSync(new URL(`../../data/${file}`, import.meta.url), 'utf8')
      ) as { records: unknown[] };
      expected.set(entry.sobject, (expected.get(entry.sobject) ?? 0) + records.length);
    }
  }
  for (const [object, count] of expected) {
    assert.equal(
      (await running.conn.query(`SELECT COUNT() FROM ${object}`)).totalSize,
      count,
      object
    );
  }
});

test('the demo has the people of the program as users', async () => {
  const titles = (await q('SELECT Title FROM User')).map((u) => u.Title);
  for (const title of [
    'Account Executive',
    'Channel Account Manager',
    'Channel Operations',
    'VP Global Channel Sales'
  ]) {
    assert.ok(titles.includes(title), title);
  }
  const partners = await q(
    `SELECT Name, Channel_Account_Manager__r.Title FROM Account WHERE Partner_Track__c != null`
  );
  assert.ok(
    partners.every((p) => pick(p, 'Channel_Account_Manager__r.Title') === 'Channel Account Manager')
  );
});

test('the demo stories are there: tracks, a Denied partner, the direct deal over an approved registration', async () => {
  const tracks = await q(
    `SELECT Partner_Track__c, COUNT(Id) FROM Account WHERE Partner_Track__c != null GROUP BY Partner_Track__c`
  );
  assert.deepEqual(tracks.map((t) => t.Partner_Track__c).sort(), ['Open', 'Select', 'Technology']);
  assert.equal((await q(`SELECT Id FROM Account WHERE Partner_Status__c = 'Denied'`)).length, 1);
  const regions = await q(
    `SELECT Partner_Region__c FROM Account WHERE Partner_Region__c != null GROUP BY Partner_Region__c`
  );
  assert.ok(regions.length >= 3);
  // seed 001: no direct selling of an opportunity with an approved registration without VP approval
  const blocked = await q(
    `SELECT Name, (SELECT Partner_Account__r.Name FROM Deal_Registrations__r WHERE Status__c = 'Approved') FROM Opportunity WHERE Deal_Path__c = 'Direct' AND Direct_Sale_Approved_By__c = null`
  );
  const withApproved = blocked.filter((o) => o.Deal_Registrations__r !== null);
  assert.equal(withApproved.length, 1);
  assert.equal(
    pick(withApproved[0], 'Deal_Registrations__r.records.0.Partner_Account__r.Name'),
    'Kestrel Cloud Solutions'
  );
  assert.equal((await q(`SELECT Id FROM Opportunity WHERE Deal_Motion__c = 'Renewal'`)).length, 1);
  const statuses = (await q(`SELECT Status__c FROM Deal_Registration__c GROUP BY Status__c`))
    .map((r) => r.Status__c)
    .sort();
  assert.deepEqual(statuses, ['Approved', 'Denied', 'Expired', 'Returned', 'Submitted']);
  const plan = await q(
    `SELECT Name, (SELECT Name FROM Milestones__r ORDER BY Order__c) FROM Joint_Pursuit_Plan__c`
  );
  assert.equal(plan.length, 1);
  assert.equal(pick(plan[0], 'Milestones__r.totalSize'), 4);
});

test('the sample plan imports through /composite/tree the way `sf data tree import` sends it', async () => {
  const empty = await startOrg();
  try {
    const plan = JSON.parse(readFileSync(samplePlan, 'utf8')) as {
      sobject: string;
      files: string[];
      saveRefs?: boolean;
      resolveRefs?: boolean;
    }[];
    const refs = new Map<string, string>();
    for (const entry of plan) {
      for (const file of entry.files) {
        const { records } = JSON.parse(
          readFileSync(new URL(`../../data/${file}`, import.meta.url), 'utf8')
        ) as {
          records: Record<string, unknown>[];
        };
        const resolved = records.map((record) =>
          Object.fromEntries(
            Object.entries(record).map(([key, value]) =>
              entry.resolveRefs && typeof value === 'string' && value.startsWith('@')
                ? [key, refs.get(value.slice(1))]
                : [key, value]
            )
          )
        );
        const response = await raw(
          empty.org,
          `/services/data/v62.0/composite/tree/${entry.sobject}`,
          {
            method: 'POST',
            body: JSON.stringify({ records: resolved })
          }
        );
        assert.equal(response.status, 201, `${file}: ${JSON.stringify(response.body)}`);
        for (const result of pick(response.body, 'results') as {
          referenceId: string;
          id: string;
        }[]) {
          if (entry.saveRefs) refs.set(result.referenceId, result.id);
        }
      }
    }
    for (const object of [
      'Account',
      'Opportunity',
      'Deal_Registration__c',
      'Pursuit_Plan_Milestone__c'
    ]) {
      const seeded = (await running.conn.query(`SELECT COUNT() FROM ${object}`)).totalSize;
      assert.equal(
        (await empty.conn.query(`SELECT COUNT() FROM ${object}`)).totalSize,
        seeded,
        object
      );
    }
  } finally {
    await empty.dispose();
  }
});

test('a tree request creates nested children, and rolls back entirely when one record fails', async () => {
  const empty = await startOrg();
  try {
    const tree = (records: unknown[]) =>
      raw(empty.org, '/services/data/v62.0/composite/tree/Account', {
        method: 'POST',
        body: JSON.stringify({ records })
      });
    const ok = await tree([
      {
        attributes: { type: 'Account', referenceId: 'P1' },
        Name: 'Tree Partner',
        Partner_Certifications__r: {
          records: [
            {
              attributes: { type: 'Partner_Certification__c', referenceId: 'C1' },
              Certification__c: 'Sales Core'
            }
          ]
        }
      }
    ]);
    assert.equal(ok.status, 201);
    assert.deepEqual(pickAll(ok.body, 'results', 'referenceId'), ['P1', 'C1']);
    const certs = await empty.conn.query(
      `SELECT Partner_Account__r.Name FROM Partner_Certification__c`
    );
    assert.equal(pick(certs.records[0], 'Partner_Account__r.Name'), 'Tree Partner');
    const bad = await tree([
      { attributes: { type: 'Account', referenceId: 'G1' }, Name: 'Good' },
      { attributes: { type: 'Account', referenceId: 'B1' }, Name: 'Bad', Partner_Track__c: 'Gold' }
    ]);
    assert.equal(bad.status, 400);
    assert.equal(pick(bad.body, 'hasErrors'), true);
    assert.deepEqual(pickAll(bad.body, 'results', 'referenceId'), ['B1']);
    assert.equal(
      (await empty.conn.query(`SELECT COUNT() FROM Account WHERE Name = 'Good'`)).totalSize,
      0
    );
  } finally {
    await empty.dispose();
  }
});

test('a second start on the same data dir reuses the data instead of seeding again', async () => {
  const before = (await running.conn.query('SELECT COUNT() FROM Account')).totalSize;
  await running.stop();
  const again = await startOrg({ dataDir: running.dataDir, seed: 'demo' });
  try {
    assert.equal((await again.conn.query('SELECT COUNT() FROM Account')).totalSize, before);
  } finally {
    await again.stop();
  }
});

test('--seed volume is deterministic: the same size gives the same records', async () => {
  const snapshot = async () => {
    const org = await startOrg({ seed: 'volume', volumeAccounts: 40 });
    try {
      const accounts = await org.conn.query<Row>(
        'SELECT Id, Name, Partner_Track__c FROM Account ORDER BY Name'
      );
      const regs = await org.conn.query<Row>(
        'SELECT External_Id__c, Status__c, Partner_Account__r.Name FROM Deal_Registration__c ORDER BY External_Id__c'
      );
      const certs = await org.conn.query('SELECT COUNT() FROM Partner_Certification__c');
      return { accounts: accounts.records, regs: regs.records, certs: certs.totalSize };
    } finally {
      await org.dispose();
    }
  };
  const first = await snapshot();
  assert.equal(first.accounts.length, 40);
  assert.equal(first.certs, 4 * 5);
  assert.ok(first.regs.length > 10);
  assert.deepEqual(await snapshot(), first);
});
