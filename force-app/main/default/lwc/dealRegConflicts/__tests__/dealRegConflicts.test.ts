import {
  flushPromises,
  freezeToday,
  resetDom,
  serveProgramRules
} from '../../../../../test/lwcTestUtils';
import { createElement } from 'lwc';
import { getRecord } from 'lightning/uiRecordApi';
import { getRelatedListRecords } from 'lightning/uiRelatedListApi';
import DealRegConflicts from 'c/dealRegConflicts';
import directOpportunity from './data/directOpportunity.json';
import channelOpportunity from './data/channelOpportunity.json';
import customer from './data/customer.json';
import customerNoIncumbent from './data/customerNoIncumbent.json';
import registrationsOnOpportunity from './data/registrationsOnOpportunity.json';
import registrationsOfCustomer from './data/registrationsOfCustomer.json';
import registrationsNone from './data/registrationsNone.json';
import registrationsUntrusted from './data/registrationsUntrusted.json';
import customerOpportunities from './data/customerOpportunities.json';
import customerOpportunitiesNone from './data/customerOpportunitiesNone.json';

type Config = Record<string, unknown>;
interface TestWire {
  emit(data: unknown, filter?: (config: Config) => boolean): void;
  error(body?: unknown, status?: number, statusText?: string): void;
}
const recordWire = getRecord as unknown as TestWire;
const relatedListWire = getRelatedListRecords as unknown as TestWire;

const OPPORTUNITY_ID = '006000000000001AAA';
const ACCOUNT_ID = '001C00000000001AAA';
const list = (id: string) => (config: Config) => config.relatedListId === id;

async function mount(objectApiName: string, recordId: string): Promise<HTMLElement> {
  const element = createElement('c-deal-reg-conflicts', { is: DealRegConflicts });
  Object.assign(element, { objectApiName, recordId });
  document.body.appendChild(element);
  await flushPromises();
  return element;
}

async function onOpportunity(
  opportunity: unknown,
  onOpp: unknown,
  ofCustomer: unknown,
  account: unknown = customer
): Promise<HTMLElement> {
  const element = await mount('Opportunity', OPPORTUNITY_ID);
  recordWire.emit(opportunity, (config) => config.recordId === OPPORTUNITY_ID);
  relatedListWire.emit(onOpp, list('Deal_Registrations__r'));
  await flushPromises();
  recordWire.emit(account, (config) => config.recordId === ACCOUNT_ID);
  relatedListWire.emit(ofCustomer, list('Customer_Deal_Registrations__r'));
  await flushPromises();
  return element;
}

async function onAccount(
  ofCustomer: unknown,
  opportunities: unknown,
  account: unknown = customer
): Promise<HTMLElement> {
  const element = await mount('Account', ACCOUNT_ID);
  recordWire.emit(account, (config) => config.recordId === ACCOUNT_ID);
  relatedListWire.emit(ofCustomer, list('Customer_Deal_Registrations__r'));
  relatedListWire.emit(opportunities, list('Opportunities'));
  await flushPromises();
  return element;
}

const $$ = (element: HTMLElement, selector: string): Element[] => [
  ...element.shadowRoot!.querySelectorAll(selector)
];
const texts = (element: Element, selector: string): string[] =>
  [...element.querySelectorAll(selector)].map((e) => e.textContent ?? '');

