/**
 * The schema as the local org uses it: the project's Schema (scripts/lib/sfMetadata.ts) plus
 * the lookups by relationship name and key prefix that queries and ids need.
 */
import type { ChildRelationship, FieldDef, ObjectDef, Schema } from '../scripts/lib/sfMetadata.ts';

export class OrgSchema {
  readonly schema: Schema;
  private readonly byPrefix = new Map<string, ObjectDef>();
  private readonly parents = new Map<string, Map<string, FieldDef>>();
  private readonly children = new Map<string, Map<string, ChildRelationship>>();

  constructor(schema: Schema) {
    this.schema = schema;
    for (const object of Object.values(schema.objects)) {
      this.byPrefix.set(object.keyPrefix, object);
      const parents = new Map<string, FieldDef>();
      for (const field of Object.values(object.fields)) {
        if (field.relationshipName) parents.set(field.relationshipName.toLowerCase(), field);
      }
      this.parents.set(object.name, parents);
      const children = new Map<string, ChildRelationship>();
      for (const child of object.childRelationships ?? []) {
        children.set(child.relationshipName.toLowerCase(), child);
      }
      this.children.set(object.name, children);
    }
  }

  get objects(): ObjectDef[] {
    return Object.values(this.schema.objects);
  }

  object(name: string): ObjectDef | undefined {
    return this.schema.object(name);
  }

  field(object: ObjectDef, name: string): FieldDef | undefined {
    return this.schema.field(object.name, name);
  }

  objectForPrefix(prefix: string): ObjectDef | undefined {
    return this.byPrefix.get(prefix);
  }

  /** The lookup field behind `Partner_Account__r` / `Owner` on this object. */
  parentRelationship(object: ObjectDef, relationshipName: string): FieldDef | undefined {
    return this.parents.get(object.name)?.get(relationshipName.toLowerCase());
  }

  childRelationship(object: ObjectDef, relationshipName: string): ChildRelationship | undefined {
    return this.children.get(object.name)?.get(relationshipName.toLowerCase());
  }

  childRelationships(object: ObjectDef): ChildRelationship[] {
    return [...(this.children.get(object.name)?.values() ?? [])];
  }
}

/** A field that points at another record. */
export const isReference = (field: FieldDef) =>
  field.type === 'Lookup' || field.type === 'MasterDetail' || field.type === 'Id';

export const isNumeric = (field: FieldDef) =>
  field.type === 'Number' || field.type === 'Currency' || field.type === 'Percent';

/** Field types whose values are text, compared case-insensitively by SOQL. */
export const isTextual = (field: FieldDef) =>
  [
    'Text',
    'TextArea',
    'LongTextArea',
    'Email',
    'Url',
    'Phone',
    'Picklist',
    'MultiselectPicklist',
    'AutoNumber'
  ].includes(field.type);
