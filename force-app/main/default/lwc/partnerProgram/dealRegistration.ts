/**
 * The deal registration lifecycle: who may move a registration where, when it expires, how a CAM
 * extends it, and the queue of competing registrations for one opportunity (one approved
 * partner-sourced registration per opportunity; the others wait in submission order).
 */
import { addDays, daysBetween, dateTimeMillis } from './dates';
import {
  ENGAGEMENTS,
  REGISTRATION_STATUSES,
  picklistValue,
  type DealRegistration,
  type Opportunity,
  type RegistrationStatus
} from './records';
import type { ProgramRules } from './rules';
import { isOpenOpportunity } from './stageGates';

export type TransitionResult =
  { ok: true; from: RegistrationStatus; to: RegistrationStatus } | { ok: false; reason: string };

/** Whether a registration may move from its status to `to` (rules.dealRegistration.transitions). */
export function changeStatus(
  registration: DealRegistration,
  to: string,
  rules: ProgramRules
): TransitionResult {
  const from = picklistValue(REGISTRATION_STATUSES, registration.Status__c);
  const target = picklistValue(REGISTRATION_STATUSES, to);
  const name = registration.Name ?? registration.Id;
  if (!from)
    return {
      ok: false,
      reason: `${name} has no known status (${registration.Status__c ?? 'blank'}).`
    };
  if (!target)
    return {
      ok: false,
      reason: `"${to}" is not a registration status (${REGISTRATION_STATUSES.join(', ')}).`
    };
  const allowed = rules.dealRegistration.transitions[from];
  if (allowed.includes(target)) return { ok: true, from, to: target };
  return {
    ok: false,
    reason: `${name} is ${from}: it cannot become ${target} (from ${from}: ${allowed.length ? allowed.join(', ') : 'no further change; the partner registers again'}).`
  };
}

/** Last valid day of a registration approved on `approvedOn` with `extensions` extensions. */
export function expiryDate(approvedOn: string, rules: ProgramRules, extensions = 0): string {
  const { validityDays, extensionDays } = rules.dealRegistration;
  return addDays(approvedOn, validityDays + extensions * extensionDays);
}

/** The registration's last valid day: Expires_On__c when set, else computed from approval. */
export function registrationExpiresOn(
  registration: DealRegistration,
  rules: ProgramRules
): string | null {
  if (registration.Expires_On__c) return registration.Expires_On__c;
  if (!registration.Approved_On__c) return null;
  return expiryDate(registration.Approved_On__c, rules, registration.Extensions__c ?? 0);
}

/**
 * Expired on `asOf`: status Expired, or approved and past its last valid day. Approved exactly
 * 90 days ago = on its expiry day: still valid that day, expired the next.
 */
export function isExpired(
  registration: DealRegistration,
  asOf: string,
  rules: ProgramRules
): boolean {
  if (registration.Status__c === 'Expired') return true;
  if (registration.Status__c !== 'Approved') return false;
  const expiresOn = registrationExpiresOn(registration, rules);
  return expiresOn !== null && asOf > expiresOn;
}

/** Approved and not expired on `asOf`: the registration protects the partner today. */
export function isActiveApproval(
  registration: DealRegistration,
  asOf: string,
  rules: ProgramRules
): boolean {
  return registration.Status__c === 'Approved' && !isExpired(registration, asOf, rules);
}

/** Days left until the last valid day (0 on that day, negative once expired); null if not approved. */
export function daysToExpiry(
  registration: DealRegistration,
  asOf: string,
  rules: ProgramRules
): number | null {
  if (registration.Status__c !== 'Approved') return null;
  const expiresOn = registrationExpiresOn(registration, rules);
  return expiresOn === null ? null : daysBetween(asOf, expiresOn);
}

export type ExpiryDecision =
  /** Past its last valid day: the registration becomes Expired. */
  | {
      kind: 'expire';
      expiresOn: string;
      /** The open opportunity's link to the registration falls with it; closed deals keep their history. */
      opportunityFields: { Registered_Deal__c: null } | null;
    }
  /** Still valid, but within the warning window: the partner and CAM should act (extend or close). */
  | { kind: 'warn'; expiresOn: string; daysLeft: number }
  | { kind: 'valid'; expiresOn: string | null; daysLeft: number | null };

/**
 * What the expiry run does with an approved registration on `asOf` (DESIGN: registrations expire
 * 90 days after approval, warned `expiryWarningDays` before). The opportunity that points at an
 * expired registration loses the link, so its next queued registration can be reconsidered.
 */
