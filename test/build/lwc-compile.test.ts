import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import ts from 'typescript';
import { compileBundles } from '../../scripts/build/build-lwc.ts';

// A component as a developer writes it: a decorated public property.
const source = `import { LightningElement, api } from 'lwc';
export default class Badge extends LightningElement {
  @api label: string = '';
}
`;
const work = mkdtempSync(join(tmpdir(), 'lwc-compile-'));
after(() => rmSync(work, { recursive: true, force: true }));

function bundleEmittedWith(name: string, options: ts.CompilerOptions): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  const js = ts.transpileModule(source, { compilerOptions: options }).outputText;
  writeFileSync(join(dir, `${name}.js`), js);
  writeFileSync(join(dir, `${name}.html`), '<template><span>{label}</span></template>\n');
  return name;
}

test('the project settings emit decorators the LWC compiler accepts', () => {
  const name = bundleEmittedWith('good', {
    target: ts.ScriptTarget.ESNext,
    module: ts.ModuleKind.ESNext,
    experimentalDecorators: false,
    useDefineForClassFields: true
  });
  assert.deepEqual(compileBundles([name], work), []);
});

test('decorators rewritten by tsc (legacy experimentalDecorators) fail the check, naming the file', () => {
  const name = bundleEmittedWith('mangled', {
    target: ts.ScriptTarget.ES2020,
    module: ts.ModuleKind.ESNext,
    experimentalDecorators: true
  });
  const errors = compileBundles([name], work);
  assert.equal(errors.length, 1);
  assert.match(errors[0], /^mangled\/mangled\.js: /);
});

test('a template error fails the check', () => {
  const dir = join(work, 'badTemplate');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'badTemplate.js'),
    "import { LightningElement } from 'lwc';\nexport default class B extends LightningElement {}\n"
  );
  writeFileSync(
    join(dir, 'badTemplate.html'),
    '<template><p lwc:if={a} if:true={b}></p></template>\n'
  );
  const errors = compileBundles(['badTemplate'], work);
  assert.ok(
    errors.some((e) => e.startsWith('badTemplate/badTemplate.html')),
    errors.join('\n')
  );
});
