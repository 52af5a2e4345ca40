/** Field paths in SOQL (`Partner_Account__r.Owner.Name`): resolution and reading. */
import type { FieldDef, ObjectDef } from '../../scripts/lib/sfMetadata.ts';
import type { OrgSchema } from '../orgSchema.ts';
import { SfError } from '../sfError.ts';
import type { SfRecord, Store } from '../store.ts';

export interface FieldPath {
  /** The lookups walked, in order, and the objects they lead to. */
  lookups: { field: FieldDef; relationshipName: string; target: ObjectDef }[];
  field: FieldDef;
  /** Canonical dotted name, as Salesforce spells it back. */
  name: string;
}

const suffixHint =
  "If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.";

export function resolvePath(schema: OrgSchema, object: ObjectDef, dotted: string): FieldPath {
  const parts = dotted.split('.');
  const lookups: FieldPath['lookups'] = [];
  let current = object;
  for (const part of parts.slice(0, -1)) {
    const lookup = schema.parentRelationship(current, part);
    const target = lookup?.referenceTo ? schema.object(lookup.referenceTo) : undefined;
    if (!lookup || !target) {
      throw new SfError(
        400,
        'INVALID_FIELD',
        `Didn't understand relationship '${part}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`
      );
    }
    lookups.push({ field: lookup, relationshipName: lookup.relationshipName!, target });
    current = target;
  }
  const last = parts[parts.length - 1];
  const field = schema.field(current, last);
  if (!field) {
    throw new SfError(
      400,
      'INVALID_FIELD',
      `No such column '${last}' on entity '${current.name}'. ${suffixHint}`
    );
  }
  return {
    lookups,
    field,
    name: [...lookups.map((l) => l.relationshipName), field.name].join('.')
  };
}

/** The record at the end of the lookups (null when a lookup is empty). */
function walk(store: Store, path: FieldPath, record: SfRecord): SfRecord | null {
  let current: SfRecord | null = record;
  for (const step of path.lookups) {
    const id = current[step.field.name];
    if (typeof id !== 'string') return null;
    const next = store.get(step.target.name, id);
    if (!next) return null;
    current = next;
  }
  return current;
}

export function readPath(store: Store, path: FieldPath, record: SfRecord): unknown {
  const target = walk(store, path, record);
  const value = target ? target[path.field.name] : null;
  return value === undefined ? null : value;
}
