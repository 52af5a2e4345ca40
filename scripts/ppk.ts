/**
 * `ppk <topic> <verb>`: the command tree. Each topic lives in scripts/commands/<topic>.ts and
 * registers its verbs; a later command is one more module in `topics`, nothing else changes.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { PpkError } from './lib/errors.ts';
import type { JsonEnvelope } from './lib/output.ts';
import { topics } from './commands/index.ts';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

export function buildProgram(): Command {
  const program = new Command('ppk')
    .description(
      'Partner Program Kit: sync and check a channel-partner program in a Salesforce org'
    )
    .version(pkg.version, '-v, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  for (const topic of topics) topic.register(program);
  return program;
}

function wantsJson(argv: string[]): boolean {
  return argv.includes('--json');
}

/** Runs the CLI; returns the exit code (0 only when everything succeeded). */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here with code 0; usage errors were already printed.
      return error.exitCode;
    }
    const known = error instanceof PpkError;
    const message = error instanceof Error ? error.message : String(error);
    const envelope: JsonEnvelope<never> = {
      status: known ? error.exitCode : 1,
      name: known ? error.code : 'UnexpectedError',
      message,
      actions: known
        ? error.actions
        : ['This is a bug in ppk: please report it with the command you ran.'],
      warnings: []
    };
    if (wantsJson(argv)) {
      process.stdout.write(`${JSON.stringify(envelope, null, 2)}\n`);
    } else {
      process.stderr.write(`Error (${envelope.name}): ${message}\n`);
      for (const action of envelope.actions) process.stderr.write(`  Try this: ${action}\n`);
      if (!known && error instanceof Error && process.env.PPK_DEBUG)
        process.stderr.write(`${error.stack}\n`);
    }
    return envelope.status;
  }
}
