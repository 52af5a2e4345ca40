/**
 * `ppk local start`: runs the local org (local-org/server.ts) in the foreground until Ctrl-C,
 * printing the instance URL and the session id a client (jsforce, `sf org login access-token`)
 * needs.
 */
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { parseFaults } from '../../local-org/faults.ts';
import { startLocalOrg } from '../../local-org/server.ts';
import { localOrgDir } from '../lib/connection.ts';
import { PpkError } from '../lib/errors.ts';
import { processOutput, type JsonEnvelope } from '../lib/output.ts';
import type { Topic } from './index.ts';

interface StartFlags {
  port: string;
  dataDir: string;
  seed: 'demo' | 'none' | 'volume';
  accounts: string;
  faults?: string;
  json?: boolean;
}

async function start(flags: StartFlags): Promise<void> {
  const out = processOutput(Boolean(flags.json));
  const port = Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new PpkError(
      'INVALID_FLAG',
      `--port must be a whole number from 0 to 65535, found "${flags.port}"`,
      {
        actions: ['Pass --port 0 to let the system pick a free port.']
      }
    );
  }
  let faults;
  try {
    faults = flags.faults ? parseFaults(flags.faults) : undefined;
  } catch (error) {
    throw new PpkError('INVALID_FLAG', `--faults: ${(error as Error).message}`, {
      actions: ['Example: --faults "seed=7,rate=0.1,kinds=503+lock,families=composite+bulk"']
    });
  }
  const volumeAccounts = Number(flags.accounts);
  if (!Number.isInteger(volumeAccounts) || volumeAccounts < 1) {
    throw new PpkError(
      'INVALID_FLAG',
      `--accounts must be a positive whole number, found "${flags.accounts}"`
    );
  }
  const dataDir = resolve(flags.dataDir);
  const org = await startLocalOrg({ dataDir, port, seed: flags.seed, volumeAccounts, faults });
  const result = {
    instanceUrl: org.instanceUrl,
    accessToken: org.accessToken,
    tokenFile: org.tokenFile,
    dataDir,
    orgId: org.orgId,
    userId: org.userId
  };
  if (out.json) {
    const envelope: JsonEnvelope<typeof result> = { status: 0, result, warnings: [] };
    process.stdout.write(`${JSON.stringify(envelope, null, 2)}\n`);
  } else {
    out.log(`Local org running at ${org.instanceUrl} (data in ${dataDir})`);
    out.log(`Access token (also in ${org.tokenFile}, readable only by you):`);
    out.log(`  ${org.accessToken}`);
    out.log(
      `Salesforce CLI: SF_ACCESS_TOKEN=$(cat ${org.tokenFile}) sf org login access-token --instance-url ${org.instanceUrl} --alias local --no-prompt`
    );
    out.log('Press Ctrl-C to stop.');
  }
  await new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await org.stop();
  out.warn('Local org stopped.');
}

export const localTopic: Topic = {
  register(program: Command) {
    const local = program
      .command('local')
      .description('The local org: an embedded stand-in for a Salesforce org (dev and tests)');
    local
      .command('start')
      .description('Start the local org on 127.0.0.1 and print its URL and access token')
      .option('--port <port>', 'port to listen on (0 picks a free one)', '0')
      .option(
        '--data-dir <dir>',
        'where the org keeps its data (PPK_LOCAL_ORG_DIR, else .local-org in the project)',
        localOrgDir()
      )
      .addOption(
        new Option('--seed <kind>', 'data loaded on first start')
          .choices(['demo', 'none', 'volume'])
          .default('demo')
      )
      .option('--accounts <n>', 'with --seed volume: how many synthetic accounts', '10000')
      .option(
        '--faults <spec>',
        'inject faults, e.g. "seed=7,rate=0.1,kinds=503+lock+drop,families=query+bulk"'
      )
      .option('--json', 'print the result as JSON')
      .action((flags: StartFlags) => start(flags));
  }
};
