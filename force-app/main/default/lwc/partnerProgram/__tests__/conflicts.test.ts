import {
  CONFLICT_RULES,
  checkConflictRule,
  detectConflicts,
  registrationConflictFields,
  type ConflictRuleId,
  type ConflictScope
} from '../conflicts';
import { addDays } from '../dates';
import type { CustomerAccount, DealRegistration, Opportunity, PartnerAccount } from '../records';
import { AS_OF, opportunity, partner, registration, rules } from './programFixtures';

const acme = partner({ Id: 'pA', Name: 'Acme DevOps' });
const beta = partner({
  Id: 'pB',
  Name: 'Beta Systems',
  Partner_Track__c: 'Select',
  Channel_Account_Manager__c: '005B',
  Channel_Account_Manager__r: { Name: 'Eve Cam' }
});
const gamma = partner({
  Id: 'pC',
  Name: 'Gamma Prospects',
  Partner_Status__c: 'Prospect',
  Channel_Account_Manager__c: null,
  Channel_Account_Manager__r: null
});
const techie = partner({
  Id: 'pT',
  Name: 'Techie Cloud',
  Partner_Track__c: 'Technology',
  Partner_Type__c: 'Downstream Alliance'
});
const globex: CustomerAccount = {
  Id: 'cG',
  Name: 'Globex',
  Incumbent_Partner__c: 'pA',
  Incumbent_Since__c: '2025-11-30'
};

const opp = (fields: Partial<Opportunity> = {}) =>
  opportunity({
    Id: 'o1',
    Name: 'Globex platform',
    AccountId: 'cG',
    Partner_Account__c: 'pA',
    ...fields
  });
const reg = (fields: Partial<DealRegistration> = {}) =>
  registration({
    Id: 'r1',
    Name: 'DR-0001',
    Partner_Account__c: 'pA',
    Customer_Account__c: 'cG',
    Opportunity__c: 'o1',
    Status__c: 'Approved',
    Approved_On__c: '2026-10-10',
    Submitted_At__c: '2026-10-01T09:00:00.000+0000',
    ...fields
  });

function scope(
  opportunities: Opportunity[],
  registrations: DealRegistration[],
  customer = globex
): ConflictScope {
  return {
    customers: [customer],
    opportunities,
    registrations,
    partners: [acme, beta, gamma, techie]
  };
}

const check = (rule: ConflictRuleId, s: ConflictScope) => checkConflictRule(rule, s, rules, AS_OF);

describe('a clean account', () => {
  it('an approved partner-sourced channel deal with the incumbent raises nothing', () => {
    expect(detectConflicts(scope([opp()], [reg()]), rules, AS_OF)).toEqual([]);
  });
});

