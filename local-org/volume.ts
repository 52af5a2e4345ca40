/**
 * A deterministic synthetic volume (`--seed volume --accounts N`) for benchmarks: the same N
 * always gives the same records. Per 10 accounts: 1 partner with 5 certifications, 9 customers
 * each with an opportunity, and a deal registration for every other customer.
 */
import type { OrgRuntime } from './org.ts';
import { createRecord, prepare } from './records.ts';

const TRACKS = ['Open', 'Select', 'Technology'];
const REGIONS = ['AMER', 'EMEA', 'APAC', 'PubSec'];
const CERTIFICATIONS = [
  'Sales Core',
  'Sales Professional',
  'Solution Architect',
  'Professional Services'
];
const STAGES = [
  'Prospecting',
  'Qualification',
  'Needs Analysis',
  'Proposal/Price Quote',
  'Closed Won'
];
const STATUSES = ['Submitted', 'Approved', 'Denied', 'Expired'];
/** Records per transaction: one journal line each, small enough to write at once. */
const CHUNK = 5000;

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function seedVolume(org: OrgRuntime, accounts: number, seed = 1): number {
  const next = random(seed);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)];
  const ctx = org.writeContext();
  const object = (name: string) => org.schema.object(name)!;
  const account = object('Account');
  const certification = object('Partner_Certification__c');
  const opportunity = object('Opportunity');
  const registration = object('Deal_Registration__c');
  let tx = org.store.begin();
  let pending = 0;
  let created = 0;
  const create = (target: typeof account, body: Record<string, unknown>): string => {
    const id = createRecord(tx, ctx, target, prepare(org.schema, target, body, 'json'));
    created++;
    if (++pending >= CHUNK) {
      tx.commit();
      tx = org.store.begin();
      pending = 0;
    }
    return id;
  };
  let partnerId: string | undefined;
  let partnerRegion = 'AMER';
  for (let i = 0; i < accounts; i++) {
    const n = String(i).padStart(7, '0');
    if (i % 10 === 0) {
      partnerRegion = pick(REGIONS);
      partnerId = create(account, {
        Name: `Volume Partner ${n}`,
        Website: `https://partner-${n}.example.com`,
        Partner_Type__c: 'VAR',
        Partner_Track__c: pick(TRACKS),
        Partner_Status__c: 'Authorized',
        Partner_Region__c: partnerRegion,
        Net_ARR_Trailing_12M__c: Math.round(next() * 500) * 1000
      });
      for (let c = 0; c < 5; c++) {
        create(certification, {
          Partner_Account__c: partnerId,
          Certification__c: pick(CERTIFICATIONS),
          Region__c: partnerRegion,
          Earned_On__c: '2026-01-15',
          Expires_On__c: '2028-01-15',
          External_Id__c: `VOL-CERT-${n}-${c}`
        });
      }
      continue;
    }
    const customerId = create(account, {
      Name: `Volume Customer ${n}`,
      Website: `https://customer-${n}.example.com`,
      Incumbent_Partner__c: next() < 0.3 ? partnerId : null
    });
    const opportunityId = create(opportunity, {
      Name: `Volume Customer ${n} - subscription`,
      AccountId: customerId,
      StageName: pick(STAGES),
      CloseDate: '2027-03-31',
      Amount: Math.round(next() * 200) * 1000,
      Deal_Path__c: 'Channel',
      Partner_Account__c: partnerId
    });
    if (i % 2 === 0) {
      create(registration, {
        Partner_Account__c: partnerId,
        Customer_Account__c: customerId,
        Opportunity__c: opportunityId,
        Customer_Name__c: `Volume Customer ${n}`,
        Customer_Domain__c: `customer-${n}.example.com`,
        Status__c: pick(STATUSES),
        External_Id__c: `VOL-REG-${n}`
      });
    }
  }
  tx.commit();
  return created;
}
