/**
 * Offline deployability: convert force-app to Metadata API format exactly as `sf project deploy`
 * does (source-deploy-retrieve, .forceignore respected) and check what would reach the org.
 */
import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { ComponentSet, MetadataConverter } from '@salesforce/source-deploy-retrieve';
import { XMLParser } from 'fast-xml-parser';
import { loadSchema } from '../../scripts/lib/sfMetadata.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const lwcDir = join(repoRoot, 'force-app/main/default/lwc');
const output = mkdtempSync(join(tmpdir(), 'ppk-deploy-'));
after(() => rmSync(output, { recursive: true, force: true }));

let members: Record<string, string[]> = {};
let files: string[] = [];

before(async () => {
  // Resolving from the package directory finds the project's .forceignore, as the CLI does.
  const components = ComponentSet.fromSource(join(repoRoot, 'force-app'));
  await new MetadataConverter().convert(components, 'metadata', {
    type: 'directory',
    outputDirectory: output,
    genUniqueDir: false
  });
  const manifest = new XMLParser({
    isArray: (name) => name === 'types' || name === 'members'
  }).parse(readFileSync(join(output, 'package.xml'), 'utf8')) as {
    Package: { types: { name: string; members: string[] }[] };
  };
  members = Object.fromEntries(manifest.Package.types.map((type) => [type.name, type.members]));
  files = readdirSync(output, { recursive: true, encoding: 'utf8' });
});

/** LWC bundles whose TypeScript has been built to the .js the platform deploys. */
function builtBundles(): string[] {
  if (!existsSync(lwcDir)) return [];
  return readdirSync(lwcDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .filter((name) => existsSync(join(lwcDir, name, `${name}.js`)))
    .sort();
}

describe('force-app converts for deployment', () => {
  test('package.xml lists every custom object and field of the schema', () => {
    const schema = loadSchema();
    const custom = Object.values(schema.objects).filter((object) => object.custom);
    assert.deepEqual(
      [...(members['CustomObject'] ?? [])].sort(),
      custom.map((object) => object.name).sort()
    );
    const fields = Object.values(schema.objects).flatMap((object) =>
      Object.values(object.fields)
        .filter((field) => field.custom)
        .map((field) => `${object.name}.${field.name}`)
    );
    assert.deepEqual([...(members['CustomField'] ?? [])].sort(), fields.sort());
  });

  test('package.xml lists the permission sets and the rules static resource', () => {
    assert.deepEqual(members['PermissionSet'], [
      'Channel_Account_Manager',
      'Channel_Ops_Integration',
      'Channel_Seller'
    ]);
    assert.ok(members['StaticResource']?.includes('partnerProgramRules'));
    assert.ok(files.includes(join('staticresources', 'partnerProgramRules.resource-meta.xml')));
  });

  test('every built LWC bundle is deployed as a LightningComponentBundle', (context) => {
    const bundles = builtBundles();
    if (bundles.length === 0) {
      context.skip('no LWC bundle has emitted .js yet (run npm run build)');
      return;
    }
    assert.deepEqual([...(members['LightningComponentBundle'] ?? [])].sort(), bundles);
    // The platform rejects a bundle without its configuration file.
    const unconfigured = bundles.filter(
      (name) => !files.includes(join('lwc', name, `${name}.js-meta.xml`))
    );
    assert.deepEqual(
      unconfigured.map(
        (name) => `force-app/main/default/lwc/${name}/${name}.js-meta.xml is missing`
      ),
      []
    );
  });

  test('no TypeScript source, tsconfig or jest test reaches the org (.forceignore)', () => {
    const leaked = files.filter(
      (file) => /\.ts$/.test(file) || /tsconfig.*\.json$/.test(file) || file.includes('__tests__')
    );
    assert.deepEqual(leaked, []);
  });
});