export function registrationExpiry(
  registration: DealRegistration,
  opportunity: Opportunity | null,
  asOf: string,
  rules: ProgramRules
): ExpiryDecision {
  const expiresOn = registrationExpiresOn(registration, rules);
  if (registration.Status__c === 'Approved' && expiresOn !== null && asOf > expiresOn) {
    const linked =
      opportunity !== null &&
      opportunity.Registered_Deal__c === registration.Id &&
      isOpenOpportunity(opportunity, rules);
    return {
      kind: 'expire',
      expiresOn,
      opportunityFields: linked ? { Registered_Deal__c: null } : null
    };
  }
  const daysLeft = daysToExpiry(registration, asOf, rules);
  if (
    expiresOn !== null &&
    daysLeft !== null &&
    daysLeft <= rules.dealRegistration.expiryWarningDays
  )
    return { kind: 'warn', expiresOn, daysLeft };
  return { kind: 'valid', expiresOn, daysLeft };
}

export type ExtensionResult =
  { ok: true; Expires_On__c: string; Extensions__c: number } | { ok: false; reason: string };

/** A CAM extends an approved, unexpired registration by 30 days, up to maxExtensions times. */
export function extend(
  registration: DealRegistration,
  asOf: string,
  rules: ProgramRules
): ExtensionResult {
  const { extensionDays, maxExtensions } = rules.dealRegistration;
  const name = registration.Name ?? registration.Id;
  const used = registration.Extensions__c ?? 0;
  const expiresOn = registrationExpiresOn(registration, rules);
  if (registration.Status__c !== 'Approved' || expiresOn === null) {
    return {
      ok: false,
      reason: `${name} is ${registration.Status__c ?? 'not approved'}: only an approved registration can be extended.`
    };
  }
  if (asOf > expiresOn) {
    return { ok: false, reason: `${name} expired on ${expiresOn}: the partner registers again.` };
  }
  if (used >= maxExtensions) {
    return {
      ok: false,
      reason: `${name} has had ${used} of ${maxExtensions} extension(s): the partner registers again.`
    };
  }
  return { ok: true, Expires_On__c: addDays(expiresOn, extensionDays), Extensions__c: used + 1 };
}

/** Whether a registration competes for the opportunity's one slot (blank engagement = Partner Sourced). */
export function competesForOpportunity(
  registration: DealRegistration,
  rules: ProgramRules
): boolean {
  const engagement = picklistValue(ENGAGEMENTS, registration.Engagement__c) ?? 'Partner Sourced';
  return rules.dealRegistration.competingEngagements.includes(engagement);
}

/** Earliest Submitted_At__c first; the Id breaks ties so the order is stable. */
export function bySubmission(a: DealRegistration, b: DealRegistration): number {
  return (
    dateTimeMillis(a.Submitted_At__c) - dateTimeMillis(b.Submitted_At__c) ||
    a.Id.localeCompare(b.Id)
  );
}

export interface RegistrationQueue {
  opportunityId: string;
  /** The approved (unexpired) registration that holds the opportunity, earliest submitted if several. */
  winner: DealRegistration | null;
  /** Further approved registrations: a conflict (one approved registration per opportunity). */
  alsoApproved: DealRegistration[];
  /** Submitted registrations waiting, in submission order. */
  queue: DealRegistration[];
  /** Who is reconsidered if the winner falls through (or now, when there is no winner). */
  nextUp: DealRegistration | null;
}

/** The competing registrations of each opportunity, in submission order. */
export function registrationQueues(
  registrations: readonly DealRegistration[],
  asOf: string,
  rules: ProgramRules
): RegistrationQueue[] {
  const byOpportunity = new Map<string, DealRegistration[]>();
  for (const reg of registrations) {
    if (!reg.Opportunity__c || !competesForOpportunity(reg, rules)) continue;
    byOpportunity.set(reg.Opportunity__c, [...(byOpportunity.get(reg.Opportunity__c) ?? []), reg]);
  }
  return [...byOpportunity.entries()].map(([opportunityId, regs]) => {
    const sorted = [...regs].sort(bySubmission);
    const approved = sorted.filter((r) => isActiveApproval(r, asOf, rules));
    const queue = sorted.filter((r) => r.Status__c === 'Submitted');
    return {
      opportunityId,
      winner: approved[0] ?? null,
      alsoApproved: approved.slice(1),
      queue,
      nextUp: queue[0] ?? null
    };
  });
}

/** The queue of one opportunity (empty when nothing competes for it). */
export function registrationQueue(
  opportunityId: string,
  registrations: readonly DealRegistration[],
  asOf: string,
  rules: ProgramRules
): RegistrationQueue {
  const found = registrationQueues(registrations, asOf, rules).find(
    (q) => q.opportunityId === opportunityId
  );
  return found ?? { opportunityId, winner: null, alsoApproved: [], queue: [], nextUp: null };
}
