import { evaluateTrack, trackFields, type TrackEvaluation } from '../tracks';
import type { PartnerAccount, PartnerCertification } from '../records';
import {
  AS_OF,
  certs,
  partner,
  rules,
  selectReadyCertifications,
  selectReadyFields
} from './programFixtures';

/** The seed 003 requirements table (003:56-65) plus the Select-only bullets (003:51-52), as the seed states them. */
const seedRequirements: [
  id: string,
  seed: string,
  open: number | true | null,
  select: number | true | null
][] = [
  ['partnerAgreement', '003:59', true, true],
  ['salesCore', '003:60', 2, 4],
  ['salesProfessional', '003:61', null, 1],
  ['solutionArchitect', '003:62', 1, 2],
  ['professionalServices', '003:63', null, 1],
  ['execJointBusinessPlan', '003:64', null, true],
  ['programRevenue', '003:65', null, 300000],
  ['devopsPractice', '003:51', null, true],
  ['demandGeneration', '003:52', null, 1]
];

const certificationOf: Record<string, string> = {
  salesCore: 'Sales Core',
  salesProfessional: 'Sales Professional',
  solutionArchitect: 'Solution Architect',
  professionalServices: 'Professional Services'
};

/** A partner on `track` meeting every row of that track exactly, except `shortOn` (one short). */
function setup(
  track: 'Open' | 'Select',
  shortOn?: string
): { p: PartnerAccount; c: PartnerCertification[] } {
  const column = track === 'Open' ? 2 : 3;
  const fields: Partial<PartnerAccount> = { Partner_Track__c: track };
  const c: PartnerCertification[] = [];
  for (const row of seedRequirements) {
    const [id] = row;
    const required = row[column];
    if (required === null) continue;
    const short = id === shortOn;
    if (certificationOf[id])
      c.push(...certs(certificationOf[id], (required as number) - (short ? 1 : 0)));
    if (id === 'partnerAgreement') fields.Partner_Status__c = short ? 'Prospect' : 'Authorized';
    if (id === 'execJointBusinessPlan') fields.Exec_Sponsored_JBP__c = !short;
    if (id === 'devopsPractice') fields.Dedicated_DevOps_Practice__c = !short;
    if (id === 'programRevenue') fields.Net_ARR_Trailing_12M__c = short ? 299999 : 300000;
    if (id === 'demandGeneration') fields.Demand_Gen_Activities_This_Quarter__c = short ? 0 : 1;
  }
  return { p: partner(fields), c };
}

function applied(e: TrackEvaluation): Extract<TrackEvaluation, { applies: true }> {
  if (!e.applies) throw new Error('expected the channel requirements to apply');
  return e;
}

const requirement = (e: TrackEvaluation, id: string) =>
  applied(e).current.requirements.find((r) => r.id === id);

describe('the requirements table in the rules file matches the seed', () => {
  it.each(seedRequirements)('%s (seed %s): Open %p, Select %p', (id, _seed, open, select) => {
    const row = rules.requirements.find((r) => r.id === id)!;
    expect([row.Open, row.Select]).toEqual([open, select]);
  });

  it('has no requirement the seed does not have', () => {
    expect(rules.requirements.map((r) => r.id).sort()).toEqual(
      seedRequirements.map(([id]) => id).sort()
    );
  });
});

