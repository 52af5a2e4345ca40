/**
 * The standard objects and fields this project uses, declared once. Salesforce has them in every
 * org, so force-app holds only our custom fields on them; the schema reader merges the two.
 * Audit fields (Id, CreatedDate, CreatedById, LastModifiedDate, LastModifiedById, SystemModstamp,
 * IsDeleted) are added by the reader to every object, so they are not repeated here.
 * Required flags, lengths and create/update rights follow Salesforce's describe for each field.
 */
import type { FieldDef, FieldType } from './sfMetadata.ts';

export interface StandardObjectDecl {
  name: string;
  label: string;
  pluralLabel: string;
  keyPrefix: string;
  fields: FieldDef[];
}

type Options = Partial<Omit<FieldDef, 'name' | 'label' | 'type' | 'custom'>>;

function field(name: string, label: string, type: FieldType, options: Options = {}): FieldDef {
  return {
    name,
    label,
    type,
    custom: false,
    required: false,
    unique: false,
    externalId: false,
    createable: true,
    updateable: true,
    ...options
  };
}

const text = (name: string, label: string, length: number, options: Options = {}) =>
  field(name, label, 'Text', { length, ...options });

const lookup = (
  name: string,
  label: string,
  referenceTo: string,
  relationshipName: string,
  options: Options = {}
) => field(name, label, 'Lookup', { referenceTo, relationshipName, ...options });

/** Read-only fields Salesforce computes (compound names, formula-like flags). */
const computed: Options = { createable: false, updateable: false };

const owner = lookup('OwnerId', 'Owner ID', 'User', 'Owner');

/**
 * The sample stage names (Salesforce's defaults) the rules file's stage gates refer to, in
 * pipeline order. Orgs rename stages; the gates are configurable in the rules file.
 */
export const opportunityStages = [
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
] as const;

/** What each closed stage means, as the org's OpportunityStage setup says (the others are open). */
export const closedOpportunityStages: Readonly<Record<string, { won: boolean }>> = {
  'Closed Won': { won: true },
  'Closed Lost': { won: false }
};

