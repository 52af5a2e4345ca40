/**
 * The data model in force-app against DESIGN.md's contract: every field exists on its object,
 * one file per field, Title_Snake names, restricted picklists with exactly the agreed values,
 * named relationships, unique external ids on synced objects; and the reader's errors name the
 * bad file.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { MetadataError, defaultForceAppDir, loadSchema } from '../../scripts/lib/sfMetadata.ts';

const schema = loadSchema();
const objectsDir = join(defaultForceAppDir, 'objects');

// DESIGN.md "Data model": the API names every component, command and test relies on.
const designFields: Record<string, string[]> = {
  Account: [
    'Partner_Type__c',
    'Partner_Track__c',
    'Partner_Status__c',
    'Partner_Region__c',
    'Channel_Account_Manager__c',
    'Select_Invited_On__c',
    'Exec_Sponsored_JBP__c',
    'Dedicated_DevOps_Practice__c',
    'Net_ARR_Trailing_12M__c',
    'Demand_Gen_Activities_This_Quarter__c',
    'Incumbent_Partner__c',
    'Incumbent_Since__c',
    'Track_Requirements_Met__c',
    'Select_Eligible__c',
    'Track_Gaps__c'
  ],
  Partner_Certification__c: [
    'Partner_Account__c',
    'Contact__c',
    'Certification__c',
    'Region__c',
    'Earned_On__c',
    'Expires_On__c',
    'External_Id__c'
  ],
  Deal_Registration__c: [
    'Partner_Account__c',
    'Distributor__c',
    'Customer_Account__c',
    'Customer_Name__c',
    'Customer_Domain__c',
    'Customer_Country__c',
    'Opportunity__c',
    'Status__c',
    'Deal_Type__c',
    'Engagement__c',
    'Estimated_Amount__c',
    'Submitted_At__c',
    'Approved_On__c',
    'Expires_On__c',
    'Extensions__c',
    'Is_Tender__c',
    'External_Id__c',
    'Conflict_Status__c',
    'Conflict_Summary__c',
    'Match_Score__c'
  ],
  Opportunity: [
    'Deal_Path__c',
    'Deal_Motion__c',
    'Partner_Account__c',
    'Distributor__c',
    'Registered_Deal__c',
    'Deal_Type__c',
    'Engagement__c',
    'Influence_Partner__c',
    'Fulfillment_Partner__c',
    'Direct_Sale_Approved_By__c',
    'Direct_Sale_Approved_On__c',
    'Customer_Requested_Partner_Change__c',
    'Program_Discount_Pct__c',
    'Channel_Neutral_Amount__c'
  ],
  Joint_Pursuit_Plan__c: [
    'Opportunity__c',
    'Partner_Account__c',
    'Template__c',
    'Status__c',
    'Customer_Objectives__c',
    'Pain_Points__c',
    'Personas__c',
    'Use_Cases__c',
    'Partner_Responsibilities__c',
    'Our_Responsibilities__c',
    'Services_Attach_Plan__c',
    'Competition__c',
    'Risks__c',
    'Next_Steps__c',
    'Completion_Pct__c'
  ],
  Pursuit_Plan_Milestone__c: [
    'Joint_Pursuit_Plan__c',
    'Owner_Side__c',
    'Owner__c',
    'Due_Date__c',
    'Done__c',
    'Order__c'
  ]
};

// The agreed picklist values (helpers' working rules); the rules file uses the same strings.
const partnerRegions = ['AMER', 'EMEA', 'APAC', 'PubSec'];
const dealTypes = ['Resale', 'Referral', 'MSP', 'Services Attach'];
const engagements = ['Partner Sourced', 'Assisted', 'Fulfillment'];
const agreedPicklists: Record<string, string[]> = {
  'Account.Partner_Type__c': [
    'VAR',
    'DMR',
    'Distributor',
    'Training Partner',
    'GSI',
    'RSI',
    'Boutique SI',
    'MSP',
    'Upstream Alliance',
    'Integrated Alliance',
    'Downstream Alliance',
    'Sell-To Alliance'
  ],
  'Account.Partner_Track__c': ['Open', 'Select', 'Technology'],
  'Account.Partner_Status__c': ['Prospect', 'Authorized', 'Denied'],
  'Account.Partner_Region__c': partnerRegions,
  'Partner_Certification__c.Region__c': partnerRegions,
  'Partner_Certification__c.Certification__c': [
    'Sales Core',
    'Sales Professional',
    'Solution Architect',
    'Professional Services',
    'Training Services',
    'Managed Services'
  ],
  'Deal_Registration__c.Status__c': ['Submitted', 'Approved', 'Denied', 'Returned', 'Expired'],
  'Deal_Registration__c.Deal_Type__c': dealTypes,
  'Opportunity.Deal_Type__c': dealTypes,
  'Deal_Registration__c.Engagement__c': engagements,
  'Opportunity.Engagement__c': engagements,
  'Deal_Registration__c.Conflict_Status__c': ['None', 'Potential', 'Conflict'],
  'Opportunity.Deal_Path__c': ['Channel', 'Direct', 'Web'],
  'Opportunity.Deal_Motion__c': ['New Logo', 'Add-On', 'Renewal'],
  'Joint_Pursuit_Plan__c.Status__c': ['Draft', 'Active', 'Complete'],
  'Joint_Pursuit_Plan__c.Personas__c': [
    'VP App Dev',
    'DevOps Director',
    'Head of IT',
    'Chief Architect'
  ],
  'Pursuit_Plan_Milestone__c.Owner_Side__c': ['Partner', 'Us', 'Joint'],
  'Opportunity.StageName': [
    'Prospecting',
    'Qualification',
    'Needs Analysis',
    'Value Proposition',
    'Id. Decision Makers',
    'Perception Analysis',
    'Proposal/Price Quote',
    'Negotiation/Review',
    'Closed Won',
    'Closed Lost'
  ]
};

const customFields = Object.values(schema.objects).flatMap((object) =>
  Object.values(object.fields)
    .filter((field) => field.custom)
    .map((field) => ({ object, field }))
);

describe('the data model in force-app', () => {
  test('every DESIGN.md field exists on its object', () => {
    const missing = Object.entries(designFields).flatMap(([object, fields]) =>
      fields
        .filter((field) => schema.field(object, field) === undefined)
        .map((f) => `${object}.${f}`)
    );
    assert.deepEqual(missing, []);
  });

  test('force-app holds no custom field DESIGN.md does not name', () => {
    const extra = customFields
      .map(({ object, field }) => `${object.name}.${field.name}`)
      .filter((name) => {
        const [object = '', field = ''] = name.split('.');
        return !designFields[object]?.includes(field);
      });
    assert.deepEqual(extra, []);
  });

  test('one .field-meta.xml per field, and no fields inlined in an object file', () => {
    for (const folder of readdirSync(objectsDir)) {
      const objectFile = join(objectsDir, folder, `${folder}.object-meta.xml`);
      const inlined = readdirSync(join(objectsDir, folder)).includes(`${folder}.object-meta.xml`)
        ? readFileSync(objectFile, 'utf8').includes('<fields>')
        : false;
      assert.equal(inlined, false, `${objectFile} defines fields inline`);
    }
    const files = customFields.length;
    const onDisk = readdirSync(objectsDir).flatMap((folder) =>
      readdirSync(join(objectsDir, folder, 'fields'))
    );
    assert.equal(onDisk.length, files);
    assert.ok(onDisk.every((file) => file.endsWith('.field-meta.xml')));
  });

  test('custom API names are Title_Snake', () => {
    const titleSnake = /^[A-Z][A-Za-z0-9]*(_[A-Z0-9][A-Za-z0-9]*)*__c$/;
    const names = [
      ...customFields.map(({ field }) => field.name),
      ...Object.values(schema.objects)
        .filter((object) => object.custom)
        .map((object) => object.name)
    ];
    assert.deepEqual(
      names.filter((name) => !titleSnake.test(name)),
      []
    );
  });

  test('picklists are restricted and hold exactly the agreed values, in order', () => {
    for (const [qualified, values] of Object.entries(agreedPicklists)) {
      const [object = '', name = ''] = qualified.split('.');
      const field = schema.field(object, name);
      assert.ok(field?.picklist, `${qualified} is a picklist`);
      assert.deepEqual(field.picklist, { values, restricted: true }, qualified);
    }
    const picklists = customFields.filter(({ field }) => field.picklist !== undefined);
    const unlisted = picklists
      .map(({ object, field }) => `${object.name}.${field.name}`)
      .filter((name) => agreedPicklists[name] === undefined);
    assert.deepEqual(unlisted, [], 'every custom picklist has agreed values');
    assert.equal(schema.field('Joint_Pursuit_Plan__c', 'Personas__c')?.type, 'MultiselectPicklist');
  });

  test('every lookup and master-detail names its relationship both ways', () => {
    const references = customFields.filter(({ field }) => field.referenceTo !== undefined);
    assert.ok(references.length >= 15);
    for (const { object, field } of references) {
      const where = `${object.name}.${field.name}`;
      assert.equal(field.relationshipName, field.name.replace(/__c$/, '__r'), where);
      assert.ok(field.childRelationshipName, where);
      const xml = readFileSync(
        join(objectsDir, object.name, 'fields', `${field.name}.field-meta.xml`),
        'utf8'
      );
      assert.match(xml, /<relationshipLabel>[^<]+<\/relationshipLabel>/, where);
    }
  });

  test('several lookups to the same parent get distinct child relationships', () => {
    const account = schema.object('Account');
    const names = account?.childRelationships.map((child) => child.relationshipName) ?? [];
    assert.equal(new Set(names).size, names.length);
    const opportunityToAccount = account?.childRelationships
      .filter((child) => child.childObject === 'Opportunity')
      .map((child) => `${child.field}: ${child.relationshipName}`)
      .sort();
    assert.deepEqual(opportunityToAccount, [
      'AccountId: Opportunities',
      'Distributor__c: Distributor_Opportunities__r',
      'Fulfillment_Partner__c: Fulfillment_Opportunities__r',
      'Influence_Partner__c: Influenced_Opportunities__r',
      'Partner_Account__c: Partner_Opportunities__r'
    ]);
  });

  test('the master-detail chain is Account → certification, Opportunity → plan → milestone', () => {
    const masterOf = (object: string) =>
      Object.values(schema.object(object)?.fields ?? {})
        .filter((field) => field.type === 'MasterDetail')
        .map((field) => `${field.name}→${field.referenceTo}`);
    assert.deepEqual(masterOf('Partner_Certification__c'), ['Partner_Account__c→Account']);
    assert.deepEqual(masterOf('Joint_Pursuit_Plan__c'), ['Opportunity__c→Opportunity']);
    assert.deepEqual(masterOf('Pursuit_Plan_Milestone__c'), [
      'Joint_Pursuit_Plan__c→Joint_Pursuit_Plan__c'
    ]);
    assert.deepEqual(
      schema.object('Joint_Pursuit_Plan__c')?.childRelationships.map((c) => c.relationshipName),
      ['Milestones__r']
    );
  });

  test('synced objects upsert on a unique, case-sensitive External_Id__c', () => {
    for (const object of ['Partner_Certification__c', 'Deal_Registration__c']) {
      const externalId = schema.field(object, 'External_Id__c');
      assert.deepEqual(
        {
          type: externalId?.type,
          length: externalId?.length,
          unique: externalId?.unique,
          externalId: externalId?.externalId,
          caseSensitive: externalId?.caseSensitive
        },
        { type: 'Text', length: 255, unique: true, externalId: true, caseSensitive: true },
        object
      );
    }
  });

  test('deal registrations are numbered DR-000001…, not named', () => {
    const name = schema.field('Deal_Registration__c', 'Name');
    assert.equal(name?.type, 'AutoNumber');
    assert.equal(name?.displayFormat, 'DR-{000000}');
    assert.equal(name?.createable, false);
  });

  test('system fields: master-detail children have no owner, others do', () => {
    for (const object of Object.values(schema.objects)) {
      for (const system of [
        'Id',
        'CreatedDate',
        'LastModifiedDate',
        'SystemModstamp',
        'IsDeleted'
      ]) {
        assert.ok(object.fields[system], `${object.name}.${system}`);
      }
    }
    assert.ok(schema.field('Deal_Registration__c', 'OwnerId'));
    assert.ok(schema.field('Account', 'OwnerId'));
    for (const child of [
      'Partner_Certification__c',
      'Joint_Pursuit_Plan__c',
      'Pursuit_Plan_Milestone__c'
    ]) {
      assert.equal(schema.field(child, 'OwnerId'), undefined, child);
    }
  });

  test('standard objects keep their real key prefixes and required fields', () => {
    const prefixes = Object.fromEntries(
      Object.values(schema.objects).map((object) => [object.name, object.keyPrefix])
    );
    assert.equal(prefixes['Account'], '001');
    assert.equal(prefixes['Contact'], '003');
    assert.equal(prefixes['Opportunity'], '006');
    assert.equal(prefixes['User'], '005');
    assert.equal(prefixes['StaticResource'], '081');
    const required = (object: string) =>
      Object.values(schema.object(object)?.fields ?? {})
        .filter((field) => field.required && !field.custom)
        .map((field) => field.name)
        .sort();
    assert.deepEqual(required('Account'), ['Name']);
    assert.deepEqual(required('Opportunity'), ['CloseDate', 'Name', 'StageName']);
    assert.deepEqual(required('Contact'), ['LastName']);
  });

  test('custom objects get distinct a0x key prefixes, the same on every load', () => {
    const custom = Object.values(schema.objects).filter((object) => object.custom);
    const prefixes = custom.map((object) => object.keyPrefix);
    assert.ok(prefixes.every((prefix) => /^a0[0-9A-Za-z]$/.test(prefix)));
    assert.equal(new Set(prefixes).size, prefixes.length);
    const again = loadSchema();
    assert.deepEqual(
      custom.map((object) => again.objects[object.name]?.keyPrefix),
      prefixes
    );
  });

  test('lookups are case-insensitive, like Salesforce', () => {
    assert.equal(schema.object('deal_registration__C')?.name, 'Deal_Registration__c');
    assert.equal(
      schema.field('OPPORTUNITY', 'registered_deal__c')?.referenceTo,
      'Deal_Registration__c'
    );
    assert.equal(schema.field('Account', 'No_Such_Field__c'), undefined);
    assert.equal(schema.object('No_Such_Object__c'), undefined);
  });
});

describe('sfMetadata errors name the bad file', () => {
  const root = mkdtempSync(join(tmpdir(), 'ppk-metadata-'));
  after(() => rmSync(root, { recursive: true, force: true }));
  let count = 0;

  const objectXml = `<?xml version="1.0" encoding="UTF-8"?>
<CustomObject xmlns="http://soap.sforce.com/2006/04/metadata">
    <label>Thing</label>
    <nameField><label>Thing Name</label><type>Text</type></nameField>
    <pluralLabel>Things</pluralLabel>
</CustomObject>
`;
  const lookup = (name: string, relationship: string) =>
    `<CustomField xmlns="http://soap.sforce.com/2006/04/metadata"><fullName>${name}</fullName><label>${name}</label><type>Lookup</type><referenceTo>Account</referenceTo><relationshipName>${relationship}</relationshipName></CustomField>`;

  /** A force-app with one custom object Thing__c whose fields are given as file name → XML. */
  function forceApp(fields: Record<string, string>, object = objectXml): string {
    const dir = join(root, `app${(count += 1)}`);
    mkdirSync(join(dir, 'objects/Thing__c/fields'), { recursive: true });
    writeFileSync(join(dir, 'objects/Thing__c/Thing__c.object-meta.xml'), object);
    for (const [file, xml] of Object.entries(fields)) {
      writeFileSync(join(dir, 'objects/Thing__c/fields', file), xml);
    }
    return dir;
  }

  function failure(dir: string): MetadataError {
    try {
      loadSchema(dir);
    } catch (error) {
      assert.ok(error instanceof MetadataError, String(error));
      return error;
    }
    assert.fail('expected loadSchema to reject the metadata');
  }

  test('a well-formed fixture loads, with its lookup linked', () => {
    const dir = forceApp({ 'Buyer__c.field-meta.xml': lookup('Buyer__c', 'Things') });
    const fixture = loadSchema(dir);
    assert.equal(fixture.field('Thing__c', 'Buyer__r'), undefined);
    assert.equal(fixture.field('Thing__c', 'Buyer__c')?.relationshipName, 'Buyer__r');
    assert.deepEqual(
      fixture.object('Account')?.childRelationships.filter((c) => c.childObject === 'Thing__c'),
      [{ relationshipName: 'Things__r', childObject: 'Thing__c', field: 'Buyer__c' }]
    );
  });

  test('malformed XML: file, line and column', () => {
    const dir = forceApp({
      'Size__c.field-meta.xml':
        '<CustomField>\n<fullName>Size__c</fullName>\n<label>Size</oops>\n</CustomField>'
    });
    const error = failure(dir);
    assert.ok(error.file.endsWith('Size__c.field-meta.xml'));
    assert.match(error.message, /Size__c\.field-meta\.xml: not well-formed XML at line 3/);
  });

  test('wrong root element', () => {
    const error = failure(forceApp({ 'Size__c.field-meta.xml': '<CustomObject></CustomObject>' }));
    assert.match(error.message, /Size__c\.field-meta\.xml: expected a <CustomField> root element/);
  });

  test('unsupported field type, naming the supported ones', () => {
    const error = failure(
      forceApp({
        'Size__c.field-meta.xml':
          '<CustomField><fullName>Size__c</fullName><label>Size</label><type>Hierarchy</type></CustomField>'
      })
    );
    assert.match(
      error.message,
      /Size__c\.field-meta\.xml: <type> "Hierarchy" is not one.*Picklist/
    );
  });

  test('fullName that does not match the file name', () => {
    const error = failure(
      forceApp({
        'Size__c.field-meta.xml':
          '<CustomField><fullName>Width__c</fullName><label>Size</label><type>Date</type></CustomField>'
      })
    );
    assert.match(error.message, /Size__c\.field-meta\.xml: <fullName> is "Width__c"/);
  });

  test('a lookup without a relationship name', () => {
    const error = failure(
      forceApp({
        'Buyer__c.field-meta.xml':
          '<CustomField><fullName>Buyer__c</fullName><label>Buyer</label><type>Lookup</type><referenceTo>Account</referenceTo></CustomField>'
      })
    );
    assert.match(
      error.message,
      /Buyer__c\.field-meta\.xml: a Lookup field needs a <relationshipName>/
    );
  });

  test('a lookup to an object nobody declared', () => {
    const error = failure(
      forceApp({
        'Buyer__c.field-meta.xml': lookup('Buyer__c', 'Things').replace('Account', 'Lead')
      })
    );
    assert.match(error.message, /Buyer__c\.field-meta\.xml: <referenceTo> "Lead"/);
  });

  test('two lookups to the same parent with the same relationship name', () => {
    const error = failure(
      forceApp({
        'Buyer__c.field-meta.xml': lookup('Buyer__c', 'Things'),
        'Seller__c.field-meta.xml': lookup('Seller__c', 'Things')
      })
    );
    assert.match(
      error.message,
      /Seller__c\.field-meta\.xml: <relationshipName> Things__r is already used on Account by Thing__c\.Buyer__c/
    );
  });

  test('a picklist without values, and a non-boolean flag', () => {
    const empty = failure(
      forceApp({
        'Tier__c.field-meta.xml':
          '<CustomField><fullName>Tier__c</fullName><label>Tier</label><type>Picklist</type><valueSet><restricted>true</restricted></valueSet></CustomField>'
      })
    );
    assert.match(empty.message, /Tier__c\.field-meta\.xml: a picklist needs/);
    const flag = failure(
      forceApp({
        'Code__c.field-meta.xml':
          '<CustomField><fullName>Code__c</fullName><label>Code</label><type>Text</type><length>10</length><unique>yes</unique></CustomField>'
      })
    );
    assert.match(
      flag.message,
      /Code__c\.field-meta\.xml: <unique> must be true or false, found "yes"/
    );
  });

  test('an object file without a name field', () => {
    const error = failure(forceApp({}, objectXml.replace(/<nameField>.*<\/nameField>/, '')));
    assert.match(error.message, /Thing__c\.object-meta\.xml: a custom object needs a <nameField>/);
  });

  test('fields for a standard object the project does not declare', () => {
    const dir = forceApp({});
    mkdirSync(join(dir, 'objects/Lead/fields'), { recursive: true });
    const error = failure(dir);
    assert.match(
      error.message,
      /Lead: standard object Lead is not declared in scripts\/lib\/standardObjects\.ts/
    );
  });
});