describe('(a) no direct selling of a registered deal without VP Global Channel Sales approval (seed 001:144)', () => {
  it('warns, blocking, on a Direct opportunity with an approved registration', () => {
    const [w] = check('a', scope([opp({ Deal_Path__c: 'Direct' })], [reg()]));
    expect(w).toMatchObject({
      rule: 'a',
      name: 'directSellingWithoutApproval',
      severity: 'blocking',
      registrationIds: ['r1'],
      opportunityId: 'o1'
    });
    expect(w.ruleText).toMatch(
      /No direct sales of opportunities with approved Partner Deal Reg .* \(seed 001:144\)$/
    );
    expect(w.evidence).toEqual([
      'Opportunity "Globex platform" is on the Direct path',
      'DR-0001 from Acme DevOps (Approved, submitted 2026-10-01) is approved through 2027-01-08',
      'No VP Global Channel Sales approval recorded (Direct_Sale_Approved_By__c is blank)'
    ]);
  });

  it('escalates to the CAM by name, then peers with channel co-selling experience, then the manager (seed 001:166-169)', () => {
    const [w] = check('a', scope([opp({ Deal_Path__c: 'Direct' })], [reg()]));
    expect(w.escalation).toEqual([
      'Contact the Channel Account Manager: Dana Cam (Acme DevOps)',
      'Chat with peers who have channel co-selling experience (#channel-sales)',
      'Escalate to your manager'
    ]);
  });

  it('warns when the opportunity has no partner at all', () => {
    const [w] = check('a', scope([opp({ Partner_Account__c: null })], [reg()]));
    expect(w.evidence[0]).toBe('Opportunity "Globex platform" has no partner');
  });

  it('still warns when the approval has no date', () => {
    const [w] = check(
      'a',
      scope([opp({ Deal_Path__c: 'Direct', Direct_Sale_Approved_By__c: '005VP' })], [reg()])
    );
    expect(w.evidence[2]).toBe(
      'VP Global Channel Sales approval has no date (Direct_Sale_Approved_On__c is blank)'
    );
  });

  it.each([
    [
      'the VP approval is recorded',
      opp({
        Deal_Path__c: 'Direct',
        Direct_Sale_Approved_By__c: '005VP',
        Direct_Sale_Approved_On__c: '2026-11-01'
      }),
      reg()
    ],
    [
      'the registration is only submitted',
      opp({ Deal_Path__c: 'Direct' }),
      reg({ Status__c: 'Submitted' })
    ],
    [
      'the registration has expired',
      opp({ Deal_Path__c: 'Direct' }),
      reg({ Approved_On__c: '2026-08-01' })
    ],
    ['the deal goes through the channel', opp(), reg()],
    ['the opportunity is closed', opp({ Deal_Path__c: 'Direct', IsClosed: true }), reg()]
  ])('does not warn when %s', (_name, o, r) => {
    expect(check('a', scope([o], [r]))).toEqual([]);
  });
});

describe('(b) one approved registration per opportunity or customer (seed 001:144, DESIGN.md)', () => {
  const second = reg({
    Id: 'r2',
    Name: 'DR-0002',
    Partner_Account__c: 'pB',
    Submitted_At__c: '2026-10-03T09:00:00.000+0000'
  });

  it('blocks a second approved registration on the same opportunity; the earliest holds', () => {
    const [w] = check('b', scope([opp()], [second, reg()]));
    expect(w).toMatchObject({
      severity: 'blocking',
      title: 'More than one approved registration for the same opportunity',
      registrationIds: ['r1', 'r2']
    });
    expect(w.evidence).toEqual([
      'Opportunity "Globex platform" has 2 approved registrations:',
      'DR-0001 from Acme DevOps (Approved, submitted 2026-10-01)',
      'DR-0002 from Beta Systems (Approved, submitted 2026-10-03)',
      'The earliest submitted, DR-0001, holds the opportunity; the CAM denies the others'
    ]);
    expect(w.escalation[0]).toBe(
      'Contact the Channel Account Manager: Dana Cam (Acme DevOps), Eve Cam (Beta Systems)'
    );
  });

  it('warns about approved registrations from different partners for the same customer', () => {
    const other = { ...second, Opportunity__c: 'o2' };
    const warnings = check(
      'b',
      scope([opp(), opp({ Id: 'o2', Name: 'Globex add-on' })], [reg(), other])
    );
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      severity: 'warning',
      title: 'Approved registrations from different partners for the same customer'
    });
    expect(warnings[0].evidence[0]).toBe('Globex has approved registrations from 2 partners:');
  });

  it('does not warn for one approved registration, or two from the same partner on different deals', () => {
    expect(check('b', scope([opp()], [reg(), { ...second, Status__c: 'Denied' }]))).toEqual([]);
    const sameP = reg({ Id: 'r3', Opportunity__c: 'o2' });
    expect(check('b', scope([opp()], [reg(), sameP]))).toEqual([]);
  });
});

