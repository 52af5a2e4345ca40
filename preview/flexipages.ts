/**
 * Record page layouts from the project's FlexiPages (force-app/main/default/flexipages): the
 * same components in the same regions. Tabs and other facets are flattened into their region in
 * order. An object with no FlexiPage gets the default two-column layout: every project component
 * that targets that object's record page, in the main column.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';

export interface PlacedComponent {
  /** `c:partnerAttribution`, `force:highlightsPanel`, … */
  name: string;
  properties: Record<string, string>;
}

export interface RecordPageLayout {
  source: string;
  label: string;
  /** Region name → components, in the FlexiPage's order (header, main, sidebar, …). */
  regions: { name: string; components: PlacedComponent[] }[];
}

interface ComponentInstanceXml {
  componentName: string;
  componentInstanceProperties?: { name: string; value?: string | number | boolean }[];
}

interface RegionXml {
  name: string;
  type?: string;
  itemInstances?: { componentInstance?: ComponentInstanceXml }[];
}

interface FlexiPageXml {
  masterLabel?: string;
  sobjectType?: string;
  type?: string;
  flexiPageRegions?: RegionXml[];
}

const parser = new XMLParser({
  isArray: (name) =>
    [
      'flexiPageRegions',
      'itemInstances',
      'componentInstanceProperties',
      'object',
      'target',
      'targetConfig'
    ].includes(name),
  parseTagValue: false
});

function placed(instance: ComponentInstanceXml, facets: Map<string, RegionXml>): PlacedComponent[] {
  const properties = Object.fromEntries(
    (instance.componentInstanceProperties ?? []).map((p) => [p.name, String(p.value ?? '')])
  );
  // Tabsets, tabs and other containers hold facets: show what they contain, in order.
  const nested = Object.values(properties)
    .map((value) => facets.get(value))
    .filter((facet): facet is RegionXml => !!facet)
    .flatMap((facet) =>
      (facet.itemInstances ?? []).flatMap((item) =>
        item.componentInstance ? placed(item.componentInstance, facets) : []
      )
    );
  // A project component is named without its namespace in retrieved FlexiPages (`partnerAttribution`).
  const name = instance.componentName.includes(':')
    ? instance.componentName
    : `c:${instance.componentName}`;
  return nested.length ? nested : [{ name, properties }];
}

function fromFlexiPage(file: string, page: FlexiPageXml): RecordPageLayout {
  const regions = page.flexiPageRegions ?? [];
  const facets = new Map(regions.filter((r) => r.type === 'Facet').map((r) => [r.name, r]));
  return {
    source: file,
    label: page.masterLabel ?? file,
    regions: regions
      .filter((r) => r.type !== 'Facet')
      .map((region) => ({
        name: region.name,
        components: (region.itemInstances ?? []).flatMap((item) =>
          item.componentInstance ? placed(item.componentInstance, facets) : []
        )
      }))
  };
}

/** Project components whose js-meta.xml puts them on this object's record page. */
export function componentsForObject(lwcDir: string, objectApiName: string): string[] {
  if (!existsSync(lwcDir)) return [];
  return readdirSync(lwcDir)
    .filter((name) => existsSync(join(lwcDir, name, `${name}.js-meta.xml`)))
    .filter((name) => {
      const xml = parser.parse(readFileSync(join(lwcDir, name, `${name}.js-meta.xml`), 'utf8')) as {
        LightningComponentBundle?: {
          isExposed?: string;
          targets?: { target?: string[] };
          targetConfigs?: { targetConfig?: { objects?: { object?: string[] } }[] };
        };
      };
      const bundle = xml.LightningComponentBundle;
      if (
        bundle?.isExposed !== 'true' ||
        !bundle.targets?.target?.includes('lightning__RecordPage')
      )
        return false;
      const objects = (bundle.targetConfigs?.targetConfig ?? []).flatMap(
        (c) => c.objects?.object ?? []
      );
      return objects.length === 0 || objects.includes(objectApiName);
    })
    .sort();
}

export function recordPageLayout(forceAppDir: string, objectApiName: string): RecordPageLayout {
  const dir = join(forceAppDir, 'flexipages');
  const files = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.flexipage-meta.xml'))
        .sort()
    : [];
  for (const file of files) {
    const xml = parser.parse(readFileSync(join(dir, file), 'utf8')) as { FlexiPage?: FlexiPageXml };
    const page = xml.FlexiPage;
    if (!page) throw new Error(`${join(dir, file)}: expected a <FlexiPage> root element.`);
    if (page.type === 'RecordPage' && page.sobjectType === objectApiName)
      return fromFlexiPage(`flexipages/${file}`, page);
  }
  return {
    source: 'default layout (no FlexiPage for this object)',
    label: `${objectApiName} Record Page`,
    regions: [
      {
        name: 'main',
        components: componentsForObject(join(forceAppDir, 'lwc'), objectApiName).map((name) => ({
          name: `c:${name}`,
          properties: {}
        }))
      },
      { name: 'sidebar', components: [{ name: 'force:recordDetails', properties: {} }] }
    ]
  };
}
