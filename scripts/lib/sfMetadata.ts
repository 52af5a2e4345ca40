/**
 * The one reader of force-app metadata: custom objects and fields (source format, one
 * `.field-meta.xml` per field) merged with the standard objects the project declares in
 * standardObjects.ts, into a typed schema. The local org, the contract test and the metadata
 * checks all read the data model through here, so a field missing from force-app is missing
 * everywhere.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { PpkError } from './errors.ts';
import { standardObjects } from './standardObjects.ts';

export type FieldType =
  | 'Id'
  | 'Text'
  | 'TextArea'
  | 'LongTextArea'
  | 'Email'
  | 'Url'
  | 'Phone'
  | 'Number'
  | 'Currency'
  | 'Percent'
  | 'Checkbox'
  | 'Date'
  | 'DateTime'
  | 'Picklist'
  | 'MultiselectPicklist'
  | 'Lookup'
  | 'MasterDetail'
  | 'AutoNumber';

export interface FieldDef {
  name: string;
  label: string;
  type: FieldType;
  custom: boolean;
  required: boolean;
  unique: boolean;
  externalId: boolean;
  caseSensitive?: boolean;
  length?: number;
  precision?: number;
  scale?: number;
  picklist?: { values: string[]; restricted: boolean };
  referenceTo?: string;
  /** The name that traverses to the parent, as describe gives it: `Account`, `Partner_Account__r`. */
  relationshipName?: string;
  /**
   * The child relationship this field gives its parent, as SOQL names it in a subquery:
   * `Milestones__r` (a custom field's `<relationshipName>` plus `__r`), or `Opportunities` for
   * the standard lookups standardObjects.ts declares one for.
   */
  childRelationshipName?: string;
  createable: boolean;
  updateable: boolean;
  defaultValue?: string | number | boolean;
  displayFormat?: string;
}

export interface ChildRelationship {
  /** As used in a subquery: `Milestones__r`. */
  relationshipName: string;
  childObject: string;
  field: string;
}

export interface ObjectDef {
  name: string;
  label: string;
  pluralLabel: string;
  custom: boolean;
  keyPrefix: string;
  fields: Record<string, FieldDef>;
  /** Relationships from other objects' lookups to this one, for subqueries. */
  childRelationships: ChildRelationship[];
}

export interface Schema {
  objects: Record<string, ObjectDef>;
  /** case-insensitive, like Salesforce */
  object(name: string): ObjectDef | undefined;
  field(objectName: string, fieldName: string): FieldDef | undefined;
}

export const defaultForceAppDir = fileURLToPath(
  new URL('../../force-app/main/default', import.meta.url)
);

/** A metadata file we cannot read: names the file and what was expected. */
export class MetadataError extends PpkError {
  readonly file: string;

  constructor(file: string, problem: string) {
    super('METADATA_MALFORMED', `${displayPath(file)}: ${problem}`, {
      actions: [`Fix ${displayPath(file)} (Salesforce source format) and run the command again.`]
    });
    this.name = 'MetadataError';
    this.file = file;
  }
}

function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => name === 'value'
});

type Xml = Record<string, unknown>;

function readXml(file: string, root: string): Xml {
  const text = readFileSync(file, 'utf8');
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new MetadataError(
      file,
      `not well-formed XML at line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`
    );
  }
  const document = parser.parse(text) as Xml;
  const body = document[root];
  if (body === undefined || typeof body !== 'object' || body === null) {
    throw new MetadataError(file, `expected a <${root}> root element`);
  }
  return body as Xml;
}

function str(xml: Xml, key: string): string | undefined {
  const value = xml[key];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') return undefined;
  return value;
}

function requiredStr(file: string, xml: Xml, key: string): string {
  const value = str(xml, key);
  if (value === undefined) throw new MetadataError(file, `<${key}> is missing or empty`);
  return value;
}

function bool(file: string, xml: Xml, key: string): boolean {
  const value = str(xml, key);
  if (value === undefined) return false;
  if (value !== 'true' && value !== 'false') {
    throw new MetadataError(file, `<${key}> must be true or false, found "${value}"`);
  }
  return value === 'true';
}

