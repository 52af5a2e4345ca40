/**
 * Incumbent partners (001:152-154) and the renewal right of first refusal (002:65): the partner
 * who sold the last deal and is in good standing has first right on the renewal, unless the
 * customer asked otherwise in writing (Opportunity.Customer_Requested_Partner_Change__c).
 */
import type { CustomerAccount, Opportunity, PartnerAccount } from './records';
import type { ProgramRules } from './rules';

/**
 * The partner who sold the customer's last deal: the partner of its latest won opportunity
 * (IsWon; rows without the field are taken as won) that had one, ties on CloseDate broken by the
 * later Id. What `refresh incumbents` writes to Incumbent_Partner__c / Incumbent_Since__c.
 */
export function incumbentPartner(
  wonOpportunities: readonly Opportunity[]
): { partnerId: string; since: string | null } | null {
  const withPartner = wonOpportunities.filter((o) => o.Partner_Account__c && o.IsWon !== false);
  const last = [...withPartner]
    .sort(
      (a, b) => (a.CloseDate ?? '').localeCompare(b.CloseDate ?? '') || a.Id.localeCompare(b.Id)
    )
    .pop();
  return last?.Partner_Account__c
    ? { partnerId: last.Partner_Account__c, since: last.CloseDate ?? null }
    : null;
}

/** In good standing: a partner status the rules call good standing (Authorized). */
export function inGoodStanding(
  partner: PartnerAccount | null | undefined,
  rules: ProgramRules
): boolean {
  return (
    !!partner && rules.partnerStatuses.goodStanding.some((s) => s === partner.Partner_Status__c)
  );
}

export type RightOfFirstRefusal =
  { holder: string; partnerName: string | null } | { holder: null; reason: string };

/**
 * Who has first right of refusal on a renewal of `customer`. `incumbent` is the customer's
 * Incumbent_Partner__c account (null when there is none).
 */
export function renewalRightOfFirstRefusal(
  customer: CustomerAccount,
  renewal: Opportunity,
  incumbent: PartnerAccount | null | undefined,
  rules: ProgramRules
): RightOfFirstRefusal {
  if (
    !customer.Incumbent_Partner__c ||
    !incumbent ||
    incumbent.Id !== customer.Incumbent_Partner__c
  ) {
    return { holder: null, reason: 'The customer has no incumbent partner.' };
  }
  const name = incumbent.Name ?? incumbent.Id;
  if (!inGoodStanding(incumbent, rules)) {
    return {
      holder: null,
      reason: `${name} is ${incumbent.Partner_Status__c ?? 'without status'}, not in good standing.`
    };
  }
  if (renewal.Customer_Requested_Partner_Change__c === true) {
    return {
      holder: null,
      reason: `The customer asked in writing to change partner from ${name}.`
    };
  }
  return { holder: incumbent.Id, partnerName: incumbent.Name ?? null };
}
