/**
 * Least privilege, as DESIGN.md puts it: sellers read, CAMs approve registrations and build
 * plans, the sync user writes what the ppk commands write; nobody deletes or sees past sharing.
 * And every object, field, tab and app a permission set names exists.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { defaultForceAppDir, loadSchema } from '../../scripts/lib/sfMetadata.ts';

interface ObjectPermission {
  object: string;
  allowCreate: string;
  allowDelete: string;
  allowEdit: string;
  allowRead: string;
  modifyAllRecords: string;
  viewAllRecords: string;
}
interface FieldPermission {
  field: string;
  editable: string;
  readable: string;
}
interface PermissionSet {
  label: string;
  objectPermissions?: ObjectPermission[];
  fieldPermissions?: FieldPermission[];
  tabSettings?: { tab: string; visibility: string }[];
  applicationVisibilities?: { application: string; visible: string }[];
}

const schema = loadSchema();
const dir = join(defaultForceAppDir, 'permissionsets');
const parser = new XMLParser({
  parseTagValue: false,
  isArray: (name) =>
    ['objectPermissions', 'fieldPermissions', 'tabSettings', 'applicationVisibilities'].includes(
      name
    )
});

function permissionSet(name: string): PermissionSet {
  const xml = readFileSync(join(dir, `${name}.permissionset-meta.xml`), 'utf8');
  return (parser.parse(xml) as { PermissionSet: PermissionSet }).PermissionSet;
}

const names = readdirSync(dir).map((file) => file.replace('.permissionset-meta.xml', ''));
const seller = permissionSet('Channel_Seller');
const cam = permissionSet('Channel_Account_Manager');
const ops = permissionSet('Channel_Ops_Integration');

const editableFields = (set: PermissionSet) =>
  (set.fieldPermissions ?? []).filter((p) => p.editable === 'true').map((p) => p.field);
const objectRights = (set: PermissionSet, object: string) => {
  const p = set.objectPermissions?.find((o) => o.object === object);
  return { read: p?.allowRead, create: p?.allowCreate, edit: p?.allowEdit };
};

// Written only by the ppk sync commands (conflict scan, track evaluation, money).
const derivedFields = [
  'Deal_Registration__c.Conflict_Status__c',
  'Deal_Registration__c.Conflict_Summary__c',
  'Deal_Registration__c.Match_Score__c',
  'Account.Track_Requirements_Met__c',
  'Account.Select_Eligible__c',
  'Account.Track_Gaps__c',
  'Opportunity.Program_Discount_Pct__c',
  'Opportunity.Channel_Neutral_Amount__c'
];
const approvalFields = [
  'Deal_Registration__c.Approved_On__c',
  'Deal_Registration__c.Expires_On__c',
  'Deal_Registration__c.Extensions__c',
  'Deal_Registration__c.Status__c'
];

describe('permission sets', () => {
  test('the three agreed permission sets exist', () => {
    assert.deepEqual(names.sort(), [
      'Channel_Account_Manager',
      'Channel_Ops_Integration',
      'Channel_Seller'
    ]);
  });

  test('nobody deletes, views all or modifies all', () => {
    for (const name of names) {
      for (const p of permissionSet(name).objectPermissions ?? []) {
        const where = `${name} on ${p.object}`;
        assert.equal(p.allowDelete, 'false', where);
        assert.equal(p.modifyAllRecords, 'false', where);
        assert.equal(p.viewAllRecords, 'false', where);
      }
    }
  });

  test('every custom field the model has is readable by all three (no blind spots)', () => {
    const grantable = Object.values(schema.objects).flatMap((object) =>
      Object.values(object.fields)
        .filter((field) => field.custom && !field.required)
        .map((field) => `${object.name}.${field.name}`)
    );
    for (const name of names) {
      const readable = new Set(
        (permissionSet(name).fieldPermissions ?? [])
          .filter((p) => p.readable === 'true')
          .map((p) => p.field)
      );
      assert.deepEqual(
        grantable.filter((field) => !readable.has(field)),
        [],
        name
      );
    }
  });

  test('seller reads partner data and plans, edits nothing', () => {
    assert.deepEqual(editableFields(seller), []);
    for (const p of seller.objectPermissions ?? []) {
      assert.deepEqual(
        [p.allowRead, p.allowCreate, p.allowEdit],
        ['true', 'false', 'false'],
        p.object
      );
    }
    for (const object of [
      'Deal_Registration__c',
      'Partner_Certification__c',
      'Joint_Pursuit_Plan__c',
      'Pursuit_Plan_Milestone__c'
    ]) {
      assert.equal(objectRights(seller, object).read, 'true', object);
    }
  });

  test('CAM edits the approval fields of registrations, never the derived ones', () => {
    const editable = editableFields(cam);
    assert.deepEqual(
      editable.filter((field) => field.startsWith('Deal_Registration__c.')).sort(),
      approvalFields
    );
    assert.deepEqual(
      derivedFields.filter((field) => editable.includes(field)),
      []
    );
    assert.deepEqual(objectRights(cam, 'Deal_Registration__c'), {
      read: 'true',
      create: 'false',
      edit: 'true'
    });
    assert.deepEqual(
      editable.filter((field) => field.startsWith('Account.') || field.startsWith('Opportunity.')),
      []
    );
  });

  test('CAM creates and edits pursuit plans and milestones', () => {
    for (const object of ['Joint_Pursuit_Plan__c', 'Pursuit_Plan_Milestone__c']) {
      assert.deepEqual(objectRights(cam, object), { read: 'true', create: 'true', edit: 'true' });
    }
    const editable = editableFields(cam);
    for (const field of [
      'Joint_Pursuit_Plan__c.Customer_Objectives__c',
      'Joint_Pursuit_Plan__c.Personas__c',
      'Joint_Pursuit_Plan__c.Status__c',
      'Pursuit_Plan_Milestone__c.Done__c',
      'Pursuit_Plan_Milestone__c.Due_Date__c'
    ]) {
      assert.ok(editable.includes(field), field);
    }
  });

  test('the sync user writes what the ppk commands write, and nothing else', () => {
    for (const object of ['Deal_Registration__c', 'Partner_Certification__c']) {
      assert.deepEqual(objectRights(ops, object), { read: 'true', create: 'true', edit: 'true' });
    }
    const editable = editableFields(ops);
    for (const field of [
      ...derivedFields,
      'Deal_Registration__c.External_Id__c',
      'Deal_Registration__c.Customer_Account__c',
      'Partner_Certification__c.External_Id__c',
      'Account.Incumbent_Partner__c',
      'Account.Incumbent_Since__c',
      'Opportunity.Registered_Deal__c',
      'Opportunity.Partner_Account__c'
    ]) {
      assert.ok(editable.includes(field), field);
    }
    // Program inputs set by people, not by the sync.
    for (const field of [
      'Account.Partner_Track__c',
      'Account.Channel_Account_Manager__c',
      'Opportunity.Direct_Sale_Approved_By__c',
      'Opportunity.Customer_Requested_Partner_Change__c'
    ]) {
      assert.ok(!editable.includes(field), field);
    }
    for (const object of ['Joint_Pursuit_Plan__c', 'Pursuit_Plan_Milestone__c', 'Contact']) {
      assert.deepEqual(objectRights(ops, object), { read: 'true', create: 'false', edit: 'false' });
    }
    assert.equal(ops.tabSettings, undefined, 'an integration user needs no tabs');
  });

  test('every object, field, tab and app named exists; no required or master-detail field listed', () => {
    for (const name of names) {
      const set = permissionSet(name);
      for (const p of set.objectPermissions ?? []) {
        assert.ok(schema.object(p.object), `${name}: object ${p.object}`);
      }
      for (const p of set.fieldPermissions ?? []) {
        const [object = '', fieldName = ''] = p.field.split('.');
        const field = schema.field(object, fieldName);
        assert.ok(field, `${name}: field ${p.field}`);
        // Salesforce rejects field permissions on required and master-detail fields.
        assert.equal(field.required, false, `${name}: ${p.field} is required`);
        assert.notEqual(field.type, 'MasterDetail', `${name}: ${p.field}`);
        assert.ok(
          objectRights(set, object).read === 'true',
          `${name}: ${p.field} without read on ${object}`
        );
      }
      for (const tab of set.tabSettings ?? []) {
        assert.ok(
          existsSync(join(defaultForceAppDir, 'tabs', `${tab.tab}.tab-meta.xml`)),
          `${name}: tab ${tab.tab}`
        );
      }
      for (const app of set.applicationVisibilities ?? []) {
        assert.ok(
          existsSync(join(defaultForceAppDir, 'applications', `${app.application}.app-meta.xml`)),
          `${name}: app ${app.application}`
        );
      }
    }
  });
});