function int(file: string, xml: Xml, key: string): number | undefined {
  const value = str(xml, key);
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) {
    throw new MetadataError(file, `<${key}> must be a whole number, found "${value}"`);
  }
  return Number(value);
}

const fieldTypes: ReadonlySet<string> = new Set<FieldType>([
  'Text',
  'TextArea',
  'LongTextArea',
  'Email',
  'Url',
  'Phone',
  'Number',
  'Currency',
  'Percent',
  'Checkbox',
  'Date',
  'DateTime',
  'Picklist',
  'MultiselectPicklist',
  'Lookup',
  'MasterDetail'
]);

/** A field's default as metadata writes it (a formula literal) turned into a value. */
function parseDefault(type: FieldType, raw: string | undefined): FieldDef['defaultValue'] {
  if (raw === undefined) return undefined;
  if (type === 'Checkbox') return raw === 'true';
  if (type === 'Number' || type === 'Currency' || type === 'Percent') return Number(raw);
  return raw.replace(/^"(.*)"$/, '$1').replace(/^'(.*)'$/, '$1');
}

interface PicklistFile {
  values: string[];
  restricted: boolean;
  default: string | undefined;
}

function readPicklist(file: string, xml: Xml): PicklistFile {
  const valueSet = xml['valueSet'] as Xml | undefined;
  const definition = valueSet?.['valueSetDefinition'] as Xml | undefined;
  const values = (definition?.['value'] as Xml[] | undefined) ?? [];
  if (values.length === 0) {
    throw new MetadataError(file, 'a picklist needs <valueSet><valueSetDefinition><value> entries');
  }
  const names = values.map((value) => requiredStr(file, value, 'fullName'));
  const defaults = values.filter((value) => str(value, 'default') === 'true');
  return {
    values: names,
    restricted: valueSet !== undefined && bool(file, valueSet, 'restricted'),
    default: defaults[0] === undefined ? undefined : requiredStr(file, defaults[0], 'fullName')
  };
}

export function readCustomField(file: string): FieldDef {
  const xml = readXml(file, 'CustomField');
  const name = requiredStr(file, xml, 'fullName');
  const expected = file
    .split(/[\\/]/)
    .pop()
    ?.replace(/\.field-meta\.xml$/, '');
  if (name !== expected) {
    throw new MetadataError(
      file,
      `<fullName> is "${name}" but the file is named for "${expected}"`
    );
  }
  if (!name.endsWith('__c')) {
    throw new MetadataError(file, `a custom field's API name must end in __c, found "${name}"`);
  }
  const type = requiredStr(file, xml, 'type');
  if (!fieldTypes.has(type)) {
    throw new MetadataError(
      file,
      `<type> "${type}" is not one the project supports (${[...fieldTypes].join(', ')})`
    );
  }
  const fieldType = type as FieldType;
  const masterDetail = fieldType === 'MasterDetail';
  const def: FieldDef = {
    name,
    label: requiredStr(file, xml, 'label'),
    type: fieldType,
    custom: true,
    required: masterDetail || bool(file, xml, 'required'),
    unique: bool(file, xml, 'unique'),
    externalId: bool(file, xml, 'externalId'),
    createable: true,
    updateable: !masterDetail || bool(file, xml, 'reparentableMasterDetail')
  };
  if (def.unique) def.caseSensitive = bool(file, xml, 'caseSensitive');
  const length = int(file, xml, 'length');
  if (length !== undefined) def.length = length;
  const precision = int(file, xml, 'precision');
  if (precision !== undefined) def.precision = precision;
  const scale = int(file, xml, 'scale');
  if (scale !== undefined) def.scale = scale;
  if (fieldType === 'Text' && length === undefined) {
    throw new MetadataError(file, 'a Text field needs a <length>');
  }
  if (fieldType === 'Picklist' || fieldType === 'MultiselectPicklist') {
    const picklist = readPicklist(file, xml);
    def.picklist = { values: picklist.values, restricted: picklist.restricted };
    if (picklist.default !== undefined) def.defaultValue = picklist.default;
  } else {
    const defaultValue = parseDefault(fieldType, str(xml, 'defaultValue'));
    if (defaultValue !== undefined) def.defaultValue = defaultValue;
  }
  if (fieldType === 'Checkbox' && def.defaultValue === undefined) def.defaultValue = false;
  if (fieldType === 'Lookup' || masterDetail) {
    def.referenceTo = requiredStr(file, xml, 'referenceTo');
    def.relationshipName = name.replace(/__c$/, '__r');
    const childName = str(xml, 'relationshipName');
    if (childName === undefined) {
      throw new MetadataError(file, `a ${fieldType} field needs a <relationshipName>`);
    }
    def.childRelationshipName = `${childName}__r`;
  }
  return def;
}

