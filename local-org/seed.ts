/**
 * First-start initialization: the admin user every org has, and with `--seed demo` the demo
 * users (tree import cannot create Users) and data/sample-plan.json through the tree-import
 * logic. All in one transaction, so a kill mid-seed leaves an org that seeds again cleanly.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatDateTime } from './fieldValues.ts';
import { createRecord, prepare, updateRecord } from './records.ts';
import type { OrgRuntime } from './org.ts';
import { importPlan } from './treeImport.ts';
import { deployStaticResources } from './staticResources.ts';
import { seedVolume } from './volume.ts';

export type SeedKind = 'demo' | 'none' | 'volume';

export const samplePlan = fileURLToPath(new URL('../data/sample-plan.json', import.meta.url));

interface DemoUser {
  key: string;
  FirstName: string;
  LastName: string;
  Title: string;
}

/** The people of the demo: who sells, who manages partners, who approves direct sales. */
export const demoUsers: DemoUser[] = [
  { key: 'seller', FirstName: 'Sam', LastName: 'Seller', Title: 'Account Executive' },
  { key: 'cam', FirstName: 'Casey', LastName: 'Morgan', Title: 'Channel Account Manager' },
  { key: 'ops', FirstName: 'Olivia', LastName: 'Ops', Title: 'Channel Operations' },
  { key: 'manager', FirstName: 'Max', LastName: 'Manager', Title: 'Regional Sales Manager' },
  { key: 'vp', FirstName: 'Valerie', LastName: 'Park', Title: 'VP Global Channel Sales' }
];

export function initializeOrg(
  org: OrgRuntime,
  seed: SeedKind,
  volumeAccounts = 10_000,
  forceAppDir?: string
): void {
  if (!org.store.get('User', org.userId)) seedOrg(org, seed, volumeAccounts);
  // Also on data dirs created before the org had its Organization record.
  if (!org.store.get('Organization', org.orgId)) addOrganization(org);
  deployStaticResources(org, forceAppDir);
}

function seedOrg(org: OrgRuntime, seed: SeedKind, volumeAccounts: number): void {
  if (org.store.hasRecords()) {
    throw new Error(
      'The data dir holds records but no admin user: a volume seed was interrupted. Remove the data dir and start again.'
    );
  }
  // A volume is too big for one transaction: its chunks commit first, the admin user last.
  if (seed === 'volume') seedVolume(org, volumeAccounts);
  const user = org.schema.object('User')!;
  const ctx = { ...org.writeContext(), system: true };
  const tx = org.store.begin();
  try {
    createRecord(
      tx,
      ctx,
      user,
      prepare(
        org.schema,
        user,
        {
          FirstName: 'Local',
          LastName: 'Admin',
          Username: 'admin@local-org.ppk',
          Email: 'admin@local-org.ppk.invalid',
          Title: 'System Administrator'
        },
        'json'
      )
    );
    if (seed === 'demo') seedDemo(org, tx);
    tx.commit();
  } catch (error) {
    tx.rollback();
    throw error;
  }
}

/**
 * The org's own Organization record, as a production Enterprise Edition org has it (not a sandbox,
 * no trial expiry, no namespace). Its fields are read-only through the API, so it is written here
 * directly, with the org id as its Id.
 */
function addOrganization(org: OrgRuntime): void {
  const now = formatDateTime(Date.now());
  const tx = org.store.begin();
  tx.put('Organization', {
    Id: org.orgId,
    IsDeleted: false,
    CreatedDate: now,
    CreatedById: org.userId,
    LastModifiedDate: now,
    LastModifiedById: org.userId,
    SystemModstamp: now,
    Name: 'Local Org',
    OrganizationType: 'Enterprise Edition',
    IsSandbox: false,
    InstanceName: 'LOCAL'
  });
  tx.commit();
}

function seedDemo(org: OrgRuntime, tx: ReturnType<OrgRuntime['store']['begin']>) {
  const ctx = { ...org.writeContext(), system: true };
  const user = org.schema.object('User')!;
  const users = new Map<string, string>();
  for (const demo of demoUsers) {
    const username = `${demo.key}@local-org.ppk`;
    const body = {
      FirstName: demo.FirstName,
      LastName: demo.LastName,
      Title: demo.Title,
      Username: username,
      Email: `${demo.key}@example.com`
    };
    users.set(demo.key, createRecord(tx, ctx, user, prepare(org.schema, user, body, 'json')));
  }
  if (users.get('manager')) {
    for (const key of ['seller', 'cam', 'ops']) {
      updateRecord(
        tx,
        ctx,
        user,
        users.get(key)!,
        prepare(org.schema, user, { ManagerId: users.get('manager') }, 'json')
      );
    }
  }
  if (!existsSync(samplePlan)) return;
  const refs = importPlan(tx, ctx, samplePlan);
  assignDemoOwners(org, tx, refs, users);
}

/**
 * A scratch org's tree import cannot point at Users; the local org knows its demo users, so it
 * gives partner accounts their CAM and opportunities their seller.
 */
function assignDemoOwners(
  org: OrgRuntime,
  tx: ReturnType<OrgRuntime['store']['begin']>,
  refs: Map<string, string>,
  users: Map<string, string>
) {
  const ctx = { ...org.writeContext(), system: true };
  const account = org.schema.object('Account')!;
  const opportunity = org.schema.object('Opportunity')!;
  for (const id of refs.values()) {
    const prefix = id.slice(0, 3);
    if (prefix === account.keyPrefix) {
      const record = org.store.get('Account', id)!;
      if (record.Partner_Track__c && account.fields.Channel_Account_Manager__c) {
        updateRecord(
          tx,
          ctx,
          account,
          id,
          prepare(org.schema, account, { Channel_Account_Manager__c: users.get('cam') }, 'json')
        );
      }
    } else if (prefix === opportunity.keyPrefix) {
      updateRecord(
        tx,
        ctx,
        opportunity,
        id,
        prepare(org.schema, opportunity, { OwnerId: users.get('seller') }, 'json')
      );
    }
  }
}
