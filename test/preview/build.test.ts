/**
 * The preview build refuses what the platform would refuse, at build time and naming the file:
 * an import with no stand-in, a schema import of a field the metadata lacks, a missing label.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { buildPreview } from '../../preview/build.ts';

const roots: string[] = [];

after(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** A force-app tree with one component whose script is `script`. */
function projectWith(script: string): { forceAppDir: string; distDir: string; file: string } {
  const root = mkdtempSync(join(tmpdir(), 'ppk-preview-build-'));
  roots.push(root);
  const forceAppDir = join(root, 'force-app');
  const bundle = join(forceAppDir, 'lwc', 'probePanel');
  mkdirSync(bundle, { recursive: true });
  mkdirSync(join(forceAppDir, 'objects'));
  const file = join(bundle, 'probePanel.ts');
  writeFileSync(
    file,
    `import { LightningElement } from 'lwc';\n${script}\nexport default class ProbePanel extends LightningElement {}\n`
  );
  writeFileSync(join(bundle, 'probePanel.html'), '<template><p>probe</p></template>\n');
  return { forceAppDir, distDir: join(root, 'dist'), file };
}

test('an import the preview has no stand-in for fails the build, naming the file and module', async () => {
  const project = projectWith("import { gql } from 'lightning/graphql';\nconsole.log(gql);");
  await assert.rejects(buildPreview({ paths: project, force: true }), (error: Error) => {
    assert.ok(error.message.includes(project.file), error.message);
    assert.ok(error.message.includes("'lightning/graphql'"), error.message);
    return true;
  });
});

test('a schema import of a field the metadata does not have fails the build', async () => {
  const project = projectWith(
    "import F from '@salesforce/schema/Opportunity.No_Such_Field__c';\nconsole.log(F);"
  );
  await assert.rejects(
    buildPreview({ paths: project, force: true }),
    /probePanel\.ts: imports '@salesforce\/schema\/Opportunity\.No_Such_Field__c', but Opportunity has no field No_Such_Field__c/
  );
});

test('a custom label that is not in the labels metadata fails the build', async () => {
  const project = projectWith(
    "import L from '@salesforce/label/c.PPK_Not_There';\nconsole.log(L);"
  );
  await assert.rejects(
    buildPreview({ paths: project, force: true }),
    /probePanel\.ts: imports '@salesforce\/label\/c\.PPK_Not_There', but no custom label PPK_Not_There/
  );
});
