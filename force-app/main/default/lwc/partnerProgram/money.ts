/**
 * The money rules: the program discount (set by the program, never the seller, 001:149-151),
 * channel-neutral compensation (001:129-131), the services attach rebate (001:133) and referral
 * fees for non-reselling services partners (002:61). Amounts are rounded to cents.
 */
import {
  CHANNEL_TRACKS,
  DEAL_TYPES,
  ENGAGEMENTS,
  PARTNER_GROUPS,
  picklistValue,
  type Opportunity,
  type PartnerAccount,
  type PartnerGroup
} from './records';
import type { ProgramRules, RebateTier } from './rules';

const cents = (amount: number): number => Math.round(amount * 100) / 100;

/** "$45,000" (cents only when there are any), for gaps and evidence. */
export function formatMoney(amount: number): string {
  const rounded = cents(Math.abs(amount));
  const [whole, fraction] = rounded.toFixed(2).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${amount < 0 ? '-' : ''}$${grouped}${fraction === '00' ? '' : `.${fraction}`}`;
}

export type DiscountResult =
  { ok: true; pct: number; sample: boolean } | { ok: false; reason: string };

/** The program discount (percent off list) for a track × engagement × deal type. */
export function programDiscount(
  track: string | null | undefined,
  engagement: string | null | undefined,
  dealType: string | null | undefined,
  rules: ProgramRules
): DiscountResult {
  const channelTrack = picklistValue(CHANNEL_TRACKS, track);
  const eng = picklistValue(ENGAGEMENTS, engagement);
  const type = picklistValue(DEAL_TYPES, dealType);
  if (!channelTrack) {
    return {
      ok: false,
      reason: `No program discount for the ${track ?? 'blank'} track (only Open and Select partners earn one).`
    };
  }
  if (!eng)
    return {
      ok: false,
      reason: `No program discount without an engagement (got ${engagement ?? 'blank'}).`
    };
  if (!type)
    return {
      ok: false,
      reason: `No program discount without a deal type (got ${dealType ?? 'blank'}).`
    };
  return {
    ok: true,
    pct: rules.discountMatrix[channelTrack][eng][type],
    sample: rules.discountMatrix.sample
  };
}

/**
 * Program_Discount_Pct__c for an opportunity: from its partner's track and its own engagement
 * and deal type. A discount a seller typed on the record is ignored: the program sets it.
 */
export function opportunityDiscount(
  opportunity: Opportunity,
  partner: PartnerAccount | null | undefined,
  rules: ProgramRules
): DiscountResult {
  if (!partner) return { ok: false, reason: 'No partner on the opportunity: no program discount.' };
  return programDiscount(
    partner.Partner_Track__c,
    opportunity.Engagement__c,
    opportunity.Deal_Type__c,
    rules
  );
}

export interface ChannelNeutralComp {
  /** IACV after the partner discount: what counts toward quota. */
  quotaCredit: number;
  /** What the seller is paid on: list, because the discount is credited back (001:131). */
  commissionable: number;
  /** The discount credited back for compensation only (Channel_Neutral_Amount__c). */
  channelNeutralAmount: number;
}

/** $100K list at 20% → $80K quota credit, $100K commissionable, $20K channel-neutral amount. */
export function channelNeutral(
  listAmount: number,
  discountPct: number,
  rules?: ProgramRules
): ChannelNeutralComp {
  const quotaCredit = cents(listAmount * (1 - discountPct / 100));
  const enabled = rules?.channelNeutral.enabled ?? true;
  const commissionable = enabled ? cents(listAmount) : quotaCredit;
  return { quotaCredit, commissionable, channelNeutralAmount: cents(commissionable - quotaCredit) };
}

export type RebateResult =
  | { eligible: true; tier: RebateTier; pct: number; amount: number; capped: boolean }
  | { eligible: false; reason: string };

/** The tier for a number of services delivered in the quarter, or null below the first tier. */
export function rebateTier(servicesCountInQuarter: number, rules: ProgramRules): RebateTier | null {
  return (
    rules.servicesAttachRebate.tiers.find(
      (t) =>
        servicesCountInQuarter >= t.minServices &&
        (t.maxServices === null || servicesCountInQuarter <= t.maxServices)
    ) ?? null
  );
}

/** Services attach rebate on one opportunity: tier percent of licence net ARR, capped per opportunity. */
export function servicesAttachRebate(
  servicesCountInQuarter: number,
  licenceNetArr: number,
  rules: ProgramRules
): RebateResult {
  const tier = rebateTier(servicesCountInQuarter, rules);
  if (!tier) {
    const first = rules.servicesAttachRebate.tiers[0];
    return {
      eligible: false,
      reason: `${servicesCountInQuarter} services this quarter: the rebate starts at ${first.minServices}.`
    };
  }
  const uncapped = cents((licenceNetArr * tier.pct) / 100);
  const capped = uncapped > tier.capPerOpportunity;
  return {
    eligible: true,
    tier,
    pct: tier.pct,
    amount: capped ? tier.capPerOpportunity : uncapped,
    capped
  };
}

export type ReferralFeeResult =
  | { eligible: true; pct: number; amount: number; sample: boolean }
  | { eligible: false; reason: string };

/** The program group of a partner type (reseller, services, alliance), or null when unknown. */
export function partnerGroup(
  partnerType: string | null | undefined,
  rules: ProgramRules
): PartnerGroup | null {
  return PARTNER_GROUPS.find((g) => rules.partnerTypes[g].some((t) => t === partnerType)) ?? null;
}

/** The referral fee on a referred deal: for non-reselling services partners (002:61), by track. */
export function referralFee(
  partner: PartnerAccount,
  referredAmount: number,
  rules: ProgramRules
): ReferralFeeResult {
  const policy = rules.referralFee;
  const group = partnerGroup(partner.Partner_Type__c, rules);
  if (!group || !policy.eligibleGroups.includes(group)) {
    return {
      eligible: false,
      reason: `${partner.Partner_Type__c ?? 'A partner without a type'} is not a ${policy.eligibleGroups.join(' or ')} partner: referral fees are for non-reselling services partners.`
    };
  }
  const track = picklistValue(CHANNEL_TRACKS, partner.Partner_Track__c);
  if (!track)
    return {
      eligible: false,
      reason: `No referral fee for the ${partner.Partner_Track__c ?? 'blank'} track.`
    };
  const pct = policy.pct[track];
  return {
    eligible: true,
    pct,
    amount: cents((referredAmount * pct) / 100),
    sample: policy.sample
  };
}
