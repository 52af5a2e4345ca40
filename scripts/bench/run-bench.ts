/**
 * `npm run bench`: every benchmark, each in its own process (so peak memory is its own), and
 * one table at the end. Matching quality on the dev set (ours, ours without the curated names
 * list, and the naive baseline), then the scale runs on synthetic data: 10k, 100k and 1M accounts
 * (`--quick` skips 1M).
 * Runs on plain Node 22 (type stripping); the benchmarks themselves run through tsx.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const here = import.meta.dirname;
const quick = process.argv.includes('--quick');

function runJson(script: string, args: string[] = []): Record<string, unknown> {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(here, script), ...args], {
    cwd: join(here, '..', '..'),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024
  });
  if (run.status !== 0) {
    process.stderr.write(`${script} ${args.join(' ')} failed (exit ${run.status}).\n`);
    process.exit(1);
  }
  return JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as Record<string, unknown>;
}

const fixed = (value: unknown, digits: number) => Number(value).toFixed(digits);

process.stdout.write('▶ matching quality on ../shared/data/matching-dev\n');
const quality = runJson('matching.ts', ['--json']) as Record<string, Record<string, number>>;
// `ours, no list`: the same matcher without its curated renames list, shown so a reader sees how
// much of the figure is curated knowledge rather than general rules.
console.log('matcher        precision  recall   F1      correct  wrong  missed');
for (const [key, label] of [
  ['ours', 'ours'],
  ['oursWithoutKnownNames', 'ours, no list'],
  ['baseline', 'baseline']
]) {
  const s = quality[key];
  console.log(
    `${label.padEnd(14)} ${fixed(s.precision, 4)}     ${fixed(s.recall, 4)}   ${fixed(s.f1, 4)}  ${String(s.correct).padStart(7)}  ${String(s.wrongAccount + s.falseMatchOnNew).padStart(5)}  ${String(s.missed).padStart(6)}`
  );
}

const sizes: Array<[number, number]> = [
  [10_000, 10_000],
  [100_000, 100_000],
  ...(quick ? [] : ([[1_000_000, 100_000]] as Array<[number, number]>))
];
process.stdout.write(
  '\n▶ scale (synthetic accounts and registrations; build + match, one process each)\n'
);
console.log(
  'accounts   registrations  build s  match s  total s  cpu s   peak RSS MB  synthetic P / R'
);
for (const [accounts, registrations] of sizes) {
  const r = runJson('scale.ts', [
    '--accounts',
    String(accounts),
    '--registrations',
    String(registrations)
  ]);
  console.log(
    `${String(accounts).padEnd(10)} ${String(registrations).padEnd(14)} ${fixed(r.buildSeconds, 2).padStart(7)}  ${fixed(r.matchSeconds, 2).padStart(7)}  ${fixed(r.totalSeconds, 2).padStart(7)}  ${fixed(r.cpuSeconds, 2).padStart(6)}  ${String(r.peakRssMb).padStart(11)}  ${fixed(r.precision, 4)} / ${fixed(r.recall, 4)}`
  );
}
console.log('\nTarget: 100k registrations against 1M accounts under 20 s and 3 GB (2 cores).');

process.stdout.write('\n▶ deal-regs import into a local org (the real CLI, the same file twice)\n');
const sync = runJson('syncImport.ts', [...(quick ? ['--quick'] : []), '--json'])
  .syncImport as Array<{
  registrations: number;
  minimumWriteCalls: number;
  first: Record<string, number>;
  second: Record<string, number>;
}>;
console.log('registrations  run     wall s  API calls  write calls  physical minimum');
for (const r of sync) {
  const runs = [
    ['first', r.first, r.minimumWriteCalls],
    ['second', r.second, 0]
  ] as const;
  for (const [label, f, min] of runs) {
    console.log(
      `${String(r.registrations).padEnd(14)} ${label.padEnd(6)} ${fixed(f.seconds, 2).padStart(7)}  ${String(f.apiCalls).padStart(9)}  ${String(f.writeCalls).padStart(11)}  ${String(min).padStart(16)}`
    );
  }
}
console.log('Target: the second, unchanged run makes zero write calls.');
