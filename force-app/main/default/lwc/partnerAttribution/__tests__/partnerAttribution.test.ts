import {
  flushPromises,
  freezeToday,
  resetDom,
  serveProgramRules
} from '../../../../../test/lwcTestUtils';
import { createElement } from 'lwc';
import { getRecord } from 'lightning/uiRecordApi';
import PartnerAttribution from 'c/partnerAttribution';
import opportunity from './data/opportunity.json';
import untrustedPartner from './data/opportunityUntrustedPartner.json';
import noPartner from './data/opportunityNoPartner.json';
import direct from './data/opportunityDirect.json';
import directApproved from './data/opportunityDirectApproved.json';

const recordWire = getRecord as unknown as {
  emit(data: unknown): void;
  error(body?: unknown, status?: number, statusText?: string): void;
  getLastConfig(): { fields: { fieldApiName: string }[] };
};

async function render(): Promise<HTMLElement> {
  const element = createElement('c-partner-attribution', { is: PartnerAttribution });
  Object.assign(element, { recordId: '006000000000001AAA' });
  document.body.appendChild(element);
  await flushPromises();
  return element;
}

const text = (element: HTMLElement, selector: string): string | undefined =>
  element.shadowRoot!.querySelector(selector)?.textContent ?? undefined;

const detail = (element: HTMLElement, key: string): string | undefined =>
  text(element, `dd[data-detail="${key}"]`);

describe('c-partner-attribution', () => {
  beforeEach(() => {
    freezeToday();
    serveProgramRules();
  });

  afterEach(() => {
    resetDom();
    jest.useRealTimers();
  });

  it('shows the partner, its track, the registration with days left and the discount in money', async () => {
    const element = await render();
    recordWire.emit(opportunity);
    await flushPromises();

    expect(text(element, '.partner-name')).toBe('Northwind DevOps');
    const track = element.shadowRoot!.querySelector('.track-badge') as unknown as { label: string };
    expect(track.label).toBe('Select');
    expect(detail(element, 'distributor')).toBe('Ingram Distribution');
    expect(detail(element, 'cam')).toBe('Dana Cam');
    expect(detail(element, 'influence')).toBe('—');
    expect(text(element, '.registration-name')).toBe('DR-000101');
    // Approved 2026-10-01 + 90 days = last valid day 2026-12-30; on 2026-11-23 that is 37 days away.
    expect(text(element, '.registration-dates')).toContain('2026-12-30');
    expect(text(element, '.days-left')).toBe('37 day(s) left');
    // Sample matrix: Select × Partner Sourced × Resale = 25% off list.
    expect(text(element, '.discount')).toBe('25% off list');
    expect(text(element, '.discount-amount')).toContain('$25,000');
    expect(text(element, '.quota-credit')).toBe('$75,000');
    expect(text(element, '.commissionable')).toBe('$100,000');
    expect(element.shadowRoot!.querySelector('.sample-matrix')).not.toBeNull();
  });

  it('asks for the opportunity fields it reads, by schema import', async () => {
    await render();
    const config = recordWire.getLastConfig();
    const names = config.fields.map((f) => f.fieldApiName);
    expect(names).toEqual(
      expect.arrayContaining([
        'Partner_Account__r.Partner_Track__c',
        'Registered_Deal__r.Approved_On__c',
        'Amount'
      ])
    );
  });

  it('says so quietly when the opportunity has no partner', async () => {
    const element = await render();
    recordWire.emit(noPartner);
    await flushPromises();

    expect(element.shadowRoot!.querySelector('.no-partner')).not.toBeNull();
    expect(element.shadowRoot!.querySelector('.partner-name')).toBeNull();
    expect(element.shadowRoot!.querySelector('.money')).toBeNull();
    expect(element.shadowRoot!.querySelector('.no-registration')).not.toBeNull();
  });

  it('marks a direct deal and warns that its approved registration forbids it', async () => {
    const element = await render();
    recordWire.emit(direct);
    await flushPromises();

    expect(element.shadowRoot!.querySelector('.direct-deal')).not.toBeNull();
    expect(element.shadowRoot!.querySelector('.no-partner')).toBeNull();
    // seed 001:144: no direct sale of a deal with an approved registration without VP Global Channel Sales approval.
    const warning = element.shadowRoot!.querySelector('.direct-warning')!;
    expect(warning.textContent).toContain('VP Global Channel Sales');
    expect(warning.textContent).toContain('Dana Cam (Northwind DevOps)');
  });

  it('shows the recorded VP approval of a direct sale, and no warning', async () => {
    const element = await render();
    recordWire.emit(directApproved);
    await flushPromises();

    expect(text(element, '.direct-approval')).toBe('Direct sale approved by Vera Vp on 2026-11-02');
    expect(element.shadowRoot!.querySelector('.direct-warning')).toBeNull();
  });

  it('does not warn on a channel deal', async () => {
    const element = await render();
    recordWire.emit(opportunity);
    await flushPromises();
    expect(element.shadowRoot!.querySelector('.direct-warning')).toBeNull();
  });

  it('shows the LDS error in the error panel', async () => {
    const element = await render();
    recordWire.error(
      { message: 'You do not have access to the Partner Account field.' },
      403,
      'Forbidden'
    );
    await flushPromises();

    const panel = element.shadowRoot!.querySelector('c-error-panel') as unknown as {
      errors: unknown;
    };
    expect(panel).not.toBeNull();
    expect(JSON.stringify(panel.errors)).toContain('You do not have access');
  });

  it('renders an untrusted partner name as text', async () => {
    const element = await render();
    recordWire.emit(untrustedPartner);
    await flushPromises();

    expect(text(element, '.partner-name')).toBe('<img src=x onerror=alert(1)>');
    expect(element.shadowRoot!.querySelector('img')).toBeNull();
  });

  it('is accessible', async () => {
    const element = await render();
    recordWire.emit(opportunity);
    await flushPromises();
    await expect(element).toBeAccessible();
  });
});
