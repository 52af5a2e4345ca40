import { benefitsFor, benefitsGainedWithSelect } from '../benefits';
import { rules } from './programFixtures';

/** The seed 003 benefits table (003:67-95) as the seed marks it: true = "X", false = blank. */
const seedBenefits: [
  seed: string,
  benefit: string,
  open: boolean | string,
  select: boolean | string
][] = [
  ['003:68', 'Deal Registration Discounts', true, true],
  ['003:69', 'Referral Fee', true, true],
  ['003:70', 'Renewals Discounts', true, true],
  ['003:73', 'Partner Helpdesk', true, true],
  ['003:74', 'Level 2 Support Hotline', false, true],
  ['003:75', 'Dedicated Channel Manager', false, true],
  ['003:76', 'Not for Resale Licenses', true, true],
  ['003:79', 'Partner Portal', true, true],
  ['003:80', 'Proposal Based MDF', 'Through Distribution', true],
  ['003:81', 'Sales & Pre-Sales Technical Enablement', true, true],
  ['003:82', 'Program Logo', true, true],
  ['003:83', 'Program & Certification Badges', true, true],
  ['003:84', 'GitLab.com Listing', true, 'featured'],
  ['003:85', 'Demand Generation Resources', true, true],
  ['003:86', 'Leads', false, true],
  ['003:89', 'GitLab Professional Services Discounts', true, true],
  ['003:90', 'Professional Services Certification', true, true],
  ['003:91', 'Training Services Certification', true, true],
  ['003:94', 'Managed Services certification', true, true],
  ['003:95', 'Managed Services Discount', true, true]
];

const find = (track: string, benefit: string) =>
  benefitsFor(track, rules).find((b) => b.benefit === benefit);

describe('benefits by track (seed 003 table)', () => {
  it('the rules file has exactly the seed rows, in order', () => {
    expect(rules.benefits.map((b) => [b.seed, b.benefit])).toEqual(
      seedBenefits.map(([seed, benefit]) => [seed, benefit])
    );
  });

  it.each(seedBenefits)('seed %s %s: Open %p, Select %p', (_seed, benefit, open, select) => {
    for (const [track, mark] of [
      ['Open', open],
      ['Select', select]
    ] as const) {
      const got = find(track, benefit);
      if (mark === false) expect(got).toBeUndefined();
      else expect(got?.detail).toBe(mark === true ? null : mark);
    }
  });

  it('Technology partners get none of the channel benefits (the table has no Technology column)', () => {
    expect(benefitsFor('Technology', rules)).toEqual([]);
  });

  it('what Select adds for an Open partner: the blank and qualified Open cells (seed 003:74-86)', () => {
    expect(benefitsGainedWithSelect(rules).map((b) => b.benefit)).toEqual([
      'Level 2 Support Hotline',
      'Dedicated Channel Manager',
      'Proposal Based MDF',
      'GitLab.com Listing',
      'Leads'
    ]);
  });
});