interface ObjectFile {
  label: string;
  pluralLabel: string;
  nameField: FieldDef;
}

function readCustomObject(file: string): ObjectFile {
  const xml = readXml(file, 'CustomObject');
  const nameXml = xml['nameField'] as Xml | undefined;
  if (nameXml === undefined || typeof nameXml !== 'object') {
    throw new MetadataError(file, 'a custom object needs a <nameField>');
  }
  const nameType = requiredStr(file, nameXml, 'type');
  if (nameType !== 'Text' && nameType !== 'AutoNumber') {
    throw new MetadataError(
      file,
      `<nameField><type> must be Text or AutoNumber, found "${nameType}"`
    );
  }
  const autoNumber = nameType === 'AutoNumber';
  const nameField: FieldDef = {
    name: 'Name',
    label: requiredStr(file, nameXml, 'label'),
    type: autoNumber ? 'AutoNumber' : 'Text',
    custom: false,
    // Text names are defaulted on create through the API (Salesforce uses the record Id).
    required: false,
    unique: false,
    externalId: false,
    length: autoNumber ? 30 : 80,
    createable: !autoNumber,
    updateable: !autoNumber
  };
  if (autoNumber) nameField.displayFormat = requiredStr(file, nameXml, 'displayFormat');
  return {
    label: requiredStr(file, xml, 'label'),
    pluralLabel: requiredStr(file, xml, 'pluralLabel'),
    nameField
  };
}

function systemField(
  name: string,
  label: string,
  type: FieldType,
  extra: Partial<FieldDef> = {}
): FieldDef {
  return {
    name,
    label,
    type,
    custom: false,
    required: false,
    unique: false,
    externalId: false,
    createable: false,
    updateable: false,
    ...extra
  };
}

const auditFields: FieldDef[] = [
  systemField('Id', 'Record ID', 'Id', { length: 18 }),
  systemField('CreatedDate', 'Created Date', 'DateTime'),
  systemField('CreatedById', 'Created By ID', 'Lookup', {
    referenceTo: 'User',
    relationshipName: 'CreatedBy'
  }),
  systemField('LastModifiedDate', 'Last Modified Date', 'DateTime'),
  systemField('LastModifiedById', 'Last Modified By ID', 'Lookup', {
    referenceTo: 'User',
    relationshipName: 'LastModifiedBy'
  }),
  systemField('SystemModstamp', 'System Modstamp', 'DateTime'),
  systemField('IsDeleted', 'Deleted', 'Checkbox', { defaultValue: false })
];

const ownerField = systemField('OwnerId', 'Owner ID', 'Lookup', {
  referenceTo: 'User',
  relationshipName: 'Owner',
  createable: true,
  updateable: true
});

const base62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function hash(text: string): number {
  let value = 0;
  for (const char of text) value = (value * 31 + char.charCodeAt(0)) >>> 0;
  return value;
}

/**
 * Real orgs hand out a0x prefixes in creation order; we derive one from the API name so ids stay
 * the same across runs and machines. Names are placed in sorted order and probe on collision.
 */
function customKeyPrefixes(names: string[]): Map<string, string> {
  const taken = new Set<number>();
  const prefixes = new Map<string, string>();
  for (const name of [...names].sort()) {
    let slot = hash(name) % base62.length;
    while (taken.has(slot)) slot = (slot + 1) % base62.length;
    taken.add(slot);
    prefixes.set(name, `a0${base62[slot]}`);
  }
  return prefixes;
}

function listDir(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}

