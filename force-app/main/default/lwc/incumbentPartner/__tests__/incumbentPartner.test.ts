import { flushPromises, resetDom, serveProgramRules } from '../../../../../test/lwcTestUtils';
import { createElement } from 'lwc';
import { getRecord } from 'lightning/uiRecordApi';
import { getRelatedListRecords } from 'lightning/uiRelatedListApi';
import IncumbentPartner from 'c/incumbentPartner';
import customer from './data/customer.json';
import customerDeniedIncumbent from './data/customerDeniedIncumbent.json';
import customerUntrusted from './data/customerUntrusted.json';
import customerNoIncumbent from './data/customerNoIncumbent.json';
import opportunities from './data/opportunities.json';
import opportunitiesNoRenewal from './data/opportunitiesNoRenewal.json';

interface TestWire {
  emit(data: unknown): void;
  error(body?: unknown, status?: number, statusText?: string): void;
}
const accountWire = getRecord as unknown as TestWire;
const opportunitiesWire = getRelatedListRecords as unknown as TestWire;

async function render(account: unknown, opps: unknown = opportunities): Promise<HTMLElement> {
  const element = createElement('c-incumbent-partner', { is: IncumbentPartner });
  Object.assign(element, { recordId: '001C00000000001AAA' });
  document.body.appendChild(element);
  await flushPromises();
  accountWire.emit(account);
  opportunitiesWire.emit(opps);
  await flushPromises();
  return element;
}

const status = (element: HTMLElement, opportunityId: string): string | null | undefined =>
  element.shadowRoot!.querySelector(
    `li.renewal[data-opportunity="${opportunityId}"] .renewal-status`
  )?.textContent;

describe('c-incumbent-partner', () => {
  beforeEach(() => {
    serveProgramRules();
  });

  afterEach(() => {
    resetDom();
  });

  it('shows the incumbent, since when, and its CAM', async () => {
    const element = await render(customer);

    expect(element.shadowRoot!.querySelector('.incumbent-name')!.textContent).toBe(
      'Northwind DevOps'
    );
    expect(element.shadowRoot!.querySelector('.since')!.textContent).toContain('2025-06-30');
    expect(element.shadowRoot!.querySelector('.cam')!.textContent).toBe('Dana Cam');
  });

  it('checks the right of first refusal on each open renewal only', async () => {
    const element = await render(customer);

    // seed 002:65: the incumbent in good standing has first right of refusal on the renewal.
    expect(status(element, '006000000000001AAA')).toContain(
      'but this renewal is with Contoso Cloud'
    );
    expect(status(element, '006000000000004AAA')).toContain('With Northwind DevOps');
    // "unless otherwise stated by the customer": a written request lifts the right.
    expect(status(element, '006000000000005AAA')).toContain('asked in writing');
    // Closed renewals and other motions are not renewals to protect.
    expect(element.shadowRoot!.querySelectorAll('li.renewal')).toHaveLength(3);
  });

  it('gives no right to an incumbent that is not in good standing', async () => {
    const element = await render(customerDeniedIncumbent, opportunitiesNoRenewal);

    expect(element.shadowRoot!.querySelector('.next-renewal')!.textContent).toContain(
      'not in good standing'
    );
  });

  it('says what the next renewal will find when none is open', async () => {
    const element = await render(customer, opportunitiesNoRenewal);

    expect(element.shadowRoot!.querySelector('.next-renewal')!.textContent).toContain(
      'first right of refusal on the next renewal'
    );
  });

  it('stays quiet without an incumbent', async () => {
    const element = await render(customerNoIncumbent);

    expect(element.shadowRoot!.querySelector('.no-incumbent')).not.toBeNull();
    expect(element.shadowRoot!.querySelector('li.renewal')).toBeNull();
  });

  it('shows an LDS error in the error panel', async () => {
    const element = createElement('c-incumbent-partner', { is: IncumbentPartner });
    Object.assign(element, { recordId: '001C00000000001AAA' });
    document.body.appendChild(element);
    await flushPromises();
    opportunitiesWire.error({ message: 'Opportunities is not available.' }, 400, 'Bad Request');
    await flushPromises();

    const panel = element.shadowRoot!.querySelector('c-error-panel') as unknown as {
      errors: unknown;
    };
    expect(JSON.stringify(panel.errors)).toContain('not available');
  });

  it('renders an untrusted partner name as text', async () => {
    const element = await render(customerUntrusted);

    expect(element.shadowRoot!.querySelector('.incumbent-name')!.textContent).toBe(
      '<img src=x onerror=alert(1)>'
    );
    expect(element.shadowRoot!.querySelector('img')).toBeNull();
  });

  it('is accessible', async () => {
    const element = await render(customer);
    await expect(element).toBeAccessible();
  });
});
