/**
 * Record pages are laid out from the FlexiPages: same components, same regions, tab contents in
 * order; without a FlexiPage, the components whose js-meta.xml targets the object.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { recordPageLayout } from '../../preview/flexipages.ts';

const root = mkdtempSync(join(tmpdir(), 'ppk-preview-flexi-'));

after(() => rmSync(root, { recursive: true, force: true }));

const instance = (name: string, properties: Record<string, string> = {}) =>
  `<itemInstances><componentInstance>${Object.entries(properties)
    .map(
      ([n, v]) =>
        `<componentInstanceProperties><name>${n}</name><value>${v}</value></componentInstanceProperties>`
    )
    .join('')}<componentName>${name}</componentName></componentInstance></itemInstances>`;

test('regions keep their components in order, tabs are flattened, project components get the c namespace', () => {
  mkdirSync(join(root, 'flexipages'), { recursive: true });
  writeFileSync(
    join(root, 'flexipages', 'Deal_Page.flexipage-meta.xml'),
    `<?xml version="1.0" encoding="UTF-8"?><FlexiPage xmlns="http://soap.sforce.com/2006/04/metadata">
<flexiPageRegions>${instance('force:highlightsPanel')}<name>header</name><type>Region</type></flexiPageRegions>
<flexiPageRegions>${instance('flexipage:tabset', { tabs: 'tabsFacet' })}${instance('partnerAttribution')}<name>main</name><type>Region</type></flexiPageRegions>
<flexiPageRegions>${instance('flexipage:tab', { body: 'planFacet' })}<name>tabsFacet</name><type>Facet</type></flexiPageRegions>
<flexiPageRegions>${instance('jointPursuitPlan')}${instance('c:dealRegConflicts')}<name>planFacet</name><type>Facet</type></flexiPageRegions>
<masterLabel>Deal Page</masterLabel><sobjectType>Opportunity</sobjectType><type>RecordPage</type></FlexiPage>`
  );
  const layout = recordPageLayout(root, 'Opportunity');
  assert.equal(layout.label, 'Deal Page');
  assert.deepEqual(
    layout.regions.map((r) => [r.name, r.components.map((c) => c.name)]),
    [
      ['header', ['force:highlightsPanel']],
      ['main', ['c:jointPursuitPlan', 'c:dealRegConflicts', 'c:partnerAttribution']]
    ]
  );
});

test('an object without a FlexiPage gets the components that target its record page', () => {
  const bundle = (name: string, objects: string[]) => {
    mkdirSync(join(root, 'lwc', name), { recursive: true });
    writeFileSync(
      join(root, 'lwc', name, `${name}.js-meta.xml`),
      `<LightningComponentBundle><isExposed>true</isExposed><targets><target>lightning__RecordPage</target></targets><targetConfigs><targetConfig targets="lightning__RecordPage"><objects>${objects.map((o) => `<object>${o}</object>`).join('')}</objects></targetConfig></targetConfigs></LightningComponentBundle>`
    );
  };
  bundle('partnerTrackPanel', ['Account']);
  bundle('partnerAttribution', ['Opportunity']);
  const layout = recordPageLayout(root, 'Account');
  assert.deepEqual(
    layout.regions.find((r) => r.name === 'main')?.components.map((c) => c.name),
    ['c:partnerTrackPanel']
  );
});
