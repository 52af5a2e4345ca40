/**
 * What a preview user may read and change, from the project's permission sets
 * (force-app/main/default/permissionsets): the local org acts as one admin for every session, so
 * the preview server applies the assigned permission set itself, on object-info answers, on
 * UI API reads and on writes. Baseline (the "Minimum Access" profile a least-privilege org
 * gives): read on the standard objects and their standard fields; the rest comes from the
 * permission set.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { Schema } from '../scripts/lib/sfMetadata.ts';

export interface ObjectRights {
  read: boolean;
  create: boolean;
  edit: boolean;
  delete: boolean;
}

export interface FieldRights {
  read: boolean;
  edit: boolean;
}

interface PermissionSetXml {
  objectPermissions?: {
    object: string;
    allowRead?: XmlBoolean;
    allowCreate?: XmlBoolean;
    allowEdit?: XmlBoolean;
    allowDelete?: XmlBoolean;
  }[];
  fieldPermissions?: { field: string; readable?: XmlBoolean; editable?: XmlBoolean }[];
}

const parser = new XMLParser({
  isArray: (name) => name === 'objectPermissions' || name === 'fieldPermissions'
});

type XmlBoolean = boolean | 'true' | 'false';
const yes = (value: XmlBoolean | undefined): boolean => value === true || value === 'true';

const isCustom = (name: string): boolean => name.endsWith('__c');

export class Rights {
  private readonly objects = new Map<string, ObjectRights>();
  private readonly fields = new Map<string, FieldRights>();

  constructor(
    readonly permissionSet: string,
    xml: PermissionSetXml,
    private readonly schema: Schema
  ) {
    for (const o of xml.objectPermissions ?? []) {
      this.objects.set(o.object.toLowerCase(), {
        read: yes(o.allowRead),
        create: yes(o.allowCreate),
        edit: yes(o.allowEdit),
        delete: yes(o.allowDelete)
      });
    }
    for (const f of xml.fieldPermissions ?? []) {
      this.fields.set(f.field.toLowerCase(), {
        read: yes(f.readable) || yes(f.editable),
        edit: yes(f.editable)
      });
    }
  }

  object(name: string): ObjectRights {
    const granted = this.objects.get(name.toLowerCase());
    if (granted) return granted;
    return { read: !isCustom(name), create: false, edit: false, delete: false };
  }

  /**
   * Standard fields, required fields and master-detail fields follow the object (Salesforce has
   * no field permissions for them); other custom fields need the permission set's field permission.
   */
  field(objectName: string, fieldName: string): FieldRights {
    const object = this.object(objectName);
    const def = this.schema.field(objectName, fieldName);
    if (!isCustom(fieldName) || def?.required || def?.type === 'MasterDetail')
      return { read: object.read, edit: object.edit || object.create };
    const granted = this.fields.get(`${objectName}.${fieldName}`.toLowerCase());
    return granted
      ? { read: granted.read && object.read, edit: granted.edit && (object.edit || object.create) }
      : { read: false, edit: false };
  }
  /** Whether the user reads a UI API field path such as `Opportunity.Partner_Account__r.Name`. */
  readsPath(qualified: string): boolean {
    const [objectName, ...parts] = qualified.split('.');
    let object = this.schema.object(objectName);
    for (const [i, part] of parts.entries()) {
      // An object or path the metadata does not know is the org's to refuse, with its own error.
      if (!object) return true;
      if (i === parts.length - 1) return this.field(object.name, part).read;
      const lookup = Object.values(object.fields).find(
        (f) => f.relationshipName?.toLowerCase() === part.toLowerCase()
      );
      if (!lookup?.referenceTo) return true;
      if (!this.field(object.name, lookup.name).read || !this.object(lookup.referenceTo).read)
        return false;
      object = this.schema.object(lookup.referenceTo);
    }
    return this.object(objectName).read;
  }
}

export function loadRights(forceAppDir: string, permissionSet: string, schema: Schema): Rights {
  const file = join(forceAppDir, 'permissionsets', `${permissionSet}.permissionset-meta.xml`);
  if (!existsSync(file))
    throw new Error(`${file}: the preview user's permission set ${permissionSet} does not exist.`);
  const xml = parser.parse(readFileSync(file, 'utf8')) as { PermissionSet?: PermissionSetXml };
  if (!xml.PermissionSet) throw new Error(`${file}: expected a <PermissionSet> root element.`);
  return new Rights(permissionSet, xml.PermissionSet, schema);
}