describe('evaluateTrack, row by row', () => {
  const rowsFor = (track: 'Open' | 'Select') =>
    seedRequirements
      .filter((row) => row[track === 'Open' ? 2 : 3] !== null)
      .map(([id, seed]) => [id, seed] as const);

  it.each(['Open', 'Select'] as const)(
    'a partner meeting every %s row exactly meets the track',
    (track) => {
      const { p, c } = setup(track);
      const e = applied(evaluateTrack(p, c, rules, AS_OF));
      expect(e.current.met).toBe(true);
      expect(e.current.gaps).toEqual([]);
      expect(e.current.requirements.map((r) => r.id)).toEqual(rowsFor(track).map(([id]) => id));
    }
  );

  describe.each(['Open', 'Select'] as const)('%s: one short on a row', (track) => {
    it.each(rowsFor(track))('%s (seed %s) is the only unmet row, with a gap in words', (id) => {
      const { p, c } = setup(track, id);
      const e = applied(evaluateTrack(p, c, rules, AS_OF));
      expect(e.current.requirements.filter((r) => !r.met).map((r) => r.id)).toEqual([id]);
      expect(e.current.met).toBe(false);
      expect(e.current.gaps).toHaveLength(1);
      expect(e.current.gaps[0]).toMatch(/^(1 more|\$1 more|Needs )/);
    });
  });

  it('shows progress like "Sales Core verified 3 / 4" (seed 003:60)', () => {
    const e = evaluateTrack(
      partner({ Partner_Track__c: 'Select' }),
      certs('Sales Core', 3),
      rules,
      AS_OF
    );
    expect(requirement(e, 'salesCore')).toMatchObject({
      required: 4,
      actual: 3,
      met: false,
      progress: 'Sales Core verified 3 / 4'
    });
  });

  it('says how many more people and where: "2 more Sales Core verified people in EMEA" (seed 003:30, 003:60)', () => {
    const e = evaluateTrack(
      partner({ Partner_Track__c: 'Select' }),
      certs('Sales Core', 2),
      rules,
      AS_OF
    );
    expect(requirement(e, 'salesCore')!.gap).toBe('2 more Sales Core verified people in EMEA');
  });

  it('says how much more net ARR: "$45,000 more net ARR (trailing 12 months)" (seed 003:65)', () => {
    const e = evaluateTrack(
      partner({ Partner_Track__c: 'Select', Net_ARR_Trailing_12M__c: 255000 }),
      [],
      rules,
      AS_OF
    );
    expect(requirement(e, 'programRevenue')).toMatchObject({
      met: false,
      progress: 'Net ARR (trailing 12 months) $255,000 / $300,000',
      gap: '$45,000 more net ARR (trailing 12 months)'
    });
  });

  it.each([
    [299999, false],
    [300000, true],
    [300001, true]
  ])('net ARR $%d meets the $300K Select minimum: %p (seed 003:65)', (arr, met) => {
    const e = evaluateTrack(
      partner({ Partner_Track__c: 'Select', Net_ARR_Trailing_12M__c: arr }),
      [],
      rules,
      AS_OF
    );
    expect(requirement(e, 'programRevenue')!.met).toBe(met);
  });

  it.each([
    ['expiring today', AS_OF, 2],
    ['expired yesterday', '2026-11-22', 1],
    ['with no expiry date', null, 2]
  ])(
    'a certification %s counts: %s → %d people (seed 003:30 "completion … in the region")',
    (_name, expiresOn, people) => {
      const c = [
        ...certs('Sales Core', 1),
        ...certs('Sales Core', 1, { Expires_On__c: expiresOn })
      ];
      const e = evaluateTrack(partner(), c, rules, AS_OF);
      expect(requirement(e, 'salesCore')!.actual).toBe(people);
    }
  );

  it('a certification in another region does not count (seed 003:30, 003:46)', () => {
    const c = [...certs('Sales Core', 1), ...certs('Sales Core', 1, { Region__c: 'AMER' })];
    const e = evaluateTrack(partner({ Partner_Region__c: 'EMEA' }), c, rules, AS_OF);
    expect(requirement(e, 'salesCore')).toMatchObject({
      actual: 1,
      met: false,
      gap: '1 more Sales Core verified person in EMEA'
    });
  });

  it('a partner without a contract region counts no certification, and the gap says why (seed 003:30)', () => {
    const e = evaluateTrack(
      partner({ Partner_Region__c: null }),
      certs('Sales Core', 2),
      rules,
      AS_OF
    );
    expect(requirement(e, 'salesCore')!.gap).toBe(
      '2 more Sales Core verified people (no contract region set on the partner)'
    );
  });

  it('counts people, not certificates: one person certified twice counts once (seed 003:60 "resources")', () => {
    const [first] = certs('Sales Core', 1);
    const renewed = {
      ...first,
      Id: 'a01renewed',
      Earned_On__c: '2026-06-01',
      Expires_On__c: '2027-06-01'
    };
    const e = evaluateTrack(partner(), [first, renewed, ...certs('Sales Core', 1)], rules, AS_OF);
    expect(requirement(e, 'salesCore')!.actual).toBe(2);
  });

  it("ignores another partner's certifications and certifications not yet earned", () => {
    const c = [
      ...certs('Sales Core', 1),
      ...certs('Sales Core', 1, { Partner_Account__c: '001P00000000999' }),
      ...certs('Sales Core', 1, { Earned_On__c: '2026-12-01' })
    ];
    expect(requirement(evaluateTrack(partner(), c, rules, AS_OF), 'salesCore')!.actual).toBe(1);
  });
});

