/**
 * Finds every reference to the data model in source code — `@salesforce/schema/...` imports and
 * bare `Something__c` / `Something__r` tokens — and checks each against the schema read from
 * force-app, so a field a component, command or local-org module uses cannot be missing from
 * the metadata that is deployed.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ObjectDef, Schema } from '../../scripts/lib/sfMetadata.ts';

export interface Offence {
  file: string;
  line: number;
  token: string;
  reason: string;
}

// Tests use names that do not exist on purpose (negative cases), like test/ does.
const skippedDirs = new Set(['node_modules', 'dist', '.git', '__tests__']);

/** Every .ts / .html file under the given roots (roots that do not exist yet are skipped). */
export function sourceFiles(roots: string[]): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) {
        if (!skippedDirs.has(entry)) walk(path);
      } else if (/\.(ts|html)$/.test(entry)) {
        files.push(path);
      }
    }
  };
  for (const root of roots) if (existsSync(root)) walk(root);
  return files;
}

const schemaImport = /@salesforce\/schema\/([A-Za-z0-9_.]+)/g;
const qualifiedToken = /\b([A-Za-z][A-Za-z0-9_]*)\.([A-Za-z][A-Za-z0-9_]*__[cr])\b/g;
const bareToken = /\b[A-Za-z][A-Za-z0-9_]*__[cr]\b/g;

function relationship(object: ObjectDef, name: string) {
  const lower = name.toLowerCase();
  return Object.values(object.fields).find(
    (field) => field.relationshipName?.toLowerCase() === lower
  );
}

function childRelationship(object: ObjectDef, name: string) {
  const lower = name.toLowerCase();
  return object.childRelationships.find((child) => child.relationshipName.toLowerCase() === lower);
}

/** Why `Object.Field.Field` does not resolve, or undefined when it does. */
export function resolveSchemaPath(schema: Schema, path: string): string | undefined {
  const [objectName = '', ...segments] = path.split('.');
  let object = schema.object(objectName);
  if (object === undefined) return `no object ${objectName}`;
  for (const [index, segment] of segments.entries()) {
    if (index === segments.length - 1) {
      return schema.field(object.name, segment)
        ? undefined
        : `no field ${segment} on ${object.name}`;
    }
    const via: ObjectDef | undefined = schema.object(
      relationship(object, segment)?.referenceTo ?? ''
    );
    if (via === undefined) return `no relationship ${segment} on ${object.name}`;
    object = via;
  }
  return undefined;
}

/** Whether a token (`X__c` or `X__r`) names something on the given object. */
function onObject(object: ObjectDef, token: string): boolean {
  if (token.endsWith('__r')) {
    return (
      relationship(object, token) !== undefined || childRelationship(object, token) !== undefined
    );
  }
  return Object.keys(object.fields).some((name) => name.toLowerCase() === token.toLowerCase());
}

/** Whether a token names an object, field or relationship anywhere in the schema. */
function anywhere(schema: Schema, token: string): boolean {
  if (token.endsWith('__c') && schema.object(token) !== undefined) return true;
  return Object.values(schema.objects).some((object) => onObject(object, token));
}

export function scanText(schema: Schema, file: string, text: string): Offence[] {
  const offences: Offence[] = [];
  for (const [index, raw] of text.split('\n').entries()) {
    const line = index + 1;
    let rest = raw;
    for (const match of raw.matchAll(schemaImport)) {
      const path = (match[1] ?? '').replace(/\.$/, '');
      const reason = resolveSchemaPath(schema, path);
      if (reason !== undefined) offences.push({ file, line, token: match[0], reason });
      rest = rest.replace(match[0], '');
    }
    const checked = new Set<string>();
    for (const match of rest.matchAll(qualifiedToken)) {
      const [whole, prefix = '', token = ''] = match;
      const object = schema.object(prefix);
      if (object === undefined) continue;
      checked.add(token);
      if (!onObject(object, token)) {
        offences.push({ file, line, token: whole, reason: `no ${token} on ${object.name}` });
      }
    }
    for (const match of rest.matchAll(bareToken)) {
      const token = match[0];
      if (checked.has(token) || anywhere(schema, token)) continue;
      offences.push({ file, line, token, reason: 'not in the force-app schema' });
    }
  }
  return offences;
}

export function scanFiles(schema: Schema, files: string[], root: string): Offence[] {
  return files.flatMap((file) =>
    scanText(schema, relative(root, file), readFileSync(file, 'utf8'))
  );
}

export function formatOffences(offences: Offence[]): string {
  return offences
    .map((offence) => `${offence.file}:${offence.line} ${offence.token} — ${offence.reason}`)
    .join('\n');
}
