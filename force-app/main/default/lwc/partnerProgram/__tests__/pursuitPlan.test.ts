import {
  buildPursuitPlan,
  planCompleteness,
  suggestTemplate,
  templateById,
  templateSections
} from '../pursuitPlan';
import { AS_OF, opportunity, partner, registration, rules } from './programFixtures';

describe('new deal registrations get a simple joint pursuit plan (seed 001:146-147)', () => {
  it.each([
    [
      'a new partner-sourced resale registration',
      { Engagement__c: 'Partner Sourced', Deal_Type__c: 'Resale' },
      'new-logo-partner-sourced'
    ],
    ['an assisted deal', { Engagement__c: 'Assisted', Deal_Type__c: 'Resale' }, 'assisted-deal'],
    [
      'a fulfillment-only deal',
      { Engagement__c: 'Fulfillment', Deal_Type__c: 'Resale' },
      'fulfillment-only'
    ],
    [
      'a services attach deal',
      { Engagement__c: 'Partner Sourced', Deal_Type__c: 'Services Attach' },
      'services-attach'
    ],
    [
      'a renewal (seed 002:65)',
      { Engagement__c: 'Fulfillment', Deal_Type__c: 'Resale', Deal_Motion__c: 'Renewal' },
      'renewal-incumbent'
    ],
    [
      'an add-on, partner sourced',
      { Engagement__c: 'Partner Sourced', Deal_Type__c: 'MSP', Deal_Motion__c: 'Add-On' },
      'new-logo-partner-sourced'
    ],
    [
      'a registration with a blank engagement',
      { Engagement__c: null, Deal_Type__c: 'Referral' },
      'new-logo-partner-sourced'
    ]
  ])('suggests a template for %s', (_name, subject, id) => {
    expect(suggestTemplate(subject, rules)?.id).toBe(id);
  });

  it('suggests from a registration record as it is', () => {
    expect(suggestTemplate(registration({ Engagement__c: 'Assisted' }), rules)?.id).toBe(
      'assisted-deal'
    );
  });

  it('builds a Draft plan with milestones due from today, in order, with owner sides', () => {
    const template = templateById('new-logo-partner-sourced', rules)!;
    const draft = buildPursuitPlan(template, opportunity(), partner(), AS_OF);
    expect(draft.plan).toEqual({
      Opportunity__c: '006O00000000001',
      Partner_Account__c: '001P00000000001',
      Template__c: 'new-logo-partner-sourced',
      Status__c: 'Draft',
      Completion_Pct__c: 0
    });
    expect(draft.milestones[0]).toEqual({
      Name: template.milestones[0].name,
      Owner_Side__c: template.milestones[0].ownerSide,
      Due_Date__c: '2026-11-25',
      Done__c: false,
      Order__c: 1
    });
    expect(draft.milestones.map((m) => m.Order__c)).toEqual(
      template.milestones.map((m) => m.order)
    );
    expect(new Set(draft.milestones.map((m) => m.Owner_Side__c))).toEqual(
      new Set(['Us', 'Partner', 'Joint'])
    );
  });

  it('gives the sections to fill with their prompts, personas included (seed 002:89-101)', () => {
    const sections = templateSections(templateById('assisted-deal', rules)!, rules);
    expect(sections.map((s) => s.label)).toContain('Personas');
    expect(sections.find((s) => s.field === 'Personas__c')!.prompt).toMatch(
      /VP App Dev, DevOps Director, Head of IT, Chief Architect/
    );
  });

  it('measures completeness: filled sections and done milestones over all of them', () => {
    const template = templateById('fulfillment-only', rules)!; // 3 sections, 3 milestones
    const { plan, milestones } = buildPursuitPlan(template, opportunity(), partner(), AS_OF);
    expect(planCompleteness(plan, milestones, template)).toBe(0);
    const filled = {
      ...plan,
      Partner_Responsibilities__c: 'Quote and PO',
      Our_Responsibilities__c: '   '
    };
    const done = milestones.map((m, i) => ({ ...m, Done__c: i < 2 }));
    expect(planCompleteness(filled, done, template)).toBe(50);
    const all = { ...filled, Our_Responsibilities__c: 'Pricing', Next_Steps__c: 'Send quote' };
    expect(
      planCompleteness(
        all,
        milestones.map((m) => ({ ...m, Done__c: true })),
        template
      )
    ).toBe(100);
  });
});
