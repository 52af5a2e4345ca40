import { parseProgramRules, ProgramRulesError } from '../rulesSchema';
import {
  CERTIFICATIONS,
  DEAL_TYPES,
  ENGAGEMENTS,
  PARTNER_STATUSES,
  PARTNER_TRACKS,
  PARTNER_TYPES,
  REGIONS
} from '../records';
import { rawRules, rules } from './programFixtures';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function issuesOf(mutate: (raw: Json) => void): { path: string; message: string }[] {
  const raw = rawRules() as Json;
  mutate(raw);
  try {
    parseProgramRules(raw);
  } catch (e) {
    if (e instanceof ProgramRulesError) return e.issues;
    throw e;
  }
  throw new Error('the broken rules parsed');
}

describe('the shipped rules file', () => {
  it('parses and carries a version', () => {
    expect(rules.version).toMatch(/\S/);
  });

  it('uses every agreed picklist value, each partner type in exactly one group (seed 001:75-95)', () => {
    const typed = [
      ...rules.partnerTypes.reseller,
      ...rules.partnerTypes.services,
      ...rules.partnerTypes.alliance
    ];
    expect([...typed].sort()).toEqual([...PARTNER_TYPES].sort());
    expect(rules.partnerStatuses.values).toEqual([...PARTNER_STATUSES]);
    expect(Object.keys(rules.tracks)).toEqual([...PARTNER_TRACKS]);
    expect(rules.regions).toEqual([...REGIONS]);
    expect(rules.certifications).toEqual([...CERTIFICATIONS]);
  });

  it('marks Select invitation-only (seed 001:108, 003:33)', () => {
    expect(rules.tracks.Select.invitationOnly).toBe(true);
    expect(rules.tracks.Open.invitationOnly).toBe(false);
  });

  it('ships a discount matrix marked as a sample, covering every engagement and deal type', () => {
    expect(rules.discountMatrix.sample).toBe(true);
    for (const track of ['Open', 'Select'] as const) {
      for (const e of ENGAGEMENTS)
        expect(Object.keys(rules.discountMatrix[track][e])).toEqual([...DEAL_TYPES]);
    }
  });

  it('ships at least the five pursuit-plan templates the CAMs asked for (seed 001:147)', () => {
    expect(rules.pursuitPlan.templates.map((t) => t.id)).toEqual(
      expect.arrayContaining([
        'new-logo-partner-sourced',
        'assisted-deal',
        'fulfillment-only',
        'services-attach',
        'renewal-incumbent'
      ])
    );
  });
});

describe('broken rules files name the bad key', () => {
  const cases: [string, (raw: Json) => void, string, RegExp][] = [
    [
      'a discount that is not a number',
      (r) => (r.discountMatrix.Select.Assisted.Resale = 'abc'),
      'discountMatrix.Select.Assisted.Resale',
      /expected a number from 0 to 100, got "abc"/
    ],
    [
      'a discount over 100%',
      (r) => (r.discountMatrix.Open.Fulfillment.MSP = 120),
      'discountMatrix.Open.Fulfillment.MSP',
      /from 0 to 100, got 120/
    ],
    [
      'a missing matrix cell',
      (r) => delete r.discountMatrix.Open.Assisted.Referral,
      'discountMatrix.Open.Assisted.Referral',
      /missing/
    ],
    [
      'a misspelt key',
      (r) => (r.dealRegistration.validityDay = 90),
      'dealRegistration.validityDay',
      /unknown key/
    ],
    [
      'a misspelt engagement',
      (r) => (r.stageGates.gates.Asisted = ['Qualification']),
      'stageGates.gates.Asisted',
      /unknown key/
    ],
    [
      'a stage gate on a stage that is not in the stage list',
      (r) => r.stageGates.gates.Fulfillment.push('Contract Sent'),
      'stageGates.gates.Fulfillment[2]',
      /expected one of "Prospecting".*got "Contract Sent"/
    ],
    [
      'an invented partner type',
      (r) => r.partnerTypes.reseller.push('Reseller'),
      'partnerTypes.reseller[4]',
      /expected one of "VAR"/
    ],
    [
      'a partner type in no group',
      (r) => r.partnerTypes.services.pop(),
      'partnerTypes',
      /"MSP" is in no group/
    ],
    [
      'a milestone owner side that is not Partner, Us or Joint',
      (r) => (r.pursuitPlan.templates[0].milestones[1].ownerSide = 'Customer'),
      'pursuitPlan.templates[0].milestones[1].ownerSide',
      /expected one of "Partner", "Us", "Joint", got "Customer"/
    ],
    [
      'a template section that is not a plan section',
      (r) => r.pursuitPlan.templates[1].sections.push('Budget__c'),
      'pursuitPlan.templates[1].sections[6]',
      /got "Budget__c"/
    ],
    [
      'rebate tiers out of order',
      (r) => (r.servicesAttachRebate.tiers[1].minServices = 4),
      'servicesAttachRebate.tiers[1].minServices',
      /expected 5, got 4/
    ],
    [
      'a top rebate tier with an upper bound',
      (r) => (r.servicesAttachRebate.tiers[2].maxServices = 20),
      'servicesAttachRebate.tiers[2].maxServices',
      /open-ended/
    ],
    [
      'a requirement count that is not a whole number',
      (r) => (r.requirements[1].Select = 3.5),
      'requirements[1].Select',
      /expected a whole number from 1 to 1000, got 3.5/
    ],
    [
      'an unknown requirement kind',
      (r) => (r.requirements[2].kind = 'people'),
      'requirements[2].kind',
      /expected one of "agreement"/
    ],
    [
      'a transition to an unknown status',
      (r) => r.dealRegistration.transitions.Submitted.push('Won'),
      'dealRegistration.transitions.Submitted[3]',
      /got "Won"/
    ],
    ['a missing version', (r) => delete r.version, 'version', /missing/],
    [
      'a benefit cell left empty',
      (r) => (r.benefits[4].Open = ''),
      'benefits[4].Open',
      /true \("X"\), false \(blank\)/
    ],
    [
      'a bad seed reference',
      (r) => (r.benefits[0].seed = 'seed 3'),
      'benefits[0].seed',
      /seed reference like "003:60"/
    ],
    [
      'escalation steps out of order (seed 001:166-169)',
      (r) => r.escalation.steps.reverse(),
      'escalation.steps',
      /cam, peers, manager in that order/
    ],
    [
      'a comment that is not text',
      (r) => (r.tracks.Open._comment = 3),
      'tracks.Open._comment',
      /free text/
    ]
  ];

  it.each(cases)('%s', (_name, mutate, path, message) => {
    const issues = issuesOf(mutate);
    expect(issues).toContainEqual({ path, message: expect.stringMatching(message) });
  });

  it('reports every issue at once, not just the first', () => {
    const issues = issuesOf((r) => {
      r.discountMatrix.Select.Assisted.Resale = 'abc';
      r.dealRegistration.maxExtensions = -1;
      r.regions.push('LATAM');
    });
    expect(issues.map((i) => i.path)).toEqual(
      expect.arrayContaining([
        'discountMatrix.Select.Assisted.Resale',
        'dealRegistration.maxExtensions',
        'regions[4]'
      ])
    );
  });

  it('throws a readable message listing the paths', () => {
    expect(() => parseProgramRules({ version: '1' })).toThrow(/partnerTypes: missing/);
    expect(() => parseProgramRules('not json object')).toThrow(/\(root\): expected an object/);
  });
});
