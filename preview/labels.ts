/** The org's custom labels (force-app/main/default/labels/*.labels-meta.xml) by full name. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';

interface LabelXml {
  fullName?: string;
  value?: string | number | boolean;
}

const parser = new XMLParser({ isArray: (name) => name === 'labels', parseTagValue: false });

export function readLabels(labelsDir: string): Map<string, string> {
  const labels = new Map<string, string>();
  if (!existsSync(labelsDir)) return labels;
  for (const file of readdirSync(labelsDir).filter((f) => f.endsWith('.labels-meta.xml'))) {
    const xml = parser.parse(readFileSync(join(labelsDir, file), 'utf8')) as {
      CustomLabels?: { labels?: LabelXml[] };
    };
    for (const label of xml.CustomLabels?.labels ?? []) {
      if (!label.fullName)
        throw new Error(`${join(labelsDir, file)}: a <labels> entry has no <fullName>.`);
      labels.set(label.fullName, String(label.value ?? ''));
    }
  }
  return labels;
}