describe('(c) competing registrations for the same customer queue by submission (seed 001:144, DESIGN.md)', () => {
  const pending = reg({
    Id: 'r2',
    Name: 'DR-0002',
    Partner_Account__c: 'pB',
    Status__c: 'Submitted',
    Approved_On__c: null,
    Submitted_At__c: '2026-10-03T09:00:00.000+0000'
  });

  it('warns with the queue in submission order', () => {
    const [w] = check('c', scope([opp()], [pending, reg()]));
    expect(w).toMatchObject({
      severity: 'warning',
      title: 'Competing registrations for Globex from 2 partners',
      registrationIds: ['r1', 'r2']
    });
    expect(w.evidence).toEqual([
      'Queue in submission order:',
      '1. DR-0001 from Acme DevOps (Approved, submitted 2026-10-01)',
      '2. DR-0002 from Beta Systems (Submitted, submitted 2026-10-03)'
    ]);
  });

  it('does not warn when the other registration was denied, or comes from the same partner', () => {
    expect(check('c', scope([opp()], [{ ...pending, Status__c: 'Denied' }, reg()]))).toEqual([]);
    expect(check('c', scope([opp()], [{ ...pending, Partner_Account__c: 'pA' }, reg()]))).toEqual(
      []
    );
  });
});

describe('(d) do not bring a competing partner into the account (seed 001:145, 001:154)', () => {
  it("warns when new business goes with a partner other than the customer's incumbent", () => {
    const [w] = check(
      'd',
      scope(
        [opp({ Partner_Account__c: 'pB', Deal_Motion__c: 'Add-On' })],
        [reg({ Partner_Account__c: 'pB' })]
      )
    );
    expect(w).toMatchObject({ severity: 'warning', registrationIds: ['r1'] });
    expect(w.ruleText).toMatch(
      /Do not bring competing partners into the account" \(seed 001:154\)/
    );
    expect(w.evidence).toEqual([
      "Globex's incumbent partner is Acme DevOps (since 2025-11-30)",
      'Opportunity "Globex platform" (Add-On) is with Beta Systems'
    ]);
    expect(w.escalation[0]).toBe(
      'Contact the Channel Account Manager: Dana Cam (Acme DevOps), Eve Cam (Beta Systems)'
    );
  });

  it.each([
    ['the partner is the incumbent', opp(), globex],
    [
      'the customer has no incumbent',
      opp({ Partner_Account__c: 'pB' }),
      { ...globex, Incumbent_Partner__c: null }
    ],
    [
      'it is a renewal (rule e)',
      opp({ Partner_Account__c: 'pB', Deal_Motion__c: 'Renewal' }),
      globex
    ],
    [
      'the customer asked in writing',
      opp({ Partner_Account__c: 'pB', Customer_Requested_Partner_Change__c: true }),
      globex
    ]
  ])('does not warn when %s', (_name, o, customer) => {
    expect(check('d', scope([o], [], customer))).toEqual([]);
  });
});

describe('(e) the incumbent has first right of refusal on the renewal (seed 002:65)', () => {
  it('blocks a renewal with another partner and no written customer request', () => {
    const [w] = check(
      'e',
      scope(
        [opp({ Deal_Motion__c: 'Renewal', Partner_Account__c: 'pB' })],
        [reg({ Partner_Account__c: 'pB' })]
      )
    );
    expect(w).toMatchObject({
      severity: 'blocking',
      title: 'Renewal not offered to the incumbent partner',
      registrationIds: ['r1']
    });
    expect(w.evidence).toEqual([
      "Acme DevOps sold Globex's last deal (2025-11-30) and is Authorized: it has first right of refusal",
      'Opportunity "Globex platform" is with Beta Systems',
      'No written customer request to change partner (Customer_Requested_Partner_Change__c is not set)'
    ]);
  });

  it('blocks a renewal taken direct, without a partner', () => {
    const [w] = check(
      'e',
      scope([opp({ Deal_Motion__c: 'Renewal', Partner_Account__c: null })], [])
    );
    expect(w.evidence[1]).toBe('Opportunity "Globex platform" has no partner');
  });

  it.each([
    [
      'the customer asked in writing',
      opp({
        Deal_Motion__c: 'Renewal',
        Partner_Account__c: 'pB',
        Customer_Requested_Partner_Change__c: true
      }),
      [acme]
    ],
    [
      'the incumbent is not in good standing',
      opp({ Deal_Motion__c: 'Renewal', Partner_Account__c: 'pB' }),
      [{ ...acme, Partner_Status__c: 'Denied' }]
    ],
    ['the renewal is with the incumbent', opp({ Deal_Motion__c: 'Renewal' }), [acme]]
  ])('does not warn when %s', (_name, o, incumbent: PartnerAccount[]) => {
    const s = { ...scope([o], []), partners: [...incumbent, beta] };
    expect(check('e', s)).toEqual([]);
  });
});

