import {
  AS_OF,
  flushPromises,
  freezeToday,
  resetDom,
  serveProgramRules
} from '../../../../../test/lwcTestUtils';
import { createElement } from 'lwc';
import { createRecord, getRecord, updateRecord } from 'lightning/uiRecordApi';
import { getRelatedListRecords } from 'lightning/uiRelatedListApi';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import JointPursuitPlan from 'c/jointPursuitPlan';
import { addDays } from 'c/partnerProgram';
import opportunity from './data/opportunity.json';
import opportunityFulfillmentRegistration from './data/opportunityFulfillmentRegistration.json';
import plansNone from './data/plansNone.json';
import plans from './data/plans.json';
import plan from './data/plan.json';
import planUntrusted from './data/planUntrusted.json';
import milestones from './data/milestones.json';
import planInfo from './data/planInfo.json';
import planInfoReadOnly from './data/planInfoReadOnly.json';
import milestoneInfo from './data/milestoneInfo.json';
import milestoneInfoReadOnly from './data/milestoneInfoReadOnly.json';
import saveErrorRisks from './data/saveErrorRisks.json';

type Config = Record<string, unknown>;
interface TestWire {
  emit(data: unknown, filter?: (config: Config) => boolean): void;
  error(body?: unknown, status?: number, statusText?: string): void;
}
const recordWire = getRecord as unknown as TestWire;
const relatedListWire = getRelatedListRecords as unknown as TestWire;
const objectInfoWire = getObjectInfo as unknown as TestWire;
const createRecordMock = createRecord as unknown as jest.Mock;
const updateRecordMock = updateRecord as unknown as jest.Mock;

const OPPORTUNITY_ID = '006000000000001AAA';
const PLAN_ID = 'a03000000000001AAA';

const forObject = (name: string) => (config: Config) =>
  (config.objectApiName as { objectApiName: string }).objectApiName === name;

async function render(
  options: {
    opp?: unknown;
    planList?: unknown;
    planFields?: unknown;
    infos?: [unknown, unknown];
  } = {}
): Promise<HTMLElement> {
  const element = createElement('c-joint-pursuit-plan', { is: JointPursuitPlan });
  Object.assign(element, { recordId: OPPORTUNITY_ID });
  document.body.appendChild(element);
  await flushPromises();
  const [planObjectInfo, milestoneObjectInfo] = options.infos ?? [planInfo, milestoneInfo];
  objectInfoWire.emit(planObjectInfo, forObject('Joint_Pursuit_Plan__c'));
  objectInfoWire.emit(milestoneObjectInfo, forObject('Pursuit_Plan_Milestone__c'));
  recordWire.emit(options.opp ?? opportunity, (config) => config.recordId === OPPORTUNITY_ID);
  relatedListWire.emit(
    options.planList ?? plansNone,
    (config) => config.relatedListId === 'Joint_Pursuit_Plans__r'
  );
  await flushPromises();
  if (options.planFields) await showPlan(options.planFields);
  return element;
}

async function showPlan(planFields: unknown = plan): Promise<void> {
  recordWire.emit(planFields, (config) => config.recordId === PLAN_ID);
  relatedListWire.emit(
    milestones,
    (config) => config.relatedListId === 'Milestones__r' && config.parentRecordId === PLAN_ID
  );
  await flushPromises();
}

const $ = <T = Element>(element: HTMLElement, selector: string): T =>
  element.shadowRoot!.querySelector(selector) as T;
const $$ = (element: HTMLElement, selector: string): Element[] => [
  ...element.shadowRoot!.querySelectorAll(selector)
];
const click = (element: HTMLElement, selector: string) => $<HTMLElement>(element, selector).click();

function edit(element: HTMLElement, field: string, value: string): void {
  const textarea = $<HTMLElement & { value: string }>(
    element,
    `lightning-textarea[data-field="${field}"]`
  );
  textarea.value = value;
  textarea.dispatchEvent(new CustomEvent('change'));
}

function check(element: HTMLElement, milestoneId: string): void {
  const checkbox = $<HTMLElement & { checked: boolean }>(
    element,
    `lightning-input[data-id="${milestoneId}"]`
  );
  checkbox.checked = true;
  checkbox.dispatchEvent(new CustomEvent('change'));
}