function byName(fields: FieldDef[]): Record<string, FieldDef> {
  return Object.fromEntries(fields.map((field) => [field.name, field]));
}

export function loadSchema(forceAppDir: string = defaultForceAppDir): Schema {
  const objectsDir = join(forceAppDir, 'objects');
  const objects: Record<string, ObjectDef> = {};
  for (const declared of standardObjects) {
    objects[declared.name] = {
      name: declared.name,
      label: declared.label,
      pluralLabel: declared.pluralLabel,
      custom: false,
      keyPrefix: declared.keyPrefix,
      fields: byName([...auditFields, ...declared.fields]),
      childRelationships: []
    };
  }

  const folders = listDir(objectsDir).filter((name) =>
    statSync(join(objectsDir, name)).isDirectory()
  );
  const customNames = folders.filter((name) => name.endsWith('__c'));
  const prefixes = customKeyPrefixes(customNames);

  for (const folder of folders) {
    const dir = join(objectsDir, folder);
    const fields = listDir(join(dir, 'fields'))
      .filter((file) => file.endsWith('.field-meta.xml'))
      .map((file) => readCustomField(join(dir, 'fields', file)));
    const objectFile = join(dir, `${folder}.object-meta.xml`);
    if (folder.endsWith('__c')) {
      if (!existsSync(objectFile)) {
        throw new MetadataError(objectFile, `custom object ${folder} has no object-meta.xml`);
      }
      const object = readCustomObject(objectFile);
      // A master-detail child is owned by its master: Salesforce gives it no OwnerId.
      const owned = !fields.some((field) => field.type === 'MasterDetail');
      objects[folder] = {
        name: folder,
        label: object.label,
        pluralLabel: object.pluralLabel,
        custom: true,
        keyPrefix: prefixes.get(folder) ?? 'a00',
        fields: byName([
          ...auditFields,
          object.nameField,
          ...(owned ? [ownerField] : []),
          ...fields
        ]),
        childRelationships: []
      };
    } else {
      const standard = objects[folder];
      if (standard === undefined) {
        throw new MetadataError(
          dir,
          `standard object ${folder} is not declared in scripts/lib/standardObjects.ts; declare it there`
        );
      }
      for (const field of fields) standard.fields[field.name] = field;
    }
  }

  linkRelationships(objects, objectsDir);
  return makeSchema(objects);
}

function linkRelationships(objects: Record<string, ObjectDef>, objectsDir: string): void {
  for (const object of Object.values(objects)) {
    for (const field of Object.values(object.fields)) {
      if (field.referenceTo === undefined) continue;
      const fieldFile = join(objectsDir, object.name, 'fields', `${field.name}.field-meta.xml`);
      const parent = objects[field.referenceTo];
      if (parent === undefined) {
        throw new MetadataError(
          fieldFile,
          `<referenceTo> "${field.referenceTo}" is neither a custom object in force-app nor a declared standard object`
        );
      }
      if (field.childRelationshipName === undefined) continue;
      const clash = parent.childRelationships.find(
        (child) => child.relationshipName === field.childRelationshipName
      );
      if (clash !== undefined) {
        throw new MetadataError(
          fieldFile,
          `<relationshipName> ${field.childRelationshipName} is already used on ${parent.name} by ${clash.childObject}.${clash.field}; lookups to the same object need distinct relationship names`
        );
      }
      parent.childRelationships.push({
        relationshipName: field.childRelationshipName,
        childObject: object.name,
        field: field.name
      });
    }
  }
}

function makeSchema(objects: Record<string, ObjectDef>): Schema {
  const lower = new Map(
    Object.values(objects).map((object) => [object.name.toLowerCase(), object])
  );
  const fieldIndex = new Map(
    Object.values(objects).map((object) => [
      object.name.toLowerCase(),
      new Map(Object.values(object.fields).map((field) => [field.name.toLowerCase(), field]))
    ])
  );
  return {
    objects,
    object: (name) => lower.get(name.toLowerCase()),
    field: (objectName, fieldName) =>
      fieldIndex.get(objectName.toLowerCase())?.get(fieldName.toLowerCase())
  };
}