describe('(f) registrations expired or expiring on open opportunities (DESIGN.md: 90 days, 14-day warning)', () => {
  it('informs 10 days ahead of expiry', () => {
    const [w] = check('f', scope([opp()], [reg({ Approved_On__c: addDays(AS_OF, -80) })]));
    expect(w).toMatchObject({
      severity: 'info',
      title: 'Deal registration expires within 14 days'
    });
    expect(w.evidence).toEqual([
      'DR-0001 from Acme DevOps (Approved, submitted 2026-10-01) on Opportunity "Globex platform"',
      'Last valid day 2026-12-03 (in 10 days)',
      'Extensions used: 0 of 1'
    ]);
  });

  it('warns on an expired registration and names who is next in the queue', () => {
    const next = reg({
      Id: 'r2',
      Name: 'DR-0002',
      Partner_Account__c: 'pB',
      Status__c: 'Submitted',
      Approved_On__c: null
    });
    const [w] = check('f', scope([opp()], [reg({ Approved_On__c: addDays(AS_OF, -91) }), next]));
    expect(w).toMatchObject({
      severity: 'warning',
      title: 'Deal registration expired on an open opportunity'
    });
    expect(w.evidence).toContain('Expired: last valid day 2026-11-22');
    expect(w.evidence).toContain(
      'Next in the queue: DR-0002 from Beta Systems (Submitted, submitted 2026-10-01)'
    );
  });

  it('still warns on a registration marked Expired that the opportunity still points to', () => {
    const [w] = check(
      'f',
      scope(
        [opp({ Registered_Deal__c: 'r1' })],
        [reg({ Status__c: 'Expired', Approved_On__c: '2026-01-01' })]
      )
    );
    expect(w.severity).toBe('warning');
  });

  it.each([
    ['it has more than 14 days left', opp(), reg({ Approved_On__c: addDays(AS_OF, -75) })],
    [
      'the opportunity is closed',
      opp({ IsClosed: true }),
      reg({ Approved_On__c: addDays(AS_OF, -91) })
    ],
    [
      'the registration is only submitted',
      opp(),
      reg({ Status__c: 'Submitted', Approved_On__c: null })
    ]
  ])('does not warn when %s', (_name, o, r) => {
    expect(check('f', scope([o], [r]))).toEqual([]);
  });
});

describe('(g) engagement within its stage gate (stage gates in the rules file; seed 001:150)', () => {
  it('warns on a Partner Sourced registration submitted at Negotiation/Review', () => {
    const [w] = check(
      'g',
      scope(
        [opp({ StageName: 'Negotiation/Review' })],
        [reg({ Status__c: 'Submitted', Approved_On__c: null })]
      )
    );
    expect(w).toMatchObject({
      severity: 'warning',
      title: 'Partner Sourced registration outside its stage gate'
    });
    expect(w.evidence[1]).toBe(
      'Partner Sourced is registered at Prospecting, Qualification; the opportunity is at Negotiation/Review.'
    );
  });

  it.each([
    ['Partner Sourced', 'Qualification'],
    ['Assisted', 'Perception Analysis'],
    ['Fulfillment', 'Negotiation/Review']
  ])('does not warn on %s at %s', (engagement, stage) => {
    const s = scope(
      [opp({ StageName: stage })],
      [reg({ Status__c: 'Submitted', Engagement__c: engagement })]
    );
    expect(check('g', s)).toEqual([]);
  });

  it('does not re-check an approved registration as the opportunity moves on', () => {
    expect(check('g', scope([opp({ StageName: 'Negotiation/Review' })], [reg()]))).toEqual([]);
  });
});

