import {
  channelNeutral,
  formatMoney,
  opportunityDiscount,
  programDiscount,
  referralFee,
  servicesAttachRebate
} from '../money';
import { ENGAGEMENTS, DEAL_TYPES } from '../records';
import { opportunity, partner, rawRules, rules } from './programFixtures';
import { parseProgramRules } from '../rulesSchema';

describe('the program sets the partner discount (seed 001:149-151)', () => {
  it('reads the matrix by track × engagement × deal type, flagged as sample figures', () => {
    expect(programDiscount('Select', 'Assisted', 'Resale', rules)).toEqual({
      ok: true,
      pct: rules.discountMatrix.Select.Assisted.Resale,
      sample: true
    });
  });

  it.each(ENGAGEMENTS.flatMap((e) => DEAL_TYPES.map((t) => [e, t] as const)))(
    'Select earns at least Open for %s %s (seed 001:115 "greater discounts in return for greater investments")',
    (engagement, dealType) => {
      const open = programDiscount('Open', engagement, dealType, rules);
      const select = programDiscount('Select', engagement, dealType, rules);
      if (!open.ok || !select.ok) throw new Error('expected a discount');
      expect(select.pct).toBeGreaterThanOrEqual(open.pct);
    }
  );

  it('follows an admin edit of the matrix without code', () => {
    const raw = rawRules() as { discountMatrix: { Open: { Fulfillment: { Resale: number } } } };
    raw.discountMatrix.Open.Fulfillment.Resale = 7;
    expect(programDiscount('Open', 'Fulfillment', 'Resale', parseProgramRules(raw))).toMatchObject({
      pct: 7
    });
  });

  it('ignores a discount a seller typed on the opportunity: the program decides (seed 001:151)', () => {
    const opp = opportunity({
      Engagement__c: 'Partner Sourced',
      Deal_Type__c: 'Resale',
      Program_Discount_Pct__c: 40
    });
    const result = opportunityDiscount(opp, partner({ Partner_Track__c: 'Open' }), rules);
    expect(result).toEqual({
      ok: true,
      pct: rules.discountMatrix.Open['Partner Sourced'].Resale,
      sample: true
    });
  });

  it.each([
    ['Technology', 'Partner Sourced', 'Resale', /Technology track/],
    ['Open', null, 'Resale', /without an engagement/],
    ['Open', 'Assisted', 'Subscription', /without a deal type \(got Subscription\)/]
  ])('refuses %s / %s / %s with a reason', (track, engagement, dealType, reason) => {
    expect(programDiscount(track, engagement, dealType, rules)).toEqual({
      ok: false,
      reason: expect.stringMatching(reason)
    });
  });

  it('has no discount without a partner', () => {
    expect(opportunityDiscount(opportunity({ Partner_Account__c: null }), null, rules).ok).toBe(
      false
    );
  });
});

describe('channel-neutral compensation (seed 001:129-131)', () => {
  it('$100K list at 20% off: $80K quota credit, $100K commissionable', () => {
    expect(channelNeutral(100000, 20)).toEqual({
      quotaCredit: 80000,
      commissionable: 100000,
      channelNeutralAmount: 20000
    });
  });

  it('rounds to cents', () => {
    expect(channelNeutral(999.99, 12.5)).toEqual({
      quotaCredit: 874.99,
      commissionable: 999.99,
      channelNeutralAmount: 125
    });
  });

  it('pays on the discounted amount when the rules turn channel neutrality off', () => {
    const raw = rawRules() as { channelNeutral: { enabled: boolean } };
    raw.channelNeutral.enabled = false;
    expect(channelNeutral(100000, 20, parseProgramRules(raw))).toEqual({
      quotaCredit: 80000,
      commissionable: 80000,
      channelNeutralAmount: 0
    });
  });
});

describe('services attach rebate (seed 001:133): 2.5 / 5 / 7.5% for 2–4 / 5–9 / 10+ services, capped', () => {
  it.each([
    [1, 100000, null, 0],
    [2, 40000, 2.5, 1000],
    [4, 40000, 2.5, 1000],
    [4, 200000, 2.5, 2500],
    [5, 40000, 5, 2000],
    [9, 200000, 5, 5000],
    [10, 40000, 7.5, 3000],
    [25, 1000000, 7.5, 7500]
  ])('%d services, $%d licence net ARR → %p%% = $%d', (services, arr, pct, amount) => {
    const result = servicesAttachRebate(services, arr, rules);
    if (pct === null) {
      expect(result).toEqual({
        eligible: false,
        reason: '1 services this quarter: the rebate starts at 2.'
      });
    } else {
      expect(result).toMatchObject({ eligible: true, pct, amount });
    }
  });

  it('says when the cap applied', () => {
    expect(servicesAttachRebate(4, 200000, rules)).toMatchObject({ capped: true, amount: 2500 });
    expect(servicesAttachRebate(4, 100000, rules)).toMatchObject({ capped: false, amount: 2500 });
  });
});

describe('referral fees for non-reselling services partners (seed 002:61)', () => {
  it.each([
    ['GSI', 'Open', 5000],
    ['Boutique SI', 'Select', 10000]
  ])('a %s on %s earns the sample fee', (type, track, amount) => {
    expect(
      referralFee(partner({ Partner_Type__c: type, Partner_Track__c: track }), 100000, rules)
    ).toEqual({
      eligible: true,
      pct: rules.referralFee.pct[track as 'Open' | 'Select'],
      amount,
      sample: true
    });
  });

  it.each(['VAR', 'Upstream Alliance', null])('a %s partner earns no referral fee', (type) => {
    expect(referralFee(partner({ Partner_Type__c: type }), 100000, rules)).toMatchObject({
      eligible: false,
      reason: expect.stringMatching(/non-reselling services partners/)
    });
  });
});

describe('formatMoney', () => {
  it.each([
    [45000, '$45,000'],
    [1234567.5, '$1,234,567.50'],
    [-20, '-$20']
  ])('%d → %s', (amount, text) => expect(formatMoney(amount)).toBe(text));
});