describe('c-deal-reg-conflicts', () => {
  beforeEach(() => {
    freezeToday();
    serveProgramRules();
  });

  afterEach(() => {
    resetDom();
    jest.useRealTimers();
  });

  it('warns, most severe first, that a registered deal is sold direct without approval', async () => {
    const element = await onOpportunity(
      directOpportunity,
      registrationsOnOpportunity,
      registrationsOnOpportunity
    );

    const warnings = $$(element, 'li.warning');
    expect(warnings.length).toBeGreaterThanOrEqual(2);
    const [first, second] = warnings;
    // seed 001:144: no direct sales of an opportunity with an approved deal registration without VP approval.
    expect(first.querySelector('.warning-title')!.textContent).toContain(
      'without VP Global Channel Sales approval'
    );
    expect(first.querySelector('.rule')!.textContent).toContain('seed 001:144');
    expect(texts(first, '.evidence li').join('\n')).toContain('DR-000101 from Northwind DevOps');
    // seed 001:166: the CAM by name, then peers, then the manager.
    const escalation = texts(first, '.escalation li');
    expect(escalation).toHaveLength(3);
    expect(escalation[0]).toContain('Dana Cam');
    expect(escalation[2]).toContain('manager');
    // Competing registrations for the customer are a warning, after the blocking one.
    expect(second.querySelector('.warning-title')!.textContent).toContain(
      'Competing registrations'
    );
    expect(element.shadowRoot!.querySelector('.no-conflicts')).toBeNull();
  });

  it('reads the opportunity, its registrations and the customer through LDS', async () => {
    await onOpportunity(directOpportunity, registrationsOnOpportunity, registrationsOnOpportunity);
    const configs = (
      getRelatedListRecords as unknown as { getLastConfig(): Config }
    ).getLastConfig();
    expect(configs.fields).toEqual(
      expect.arrayContaining([
        'Deal_Registration__c.Submitted_At__c',
        'Deal_Registration__c.Partner_Account__r.Name'
      ])
    );
  });

  it('says quietly that there are no conflicts', async () => {
    const only = {
      ...registrationsOnOpportunity,
      records: [registrationsOnOpportunity.records[0]],
      count: 1
    };
    const element = await onOpportunity(channelOpportunity, only, only);

    expect($$(element, 'li.warning')).toHaveLength(0);
    expect(element.shadowRoot!.querySelector('.no-conflicts')).not.toBeNull();
    // The registrations table is for the customer account page only.
    expect(element.shadowRoot!.querySelector('.registrations')).toBeNull();
  });

  it('lists every registration of a customer with the submission-order queue', async () => {
    const element = await onAccount(registrationsOfCustomer, customerOpportunities);

    const rows = $$(element, '.registrations tbody tr').map(
      (tr) => tr.querySelector('th')!.textContent
    );
    expect(rows).toEqual(['DR-000101', 'DR-000102', 'DR-000103']);
    const queue = element.shadowRoot!.querySelector('li.queue')!;
    expect(queue.querySelector('.holder')!.textContent).toContain('DR-000101 (Northwind DevOps)');
    expect(queue.querySelector('.waiting')!.textContent).toContain(
      '1. DR-000102 (Contoso Cloud), 2. DR-000103 (Initech Services)'
    );

    const competing = $$(element, 'li.warning').find((w) =>
      w.querySelector('.warning-title')!.textContent!.includes('Competing')
    )!;
    const escalation = texts(competing, '.escalation li')[0];
    expect(escalation).toContain('Dana Cam (Northwind DevOps)');
    expect(escalation).toContain('Lee Cam (Contoso Cloud)');
  });

  it('says so when a customer has no registrations', async () => {
    const element = await onAccount(
      registrationsNone,
      customerOpportunitiesNone,
      customerNoIncumbent
    );

    expect(element.shadowRoot!.querySelector('.no-registrations')).not.toBeNull();
    expect(element.shadowRoot!.querySelector('.no-conflicts')).not.toBeNull();
  });

  it('shows an LDS error in the error panel', async () => {
    const element = await mount('Account', ACCOUNT_ID);
    recordWire.error({ message: 'The requested resource does not exist' }, 404, 'Not Found');
    await flushPromises();

    const panel = element.shadowRoot!.querySelector('c-error-panel') as unknown as {
      errors: unknown;
    };
    expect(JSON.stringify(panel.errors)).toContain('does not exist');
  });

  it('renders an untrusted partner name as text', async () => {
    const element = await onAccount(registrationsUntrusted, customerOpportunities);

    const partners = $$(element, '.registrations td.partner').map((td) => td.textContent);
    expect(partners).toContain('<img src=x onerror=alert(1)>');
    expect(element.shadowRoot!.querySelector('img')).toBeNull();
  });

  it('is accessible', async () => {
    const element = await onAccount(registrationsOfCustomer, customerOpportunities);
    await expect(element).toBeAccessible();
  });
});
