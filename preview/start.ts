/**
 * `npm start`: builds the preview (cached while nothing changed), starts the local org with the
 * demo data in .local-org (reused on later starts), serves the preview on 127.0.0.1 (port 3000,
 * or a free one), and stops both cleanly on Ctrl-C / SIGTERM.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { OAuthConfig } from '../local-org/routes/oauth.ts';
import { startLocalOrg, type LocalOrg } from '../local-org/server.ts';
import { buildPreview, repoRoot } from './build.ts';
import { startPreviewServer, type PreviewServer } from './server.ts';
import { makeConnectedApp, openSessions } from './sessions.ts';
import { personas } from './users.ts';

export interface RunningPreview {
  url: string;
  org: LocalOrg;
  server: PreviewServer;
  stop(): Promise<void>;
}

/** The connected app the org trusts for this run: the data dir's own, with the preview's key. */
function connectedApp(dataDir: string) {
  const file = join(dataDir, 'connected-app.json');
  const existing = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as OAuthConfig)
    : undefined;
  const app = makeConnectedApp(existing?.clientId);
  const oauth: OAuthConfig = { ...existing, clientId: app.clientId, certificate: app.certificate };
  return { app, oauth };
}

export async function startPreview(options: {
  dataDir: string;
  port?: number;
  log?: (line: string) => void;
}): Promise<RunningPreview> {
  const log = options.log ?? (() => {});
  const build = await buildPreview({ log });
  if (build.cached) log('preview: bundle up to date (preview/dist)');
  const { app, oauth } = connectedApp(options.dataDir);
  const org = await startLocalOrg({ dataDir: options.dataDir, port: 0, seed: 'demo', oauth });
  // `--target-org local` finds the running org by this file beside the session (scripts/lib/connection.ts).
  const urlFile = join(options.dataDir, 'instance-url');
  if (!existsSync(urlFile) || readFileSync(urlFile, 'utf8').trim() !== org.instanceUrl) {
    writeFileSync(urlFile, `${org.instanceUrl}\n`, { mode: 0o600 });
  }
  try {
    const sessions = await openSessions(org.instanceUrl, app, personas);
    const server = await startPreviewServer({
      instanceUrl: org.instanceUrl,
      sessions,
      port: options.port
    });
    return {
      url: server.url,
      org,
      server,
      stop: async () => {
        await server.stop();
        await org.stop();
      }
    };
  } catch (error) {
    await org.stop();
    throw error;
  }
}

async function main(): Promise<void> {
  const dataDir = join(repoRoot, '.local-org');
  const preview = await startPreview({
    dataDir,
    port: Number(process.env.PORT ?? 3000),
    log: (line) => console.log(line)
  });
  const ready = process.uptime();
  const tokenFile = relative(process.cwd(), preview.org.tokenFile);
  console.log(`\nPartner Program preview: ${preview.url}/lightning/o/Opportunity/list`);
  console.log(
    `Local org: ${preview.org.instanceUrl} (data in ${relative(process.cwd(), dataDir) || '.'}, session in ${tokenFile})`
  );
  console.log(`Try the CLI against it: npx ppk tracks evaluate --target-org local --dry-run`);
  console.log(`Ready in ${ready.toFixed(1)} s. Press Ctrl-C to stop.`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await preview.stop();
  console.log('Preview and local org stopped.');
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  });
}
