import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { matchingDevDir, runMatchingBench } from '../../scripts/bench/matching.ts';
import { scoreMatches } from '../../scripts/lib/scoreMatches.ts';

// The labelled dev set lives beside the clone (../shared/data/matching-dev), in CI too.
const PRECISION_FLOOR = 0.98;
const RECALL_FLOOR = 0.85;
// Without the curated renames list: the general rules alone (what carries over to other data).
const RECALL_FLOOR_WITHOUT_LIST = 0.83;

test('customer matching on the labelled dev set keeps precision ≥ 0.98 and recall ≥ 0.85 (≥ 0.83 without the curated list)', () => {
  assert.ok(existsSync(matchingDevDir), `the dev set is missing at ${matchingDevDir}`);
  const { ours, oursWithoutKnownNames, baseline } = runMatchingBench();
  assert.ok(
    ours.precision >= PRECISION_FLOOR,
    `precision ${ours.precision.toFixed(4)} < ${PRECISION_FLOOR}`
  );
  assert.ok(ours.recall >= RECALL_FLOOR, `recall ${ours.recall.toFixed(4)} < ${RECALL_FLOOR}`);
  assert.ok(
    oursWithoutKnownNames.precision >= PRECISION_FLOOR,
    `precision without the known-names list ${oursWithoutKnownNames.precision.toFixed(4)} < ${PRECISION_FLOOR}`
  );
  assert.ok(
    oursWithoutKnownNames.recall >= RECALL_FLOOR_WITHOUT_LIST,
    `recall without the known-names list ${oursWithoutKnownNames.recall.toFixed(4)} < ${RECALL_FLOOR_WITHOUT_LIST}`
  );
  // The naive baseline of the set's README is far behind: the bench compares like with like.
  assert.ok(baseline.recall < ours.recall && baseline.precision < ours.precision);
});

test(
  'our scorer agrees with the official score.py',
  { skip: !existsSync(join(matchingDevDir, 'score.py')) },
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'ppk-score-'));
    const file = join(dir, 'predictions.csv');
    // One of each outcome: correct (via a duplicate), wrong account, false match, miss, abstention.
    const labels = new Map([
      ['R1', { expected: 'A1', acceptable: ['A2'] }],
      ['R2', { expected: 'A3', acceptable: [] }],
      ['R3', { expected: '', acceptable: [] }],
      ['R4', { expected: 'A4', acceptable: [] }],
      ['R5', { expected: '', acceptable: [] }]
    ]);
    const predictions = new Map([
      ['R1', 'A2'],
      ['R2', 'A9'],
      ['R3', 'A1'],
      ['R4', ''],
      ['R5', '']
    ]);
    const score = scoreMatches(labels, predictions);
    assert.deepEqual(
      [
        score.correct,
        score.wrongAccount,
        score.falseMatchOnNew,
        score.missed,
        score.correctAbstention
      ],
      [1, 1, 1, 1, 1]
    );
    assert.equal(score.precision, 1 / 3);
    assert.equal(score.recall, 1 / 3);
    // Same numbers from score.py on a tiny data set written in its format.
    writeFileSync(
      join(dir, 'registrations.csv'),
      'External_Id,Customer_Name,Customer_Domain,Customer_Country,Expected_Account_Id,Acceptable_Account_Ids\n' +
        [...labels]
          .map(([id, l]) => `${id},x,,,${l.expected},${l.acceptable.join(';')}`)
          .join('\n') +
        '\n'
    );
    writeFileSync(
      file,
      'External_Id,Predicted_Account_Id\n' +
        [...predictions].map(([id, p]) => `${id},${p}`).join('\n') +
        '\n'
    );
    const run = spawnSync('python3', [join(matchingDevDir, 'score.py'), dir, file], {
      encoding: 'utf8'
    });
    if (run.error) return; // no python3 here: nothing to compare with
    assert.match(run.stdout, /precision:\s+0\.3333/);
    assert.match(run.stdout, /recall:\s+0\.3333/);
  }
);
