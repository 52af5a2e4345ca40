import {
  flushPromises,
  freezeToday,
  resetDom,
  serveProgramRules
} from '../../../../../test/lwcTestUtils';
import { createElement } from 'lwc';
import { getRecord } from 'lightning/uiRecordApi';
import { getRelatedListRecords } from 'lightning/uiRelatedListApi';
import PartnerTrackPanel from 'c/partnerTrackPanel';
import openPartner from './data/openPartner.json';
import selectReadyPartner from './data/selectReadyPartner.json';
import technologyPartner from './data/technologyPartner.json';
import customerAccount from './data/customerAccount.json';
import untrustedPartner from './data/untrustedPartner.json';
import certifications from './data/certifications.json';
import certificationsSelectReady from './data/certificationsSelectReady.json';

interface TestWire {
  emit(data: unknown): void;
  error(body?: unknown, status?: number, statusText?: string): void;
  getLastConfig(): Record<string, unknown>;
}
const accountWire = getRecord as unknown as TestWire;
const certificationsWire = getRelatedListRecords as unknown as TestWire;

async function render(account: unknown, certs: unknown = certifications): Promise<HTMLElement> {
  const element = createElement('c-partner-track-panel', { is: PartnerTrackPanel });
  Object.assign(element, { recordId: '001P00000000001AAA' });
  document.body.appendChild(element);
  await flushPromises();
  accountWire.emit(account);
  certificationsWire.emit(certs);
  await flushPromises();
  return element;
}

const all = (element: HTMLElement, selector: string): Element[] => [
  ...element.shadowRoot!.querySelectorAll(selector)
];
const requirement = (element: HTMLElement, list: string, id: string) => {
  const item = element.shadowRoot!.querySelector(`li.${list}[data-requirement="${id}"]`)!;
  return {
    progress: item.querySelector('.progress')!.textContent,
    gap: item.querySelector('.gap')?.textContent ?? null,
    bar: (item.querySelector('lightning-progress-bar') as unknown as { value: number }).value
  };
};

describe('c-partner-track-panel', () => {
  beforeEach(() => {
    freezeToday();
    serveProgramRules();
  });

  afterEach(() => {
    resetDom();
    jest.useRealTimers();
  });

  it('counts people per certification in the contract region, unexpired, against the Open track', async () => {
    const element = await render(openPartner);

    // seed 003:60 Sales Core verified 2 (Open): 3 distinct EMEA people count; the expired one and the AMER one do not.
    expect(requirement(element, 'requirement', 'salesCore')).toEqual({
      progress: 'Sales Core verified 3 / 2',
      gap: null,
      bar: 100
    });
    // seed 003:62 Solution Architect verified 1 (Open).
    expect(requirement(element, 'requirement', 'solutionArchitect').progress).toBe(
      'Solution Architect verified 1 / 1'
    );
    // Select-only rows are not requirements of the Open track.
    expect(
      element.shadowRoot!.querySelector('li.requirement[data-requirement="programRevenue"]')
    ).toBeNull();
    expect(
      (element.shadowRoot!.querySelector('.track-badge') as unknown as { label: string }).label
    ).toBe('Open');
  });

  it('shows an Open partner what stands between it and Select, invitation only', async () => {
    const element = await render(openPartner);

    // seed 003:60 Sales Core verified 4 (Select): 3 of 4, 75%.
    const salesCore = requirement(element, 'select-requirement', 'salesCore');
    expect(salesCore.progress).toBe('Sales Core verified 3 / 4');
    expect(salesCore.bar).toBe(75);
    expect(salesCore.gap).toContain('1 more Sales Core verified person in EMEA');
    expect(requirement(element, 'select-requirement', 'programRevenue').gap).toContain('$180,000');
    expect(element.shadowRoot!.querySelector('.eligible')).toBeNull();
    expect(element.shadowRoot!.querySelector('.invitation-only')).not.toBeNull();
    expect(all(element, '.select-gains li').length).toBeGreaterThan(0);
  });

  it('says "eligible for invitation" when an Open partner meets every Select requirement, and keeps it Open', async () => {
    const element = await render(selectReadyPartner, certificationsSelectReady);

    expect(element.shadowRoot!.querySelector('.eligible')).not.toBeNull();
    expect(
      (element.shadowRoot!.querySelector('.track-badge') as unknown as { label: string }).label
    ).toBe('Open');
    expect(all(element, 'li.select-requirement .gap')).toHaveLength(0);
  });

  it('lists the benefits of the track', async () => {
    const element = await render(openPartner);

    const benefits = all(element, '.benefits li').map((li) => li.textContent);
    expect(benefits.some((b) => b?.includes('Deal Registration Discounts'))).toBe(true);
    // seed 003 benefits table: the Level 2 Support Hotline is Select only.
    expect(benefits.some((b) => b?.includes('Level 2 Support Hotline'))).toBe(false);
  });

  it('reads the certifications through the related list, all in one page', async () => {
    await render(openPartner);
    const config = certificationsWire.getLastConfig();
    expect(config.relatedListId).toBe('Partner_Certifications__r');
    expect(config.fields).toEqual(
      expect.arrayContaining([
        'Partner_Certification__c.Region__c',
        'Partner_Certification__c.Expires_On__c'
      ])
    );
  });

  it('explains that the channel requirements do not apply to a Technology partner', async () => {
    const element = await render(technologyPartner);

    expect(element.shadowRoot!.querySelector('.not-applicable')!.textContent).toContain(
      'Alliances'
    );
    expect(all(element, 'li.requirement')).toHaveLength(0);
  });

  it('stays quiet on a customer account', async () => {
    const element = await render(customerAccount);

    expect(element.shadowRoot!.querySelector('.not-a-partner')).not.toBeNull();
    expect(all(element, 'li.requirement')).toHaveLength(0);
  });

  it('shows an LDS error in the error panel', async () => {
    const element = createElement('c-partner-track-panel', { is: PartnerTrackPanel });
    Object.assign(element, { recordId: '001P00000000001AAA' });
    document.body.appendChild(element);
    await flushPromises();
    certificationsWire.error(
      { message: 'Partner_Certifications__r is not a related list you can see.' },
      400,
      'Bad Request'
    );
    await flushPromises();

    const panel = element.shadowRoot!.querySelector('c-error-panel') as unknown as {
      errors: unknown;
    };
    expect(JSON.stringify(panel.errors)).toContain('not a related list you can see');
  });

  it('renders an untrusted partner name as text', async () => {
    const element = await render(untrustedPartner);

    expect(element.shadowRoot!.querySelector('.partner-name')!.textContent).toBe(
      '<img src=x onerror=alert(1)>'
    );
    expect(element.shadowRoot!.querySelector('img')).toBeNull();
  });

  it('is accessible', async () => {
    const element = await render(openPartner);
    await expect(element).toBeAccessible();
  });
});