describe('Select is by invitation only (seed 003:45, 001:108)', () => {
  it('an Open partner meeting every Select requirement is eligible for invitation and stays Open', () => {
    const p = partner({ ...selectReadyFields });
    const e = applied(evaluateTrack(p, selectReadyCertifications(), rules, AS_OF));
    expect(e.selectEligible).toBe(true);
    expect(e.track).toBe('Open');
    expect(p.Partner_Track__c).toBe('Open');
    expect(trackFields(e)).toEqual({
      Track_Requirements_Met__c: true,
      Select_Eligible__c: true,
      Track_Gaps__c: null
    });
  });

  it('an Open partner short of one Select requirement is not eligible, and the gap names Select', () => {
    const p = partner({ ...selectReadyFields, Demand_Gen_Activities_This_Quarter__c: 0 });
    const e = applied(evaluateTrack(p, selectReadyCertifications(), rules, AS_OF));
    expect(e.selectEligible).toBe(false);
    expect(e.current.met).toBe(true);
    expect(trackFields(e).Track_Gaps__c).toBe(
      'Select: 1 more demand-generation activity this quarter'
    );
  });

  it('a Select partner is measured against Select and is not "eligible" again', () => {
    const e = applied(
      evaluateTrack(
        partner({ Partner_Track__c: 'Select', ...selectReadyFields }),
        selectReadyCertifications(),
        rules,
        AS_OF
      )
    );
    expect(e.current.track).toBe('Select');
    expect(e.current.met).toBe(true);
    expect(e.selectEligible).toBe(false);
  });

  it('a Prospect meeting every number is not eligible: the partner agreement comes first (seed 003:59)', () => {
    const p = partner({ ...selectReadyFields, Partner_Status__c: 'Prospect' });
    const e = applied(evaluateTrack(p, selectReadyCertifications(), rules, AS_OF));
    expect(e.selectEligible).toBe(false);
    expect(requirement(e, 'partnerAgreement')!.gap).toBe(
      'Needs a signed partner agreement (status Authorized); now Prospect'
    );
  });

  it('lists Open gaps before Select gaps in Track_Gaps__c', () => {
    const e = evaluateTrack(partner(), certs('Sales Core', 1), rules, AS_OF);
    const lines = trackFields(e).Track_Gaps__c!.split('\n');
    expect(lines[0]).toBe('Open: 1 more Sales Core verified person in EMEA');
    expect(lines).toContain('Select: 3 more Sales Core verified people in EMEA');
    expect(lines).toContain('Select: $300,000 more net ARR (trailing 12 months)');
  });
});

describe('tracks without channel requirements', () => {
  it('Technology partners are not measured against the channel table (seed 000:33-39)', () => {
    const e = evaluateTrack(
      partner({ Partner_Track__c: 'Technology', Partner_Type__c: 'Upstream Alliance' }),
      [],
      rules,
      AS_OF
    );
    expect(e).toMatchObject({ applies: false, track: 'Technology' });
    expect(trackFields(e)).toEqual({
      Track_Requirements_Met__c: false,
      Select_Eligible__c: false,
      Track_Gaps__c: null
    });
  });

  it('a partner without a track is evaluated as Open: every partner joins in Open (seed 001:121)', () => {
    const e = applied(evaluateTrack(partner({ Partner_Track__c: null }), [], rules, AS_OF));
    expect(e.track).toBe('Open');
  });
});
