#!/usr/bin/env node
// The ppk CLI entry. The TypeScript sources run through tsx on the project's own Node 22
// (the `node` devDependency, first on PATH under `npx ppk` and npm scripts).
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `ppk needs Node.js >= 22.12, this is ${process.version}.\n` +
      'Run it as "npx ppk ..." from the project folder: npm puts the project\'s own Node 22 first on PATH.'
  );
  process.exit(1);
}
const { register } = await import('tsx/esm/api');
register();
const { main } = await import('../scripts/ppk.ts');
process.exitCode = await main(process.argv.slice(2));