describe('c-joint-pursuit-plan', () => {
  beforeEach(() => {
    freezeToday();
    serveProgramRules();
    createRecordMock.mockImplementation(({ apiName }: { apiName: string }) =>
      Promise.resolve({
        id: apiName === 'Joint_Pursuit_Plan__c' ? PLAN_ID : `a04${apiName.length}`
      })
    );
  });

  afterEach(() => {
    resetDom();
    createRecordMock.mockReset();
    updateRecordMock.mockReset();
    jest.useRealTimers();
  });

  it('suggests the template from the registration: Partner Sourced new logo resale', async () => {
    const element = await render();

    const choice = $<{ value: string; options: { value: string }[] }>(element, '.template-choice');
    expect(choice.value).toBe('new-logo-partner-sourced');
    expect(choice.options.map((o) => o.value)).toEqual(
      expect.arrayContaining([
        'renewal-incumbent',
        'services-attach',
        'fulfillment-only',
        'assisted-deal'
      ])
    );
    expect($(element, '.suggestion').textContent).toContain('New logo');
  });

  it("takes the registration's engagement over the opportunity's", async () => {
    const element = await render({ opp: opportunityFulfillmentRegistration });
    expect($<{ value: string }>(element, '.template-choice').value).toBe('fulfillment-only');
  });

  it('creates the plan and its milestones from the chosen template', async () => {
    const element = await render();
    const choice = $<HTMLElement>(element, '.template-choice');
    choice.dispatchEvent(new CustomEvent('change', { detail: { value: 'assisted-deal' } }));
    await flushPromises();
    click(element, '.create');
    await flushPromises();

    const calls = createRecordMock.mock.calls.map(
      ([input]) => input as { apiName: string; fields: Record<string, unknown> }
    );
    const [planInput, ...milestoneInputs] = calls;
    expect(planInput).toEqual({
      apiName: 'Joint_Pursuit_Plan__c',
      fields: expect.objectContaining({
        Opportunity__c: OPPORTUNITY_ID,
        Partner_Account__c: '001P00000000001AAA',
        Template__c: 'assisted-deal',
        Status__c: 'Draft',
        Name: 'Assisted deal'
      })
    });
    // The assisted-deal template of the rules file: four milestones, due 7/14/30/45 days from today (AS_OF).
    expect(milestoneInputs).toHaveLength(4);
    expect(
      milestoneInputs.every(
        (m) =>
          m.apiName === 'Pursuit_Plan_Milestone__c' && m.fields.Joint_Pursuit_Plan__c === PLAN_ID
      )
    ).toBe(true);
    expect(milestoneInputs[0].fields).toEqual(
      expect.objectContaining({
        Name: 'Joint account planning call',
        Owner_Side__c: 'Joint',
        Due_Date__c: addDays(AS_OF, 7),
        Done__c: false,
        Order__c: 1
      })
    );

    await showPlan();
    expect($(element, '.plan-name').textContent).toBe('New logo, partner sourced');
  });

  it('shows the create error and creates nothing more when the plan cannot be created', async () => {
    createRecordMock.mockRejectedValueOnce({
      body: { message: 'You do not have access to Joint Pursuit Plans.' },
      status: 403
    });
    const element = await render();
    click(element, '.create');
    await flushPromises();

    expect(createRecordMock).toHaveBeenCalledTimes(1);
    expect(JSON.stringify($<{ errors: unknown }>(element, 'c-error-panel').errors)).toContain(
      'do not have access'
    );
  });

  it('fills the sections and milestones of the plan, with its completeness', async () => {
    const element = await render({ planList: plans, planFields: plan });

    // new-logo-partner-sourced: 10 sections + 5 milestones; 2 sections filled + 1 milestone done = 3 / 15.
    expect($$(element, 'lightning-textarea')).toHaveLength(10);
    expect(
      $<{ value: string }>(element, 'lightning-textarea[data-field="Customer_Objectives__c"]').value
    ).toContain('DevSecOps');
    expect($$(element, 'li.milestone')).toHaveLength(5);
    expect($(element, '.completeness-text').textContent).toBe('20% complete');
    expect($<{ value: number }>(element, '.completeness lightning-progress-bar').value).toBe(20);
  });

  it('saves the edited sections, the completeness and the checked milestones', async () => {
    updateRecordMock.mockResolvedValue({});
    const element = await render({ planList: plans, planFields: plan });
    edit(element, 'Risks__c', 'Budget freeze in Q2');
    check(element, 'a04000000000002AAA');
    await flushPromises();
    // 3 sections + 2 milestones of 15.
    expect($(element, '.completeness-text').textContent).toBe('33% complete');

    click(element, '.save');
    await flushPromises();

    expect(updateRecordMock).toHaveBeenCalledWith({
      fields: { Id: PLAN_ID, Risks__c: 'Budget freeze in Q2', Completion_Pct__c: 33 }
    });
    expect(updateRecordMock).toHaveBeenCalledWith({
      fields: { Id: 'a04000000000002AAA', Done__c: true }
    });
    // Saved: nothing left to save until the next edit.
    expect($<{ disabled: boolean }>(element, '.save').disabled).toBe(true);
  });

  it('toasts a saved plan', async () => {
    updateRecordMock.mockResolvedValue({});
    const element = await render({ planList: plans, planFields: plan });
    const toast = jest.fn();
    element.addEventListener('lightning__showtoast', toast);
    edit(element, 'Next_Steps__c', 'Demo on 1 December');
    await flushPromises();
    click(element, '.save');
    await flushPromises();

    expect(toast).toHaveBeenCalledTimes(1);
    expect((toast.mock.calls[0][0] as CustomEvent<{ variant: string }>).detail.variant).toBe(
      'success'
    );
  });

  it('shows a save error with the field that failed', async () => {
    updateRecordMock.mockRejectedValueOnce({
      body: saveErrorRisks,
      status: 400,
      statusText: 'Bad Request',
      ok: false
    });
    const element = await render({ planList: plans, planFields: plan });
    const toast = jest.fn();
    element.addEventListener('lightning__showtoast', toast);
    edit(element, 'Risks__c', 'x'.repeat(40000));
    await flushPromises();
    click(element, '.save');
    await flushPromises();

    expect($(element, '[data-section="Risks__c"] .section-error').textContent).toContain(
      'data value too large'
    );
    expect($(element, '[data-section="Risks__c"]').classList.contains('slds-has-error')).toBe(true);
    expect($(element, '[data-section="Next_Steps__c"] .section-error')).toBeNull();
    expect(
      (toast.mock.calls[0][0] as CustomEvent<{ variant: string; message: string }>).detail
    ).toEqual(
      expect.objectContaining({
        variant: 'error',
        message: expect.stringContaining('Risks: data value too large')
      })
    );
    // The edit is kept, so the CAM can shorten it and save again.
    expect($<{ disabled: boolean }>(element, '.save').disabled).toBe(false);
  });

  it('is read-only for a user who cannot edit plans', async () => {
    const element = await render({
      planList: plans,
      planFields: plan,
      infos: [planInfoReadOnly, milestoneInfoReadOnly]
    });

    expect($$(element, 'lightning-textarea')).toHaveLength(0);
    expect(
      $(element, '[data-section="Customer_Objectives__c"] .section-value').textContent
    ).toContain('DevSecOps');
    expect($(element, '.save')).toBeNull();
    expect(
      $<{ disabled: boolean }>(element, 'lightning-input[data-id="a04000000000001AAA"]').disabled
    ).toBe(true);
    expect($(element, '.read-only')).not.toBeNull();
  });

  it('offers no plan creation to a user who cannot create plans', async () => {
    const element = await render({ infos: [planInfoReadOnly, milestoneInfoReadOnly] });

    expect($(element, '.create')).toBeNull();
    expect($(element, '.no-plan')).not.toBeNull();
  });

  it('shows an LDS error in the error panel', async () => {
    const element = createElement('c-joint-pursuit-plan', { is: JointPursuitPlan });
    Object.assign(element, { recordId: OPPORTUNITY_ID });
    document.body.appendChild(element);
    await flushPromises();
    relatedListWire.error(
      { message: 'Joint_Pursuit_Plans__r is not available.' },
      400,
      'Bad Request'
    );
    await flushPromises();

    expect(JSON.stringify($<{ errors: unknown }>(element, 'c-error-panel').errors)).toContain(
      'not available'
    );
  });

  it('renders untrusted plan text as text', async () => {
    const element = await render({
      planList: plans,
      planFields: planUntrusted,
      infos: [planInfoReadOnly, milestoneInfoReadOnly]
    });

    expect($(element, '.plan-name').textContent).toBe('<img src=x onerror=alert(1)>');
    expect($(element, '[data-section="Competition__c"] .section-value').textContent).toBe(
      '<img src=x onerror=alert(1)>'
    );
    expect($(element, 'img')).toBeNull();
  });

  it('is accessible', async () => {
    const element = await render({ planList: plans, planFields: plan });
    await expect(element).toBeAccessible();
  });
});