describe('(h) only Authorized partners register, only deal types of their track (seed 003:29, 001:150)', () => {
  it('blocks a registration from a Prospect, naming the missing CAM', () => {
    const [w] = check(
      'h',
      scope([opp()], [reg({ Partner_Account__c: 'pC', Status__c: 'Submitted' })])
    );
    expect(w).toMatchObject({
      severity: 'blocking',
      title: 'Registration from a partner that is not Authorized'
    });
    expect(w.evidence[1]).toBe('Gamma Prospects is Prospect; registrations need Authorized');
    expect(w.escalation[0]).toBe(
      'Contact the Channel Account Manager: no CAM assigned to Gamma Prospects'
    );
  });

  it('blocks a deal type the track does not allow', () => {
    const [w] = check(
      'h',
      scope(
        [opp()],
        [reg({ Partner_Account__c: 'pT', Status__c: 'Submitted', Deal_Type__c: 'Resale' })]
      )
    );
    expect(w).toMatchObject({
      severity: 'blocking',
      title: 'Resale is not a deal type of the Technology track'
    });
    expect(w.evidence[1]).toBe('Techie Cloud is on the Technology track, which allows Referral');
  });

  it('does not warn on an Authorized partner registering an allowed deal type, or on a denied registration', () => {
    expect(
      check(
        'h',
        scope(
          [opp()],
          [reg({ Partner_Account__c: 'pT', Status__c: 'Submitted', Deal_Type__c: 'Referral' })]
        )
      )
    ).toEqual([]);
    expect(
      check('h', scope([opp()], [reg({ Partner_Account__c: 'pC', Status__c: 'Denied' })]))
    ).toEqual([]);
  });
});

describe('all rules together', () => {
  const messy = scope(
    [opp({ Deal_Path__c: 'Direct', StageName: 'Negotiation/Review' })],
    [
      reg({ Approved_On__c: addDays(AS_OF, -85) }),
      reg({
        Id: 'r2',
        Name: 'DR-0002',
        Partner_Account__c: 'pB',
        Status__c: 'Submitted',
        Approved_On__c: null
      }),
      reg({
        Id: 'r3',
        Name: 'DR-0003',
        Partner_Account__c: 'pC',
        Status__c: 'Denied',
        Opportunity__c: null
      })
    ]
  );
  const warnings = detectConflicts(messy, rules, AS_OF);

  it('sorts the most severe first', () => {
    expect(warnings.map((w) => `${w.severity}:${w.rule}`)).toEqual([
      'blocking:a',
      'warning:c',
      'warning:g',
      'info:f'
    ]);
  });

  it('quotes every rule with a seed reference', () => {
    for (const rule of Object.values(CONFLICT_RULES))
      expect(rule.ruleText).toMatch(/\(seed 00\d:\d+\)/);
  });

  it.each([
    [
      'r1',
      'Conflict',
      '(a) Direct sale of a registered deal without VP Global Channel Sales approval; (c) Competing registrations for Globex from 2 partners'
    ],
    [
      'r2',
      'Potential',
      '(c) Competing registrations for Globex from 2 partners; (g) Partner Sourced registration outside its stage gate'
    ],
    ['r3', 'None', null]
  ])('derives Conflict_Status__c and Conflict_Summary__c for %s: %s', (id, status, summary) => {
    expect(registrationConflictFields(id, warnings)).toEqual({
      Conflict_Status__c: status,
      Conflict_Summary__c: summary
    });
  });

  it('an expiry notice alone is not a conflict', () => {
    const onlyInfo = detectConflicts(
      scope([opp()], [reg({ Approved_On__c: addDays(AS_OF, -85) })]),
      rules,
      AS_OF
    );
    expect(onlyInfo.map((w) => w.rule)).toEqual(['f']);
    expect(registrationConflictFields('r1', onlyInfo).Conflict_Status__c).toBe('None');
  });
});