export const standardObjects: StandardObjectDecl[] = [
  {
    name: 'Account',
    label: 'Account',
    pluralLabel: 'Accounts',
    keyPrefix: '001',
    fields: [
      text('Name', 'Account Name', 255, { required: true }),
      field('Website', 'Website', 'Url', { length: 255 }),
      field('Phone', 'Account Phone', 'Phone', { length: 40 }),
      text('BillingStreet', 'Billing Street', 255),
      text('BillingCity', 'Billing City', 40),
      text('BillingState', 'Billing State/Province', 80),
      text('BillingPostalCode', 'Billing Zip/Postal Code', 20),
      text('BillingCountry', 'Billing Country', 80),
      field('Type', 'Account Type', 'Picklist', {
        picklist: {
          values: [
            'Prospect',
            'Customer - Direct',
            'Customer - Channel',
            'Channel Partner / Reseller',
            'Installation Partner',
            'Technology Partner',
            'Other'
          ],
          restricted: false
        }
      }),
      field('Industry', 'Industry', 'Picklist', {
        picklist: {
          values: [
            'Agriculture',
            'Banking',
            'Communications',
            'Consulting',
            'Education',
            'Electronics',
            'Energy',
            'Finance',
            'Government',
            'Healthcare',
            'Insurance',
            'Manufacturing',
            'Media',
            'Retail',
            'Technology',
            'Telecommunications',
            'Transportation',
            'Other'
          ],
          restricted: false
        }
      }),
      lookup('ParentId', 'Parent Account ID', 'Account', 'Parent', {
        childRelationshipName: 'ChildAccounts'
      }),
      field('Description', 'Account Description', 'LongTextArea', { length: 32000 }),
      owner
    ]
  },
  {
    name: 'Contact',
    label: 'Contact',
    pluralLabel: 'Contacts',
    keyPrefix: '003',
    fields: [
      text('FirstName', 'First Name', 40),
      text('LastName', 'Last Name', 80, { required: true }),
      // Compound of FirstName and LastName: read-only, as in Salesforce.
      text('Name', 'Full Name', 121, computed),
      field('Email', 'Email', 'Email', { length: 80 }),
      text('Title', 'Title', 128),
      field('Phone', 'Business Phone', 'Phone', { length: 40 }),
      lookup('AccountId', 'Account ID', 'Account', 'Account', {
        childRelationshipName: 'Contacts'
      }),
      owner
    ]
  },
  {
    name: 'Opportunity',
    label: 'Opportunity',
    pluralLabel: 'Opportunities',
    keyPrefix: '006',
    fields: [
      text('Name', 'Name', 120, { required: true }),
      lookup('AccountId', 'Account ID', 'Account', 'Account', {
        childRelationshipName: 'Opportunities'
      }),
      field('StageName', 'Stage', 'Picklist', {
        required: true,
        picklist: { values: [...opportunityStages], restricted: true }
      }),
      field('CloseDate', 'Close Date', 'Date', { required: true }),
      field('Amount', 'Amount', 'Currency', { precision: 18, scale: 2 }),
      field('Probability', 'Probability (%)', 'Percent', { precision: 3, scale: 0 }),
      field('Type', 'Opportunity Type', 'Picklist', {
        picklist: {
          values: [
            'Existing Customer - Upgrade',
            'Existing Customer - Replacement',
            'Existing Customer - Downgrade',
            'New Customer'
          ],
          restricted: false
        }
      }),
      // Derived by Salesforce from the stage.
      field('IsClosed', 'Closed', 'Checkbox', { ...computed, defaultValue: false }),
      field('IsWon', 'Won', 'Checkbox', { ...computed, defaultValue: false }),
      field('Description', 'Description', 'LongTextArea', { length: 32000 }),
      owner
    ]
  },
  {
    name: 'User',
    label: 'User',
    pluralLabel: 'Users',
    keyPrefix: '005',
    fields: [
      text('Name', 'Full Name', 121, computed),
      text('FirstName', 'First Name', 40),
      text('LastName', 'Last Name', 80, { required: true }),
      text('Username', 'Username', 80, { required: true, unique: true }),
      field('Email', 'Email', 'Email', { length: 128, required: true }),
      field('IsActive', 'Active', 'Checkbox', { defaultValue: true }),
      lookup('ManagerId', 'Manager ID', 'User', 'Manager', {
        childRelationshipName: 'ManagedUsers'
      }),
      text('Title', 'Title', 80)
    ]
  },
  {
    // The org itself: one record whose Id is the org id. Clients (the Salesforce CLI) read it to
    // tell production, sandbox and scratch orgs apart; nothing here writes it.
    name: 'Organization',
    label: 'Organization',
    pluralLabel: 'Organizations',
    keyPrefix: '00D',
    fields: [
      text('Name', 'Name', 80, computed),
      text('OrganizationType', 'Edition', 40, computed),
      field('IsSandbox', 'Is Sandbox', 'Checkbox', { ...computed, defaultValue: false }),
      text('InstanceName', 'Instance Name', 5, computed),
      text('NamespacePrefix', 'Namespace Prefix', 15, computed),
      field('TrialExpirationDate', 'Trial Expiration Date', 'DateTime', computed)
    ]
  },
  {
    name: 'StaticResource',
    label: 'Static Resource',
    pluralLabel: 'Static Resources',
    keyPrefix: '081',
    fields: [
      // A resource's Name is its API name: unique in the org.
      text('Name', 'Name', 255, { required: true, unique: true }),
      text('ContentType', 'MIME Type', 120, { required: true }),
      // Base64 body; Salesforce types it "base64", the nearest here is long text.
      field('Body', 'Body', 'LongTextArea', { length: 5242880 }),
      field('BodyLength', 'Body Length', 'Number', { ...computed, precision: 9, scale: 0 })
    ]
  }
];
