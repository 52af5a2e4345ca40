/**
 * `npm test`: every check a change must pass, in order, each step named, with a closing
 * summary line. Stops at the first failing step so the cause is the last thing printed.
 * `node scripts/build/run-tests.ts jest browser` runs only the steps whose names start so.
 */
import { spawn } from 'node:child_process';
import { globSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './lwc-bundles.ts';

interface Counts {
  passed: number;
  failed: number;
}

interface Step {
  name: string;
  command: string[];
  /** Reads the passed/failed test counts a step reports, if it runs tests. */
  counts?: (output: string, resultFile: string) => Counts;
}

// Each tool's own JS entry, run on this Node (some packages ship bins without the x bit).
const tool = (entry: string) => [process.execPath, join(repoRoot, 'node_modules', entry)];
const tsc = (project: string) => [...tool('typescript/bin/tsc'), '-p', project];

/** Node test files: the browser journeys run as their own step, one file at a time. */
const nodeTestFiles = (browser: boolean) =>
  globSync('test/**/*.test.ts', { cwd: repoRoot })
    .filter((file) => file.startsWith('test/preview/') === browser)
    .sort();

const nodeTestCounts = (output: string): Counts => {
  const number = (label: string) => Number(new RegExp(`ℹ ${label} (\\d+)`).exec(output)?.[1] ?? 0);
  return { passed: number('pass'), failed: number('fail') + number('cancelled') };
};

const nodeTests = (browser: boolean) => [
  process.execPath,
  '--import',
  'tsx',
  '--test',
  '--test-reporter=spec',
  ...(browser ? ['--test-concurrency=1'] : []),
  ...nodeTestFiles(browser)
];

const steps: Step[] = [
  { name: 'typecheck', command: tsc('tsconfig.json') },
  { name: 'typecheck lwc', command: tsc('force-app/main/default/lwc/tsconfig.test.json') },
  { name: 'typecheck preview', command: tsc('preview/tsconfig.json') },
  { name: 'lint', command: [...tool('eslint/bin/eslint.js'), '.'] },
  {
    name: 'format',
    command: [...tool('prettier/bin/prettier.cjs'), '--check', '--log-level', 'warn', '.']
  },
  { name: 'build + LWC compile check', command: [process.execPath, 'scripts/build/build-lwc.ts'] },
  {
    name: 'jest (components and core)',
    command: [...tool('jest/bin/jest.js'), '--ci', '--json', '--outputFile=RESULT'],
    counts: (_output, resultFile) => {
      const result = JSON.parse(readFileSync(resultFile, 'utf8')) as {
        numPassedTests: number;
        numFailedTests: number;
      };
      return { passed: result.numPassedTests, failed: result.numFailedTests };
    }
  },
  {
    name: 'node tests (metadata, CLI, local org, sync, matching)',
    command: nodeTests(false),
    counts: nodeTestCounts
  },
  {
    name: 'browser journeys (preview in Chromium)',
    command: nodeTests(true),
    counts: nodeTestCounts
  }
];

/** Runs a command, streaming its output live and keeping a copy for the counts. */
function run(command: string[]): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command[0], command.slice(1), {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe']
    });
    const chunks: string[] = [];
    child.stdout.on('data', (chunk: Buffer) => {
      chunks.push(chunk.toString());
      process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      chunks.push(chunk.toString());
      process.stderr.write(chunk);
    });
    child.on('close', (status) => resolve({ status, output: chunks.join('') }));
  });
}

const only = process.argv.slice(2);
const work = mkdtempSync(join(tmpdir(), 'ppk-test-'));
let passed = 0;
let failed = 0;
let exitCode = 0;
const started = Date.now();
for (const step of steps) {
  if (only.length && !only.some((o) => step.name.startsWith(o))) continue;
  const resultFile = join(work, `${step.name.replace(/\W+/g, '-')}.json`);
  const command = step.command.map((part) => part.replace('RESULT', resultFile));
  const t0 = Date.now();
  process.stdout.write(`\n▶ ${step.name}\n`);
  const result = await run(command);
  if (step.counts) {
    try {
      const c = step.counts(result.output, resultFile);
      passed += c.passed;
      failed += c.failed;
    } catch {
      // A runner that crashed before reporting counts fails on its exit code below.
    }
  }
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  if (result.status !== 0) {
    process.stdout.write(`✖ ${step.name} failed (exit ${result.status}) after ${seconds}s\n`);
    exitCode = 1;
    break;
  }
  process.stdout.write(`✔ ${step.name} (${seconds}s)\n`);
}
rmSync(work, { recursive: true, force: true });
if (exitCode !== 0 && failed === 0) failed = 1;
process.stdout.write(`\nnpm test finished in ${((Date.now() - started) / 1000).toFixed(1)}s\n`);
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(exitCode);
