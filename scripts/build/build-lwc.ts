/**
 * `npm run build`: compiles the TypeScript of every LWC bundle to the .js the platform deploys
 * (next to the .ts), then compiles every bundle with the LWC compiler, so a decorator mangled by
 * tsc or a template error fails here and not in the org.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { transformSync } from '@lwc/compiler';
import ts from 'typescript';
import { lwcBundles, lwcDir, repoRoot } from './lwc-bundles.ts';

function fail(message: string): never {
  console.error(`build: ${message}`);
  process.exit(1);
}

function checkPathsCoverEveryBundle(bundles: string[]): void {
  const configPath = join(lwcDir, 'tsconfig.json');
  const parsed = ts.parseConfigFileTextToJson(configPath, readFileSync(configPath, 'utf8'));
  const paths: Record<string, string[]> = parsed.config?.compilerOptions?.paths ?? {};
  const missing = bundles.filter((b) => !paths[`c/${b}`]);
  if (missing.length) {
    fail(
      `${configPath}: compilerOptions.paths has no entry for ${missing.map((b) => `c/${b}`).join(', ')}` +
        `; add "c/<name>": ["<name>/<name>"] for each.`
    );
  }
}

function emitJavaScript(): void {
  const tsc = join(repoRoot, 'node_modules/typescript/bin/tsc');
  try {
    execFileSync(process.execPath, [tsc, '-p', join(lwcDir, 'tsconfig.json')], {
      stdio: 'inherit'
    });
  } catch {
    fail(
      'tsc reported errors in force-app/main/default/lwc (see above); nothing deployable was checked.'
    );
  }
}

/** Compiles each deployable file of each bundle (folders of `root`) the way the platform will. */
export function compileBundles(bundles: string[], root = lwcDir): string[] {
  const errors: string[] = [];
  for (const bundle of bundles) {
    const dir = join(root, bundle);
    const files = readdirSync(dir).filter((f) => /\.(js|html|css)$/.test(f));
    if (!files.includes(`${bundle}.js`)) {
      errors.push(`${bundle}: no ${bundle}.js emitted`);
      continue;
    }
    for (const file of files) {
      try {
        transformSync(readFileSync(join(dir, file), 'utf8'), file, {
          namespace: 'c',
          name: bundle,
          experimentalDynamicComponent: { strictSpecifier: false }
        } as Parameters<typeof transformSync>[2]);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        errors.push(`${bundle}/${file}: ${message.split('\n')[0]}`);
      }
    }
  }
  return errors;
}

function build(): void {
  const bundles = lwcBundles();
  checkPathsCoverEveryBundle(bundles);
  emitJavaScript();
  const errors = compileBundles(bundles);
  if (errors.length) {
    fail(`the LWC compiler rejected ${errors.length} file(s):\n  ${errors.join('\n  ')}`);
  }
  console.log(
    `build: ${bundles.length} LWC bundle(s) emitted and compiled by the LWC compiler: ${bundles.join(', ')}`
  );
}

// Run as `npm run build`; imported by the tests for compileBundles only.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) build();
