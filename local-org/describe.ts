/** describeGlobal and describe in Salesforce's shape, from the schema. */
import type { FieldDef, ObjectDef } from '../scripts/lib/sfMetadata.ts';
import type { OrgSchema } from './orgSchema.ts';

/** Objects the org maintains itself: no API client creates or deletes them. */
const systemManaged = new Set(['User', 'Organization']);

const SOAP_TYPES: Record<string, string> = {
  id: 'tns:ID',
  reference: 'tns:ID',
  string: 'xsd:string',
  textarea: 'xsd:string',
  email: 'xsd:string',
  url: 'xsd:string',
  phone: 'xsd:string',
  picklist: 'xsd:string',
  multipicklist: 'xsd:string',
  double: 'xsd:double',
  currency: 'xsd:double',
  percent: 'xsd:double',
  boolean: 'xsd:boolean',
  date: 'xsd:date',
  datetime: 'xsd:dateTime'
};

export function describeType(field: FieldDef): string {
  switch (field.type) {
    case 'Id':
      return 'id';
    case 'Text':
    case 'AutoNumber':
      return 'string';
    case 'TextArea':
    case 'LongTextArea':
      return 'textarea';
    case 'Email':
      return 'email';
    case 'Url':
      return 'url';
    case 'Phone':
      return 'phone';
    case 'Number':
      return 'double';
    case 'Currency':
      return 'currency';
    case 'Percent':
      return 'percent';
    case 'Checkbox':
      return 'boolean';
    case 'Date':
      return 'date';
    case 'DateTime':
      return 'datetime';
    case 'Picklist':
      return 'picklist';
    case 'MultiselectPicklist':
      return 'multipicklist';
    default:
      return 'reference';
  }
}

function fieldLength(field: FieldDef): number {
  const type = describeType(field);
  if (type === 'id' || type === 'reference') return 18;
  if (['double', 'currency', 'percent', 'boolean', 'date', 'datetime'].includes(type)) return 0;
  return field.length ?? (type === 'email' ? 80 : type === 'phone' ? 40 : 255);
}

export function describeField(field: FieldDef) {
  const type = describeType(field);
  const reference = type === 'reference';
  return {
    name: field.name,
    label: field.label,
    type,
    soapType: SOAP_TYPES[type],
    length: fieldLength(field),
    precision: field.precision ?? 0,
    scale: field.scale ?? 0,
    custom: field.custom,
    nillable: !field.required && type !== 'boolean' && field.name !== 'Id',
    createable: field.createable,
    updateable: field.updateable,
    defaultedOnCreate: field.defaultValue !== undefined || type === 'boolean' || !field.createable,
    defaultValue: field.defaultValue ?? null,
    externalId: field.externalId,
    unique: field.unique,
    caseSensitive: field.caseSensitive ?? false,
    idLookup: field.name === 'Id' || field.externalId || field.unique,
    autoNumber: field.type === 'AutoNumber',
    calculated: false,
    nameField: field.name === 'Name',
    filterable: field.type !== 'LongTextArea',
    sortable: field.type !== 'LongTextArea' && field.type !== 'MultiselectPicklist',
    groupable: field.type !== 'LongTextArea' && field.type !== 'MultiselectPicklist',
    restrictedPicklist: field.picklist?.restricted ?? false,
    picklistValues: (field.picklist?.values ?? []).map((value) => ({
      active: true,
      defaultValue: field.defaultValue === value,
      label: value,
      validFor: null,
      value
    })),
    referenceTo: reference && field.referenceTo ? [field.referenceTo] : [],
    relationshipName: reference ? (field.relationshipName ?? null) : null,
    cascadeDelete: field.type === 'MasterDetail',
    polymorphicForeignKey: false
  };
}

function urls(version: string, object: ObjectDef) {
  const base = `/services/data/v${version}/sobjects/${object.name}`;
  return { sobject: base, describe: `${base}/describe`, rowTemplate: `${base}/{ID}` };
}

export function describeGlobalEntry(version: string, object: ObjectDef) {
  return {
    name: object.name,
    label: object.label,
    labelPlural: object.pluralLabel,
    keyPrefix: object.keyPrefix,
    custom: object.custom,
    createable: !systemManaged.has(object.name),
    updateable: object.name !== 'Organization',
    deletable: !systemManaged.has(object.name),
    queryable: true,
    retrieveable: true,
    searchable: false,
    layoutable: true,
    urls: urls(version, object)
  };
}

export function describeGlobal(version: string, schema: OrgSchema) {
  return {
    encoding: 'UTF-8',
    maxBatchSize: 200,
    sobjects: schema.objects.map((object) => describeGlobalEntry(version, object))
  };
}

export function describeObject(version: string, schema: OrgSchema, object: ObjectDef) {
  return {
    ...describeGlobalEntry(version, object),
    fields: Object.values(object.fields).map(describeField),
    childRelationships: schema.childRelationships(object).map((child) => ({
      childSObject: child.childObject,
      field: child.field,
      relationshipName: child.relationshipName,
      cascadeDelete:
        schema.schema.objects[child.childObject]?.fields[child.field]?.type === 'MasterDetail'
    })),
    recordTypeInfos: []
  };
}
