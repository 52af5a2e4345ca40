/**
 * Conflict rules: the rules of engagement (seed 001:143-154, 002:65) and the deal registration
 * rules checked over plain records, each returning warnings a seller or CAM can act on: what the
 * rule says (quoted, with its seed line), the evidence, and whom to escalate to (001:166-169).
 * The checks look at open opportunities: the point is to warn before a rule is broken.
 */
import {
  bySubmission,
  competesForOpportunity,
  daysToExpiry,
  isActiveApproval,
  isExpired,
  registrationExpiresOn,
  registrationQueue
} from './dealRegistration';
import { inGoodStanding, renewalRightOfFirstRefusal } from './incumbency';
import {
  DEAL_TYPES,
  PARTNER_TRACKS,
  picklistValue,
  type ConflictStatus,
  type CustomerAccount,
  type DealRegistration,
  type Opportunity,
  type PartnerAccount
} from './records';
import type { ProgramRules } from './rules';
import { engagementAllowedAt, isOpenOpportunity } from './stageGates';

export type ConflictRuleId = 'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g' | 'h';
export type Severity = 'blocking' | 'warning' | 'info';

export interface ConflictWarning {
  rule: ConflictRuleId;
  name: string;
  severity: Severity;
  title: string;
  /** The rule as the handbook words it, with its seed reference. */
  ruleText: string;
  evidence: string[];
  /** The CAM by name, then peers with channel co-selling experience, then the manager. */
  escalation: string[];
  registrationIds: string[];
  opportunityId: string | null;
}

/**
 * What the rules look at: customers with their opportunities, deal registrations and the partners
 * they refer to, as loaded (one customer for a record page, a batch for a scan). Records are
 * indexed once, so the work grows with the number of records, never with pairs of them.
 */
export interface ConflictScope {
  customers: readonly CustomerAccount[];
  opportunities: readonly Opportunity[];
  registrations: readonly DealRegistration[];
  /** Every partner the records refer to (registrations, opportunities, incumbents). */
  partners: readonly PartnerAccount[];
}

/** The rules as data: id, name and the handbook's words (seed file:line). */
export const CONFLICT_RULES: Record<ConflictRuleId, { name: string; ruleText: string }> = {
  a: {
    name: 'directSellingWithoutApproval',
    ruleText:
      '"Respect Deal Reg’s from Partners: No direct sales of opportunities with approved Partner Deal Reg without prior approval of VP, Global Channel Sales" (seed 001:144)'
  },
  b: {
    name: 'multipleApprovedRegistrations',
    ruleText:
      '"Respect Deal Reg’s from Partners" (seed 001:144): one approved partner-sourced registration per opportunity (program rule, DESIGN.md)'
  },
  c: {
    name: 'competingRegistrations',
    ruleText:
      '"Respect Deal Reg’s from Partners" (seed 001:144): competing registrations queue by submission time and are reconsidered in that order (program rule, DESIGN.md)'
  },
  d: {
    name: 'competingPartnerInAccount',
    ruleText:
      '"Recognize Incumbent Partners*: Do not bring another Partner into your customer convos" (seed 001:145); "Do not bring competing partners into the account" (seed 001:154)'
  },
  e: {
    name: 'renewalNotWithIncumbent',
    ruleText:
      '"Renewals incumbent protection: If a partner sells a deal and is in good standing (actively supporting the customer, etc) that partner receives first right of refusal for renewal; unless otherwise stated by the customer." (seed 002:65)'
  },
  f: {
    name: 'registrationExpiry',
    ruleText:
      '"Respect Deal Reg’s from Partners" (seed 001:144): a registration protects the partner for 90 days after approval; a CAM can extend it by 30 days (program rule, DESIGN.md)'
  },
  g: {
    name: 'engagementOutsideStageGate',
    ruleText:
      '"by initiating, assisting or fulfilling sales opportunities … partners will earn set amount based on their partner track" (seed 001:150): Partner Sourced early, Assisted in scoping / technical evaluation, Fulfillment in negotiation (stage gates, rules file)'
  },
  h: {
    name: 'ineligibleRegistration',
    ruleText:
      '"Open partners must meet the minimum requirements … to earn program benefits" (seed 003:29); "partners will earn set amount based on their partner track" (seed 001:150)'
  }
};

const SEVERITY_ORDER: Record<Severity, number> = { blocking: 0, warning: 1, info: 2 };

/** Groups items by a key; items without one are left out. */
function groupBy<T>(items: readonly T[], key: (item: T) => string | null | undefined): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k) groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return [...groups.values()];
}

const distinctPartners = (regs: readonly DealRegistration[]): number =>
  new Set(regs.map((r) => r.Partner_Account__c)).size;

/** Lookups shared by the rules, indexed once. */
class Records {
  private readonly partnersById: Map<string, PartnerAccount>;
  private readonly customersById: Map<string, CustomerAccount>;
  private readonly registrationsById: Map<string, DealRegistration>;
  private readonly registrationsByOpportunity: Map<string, DealRegistration[]>;

  constructor(
    readonly scope: ConflictScope,
    readonly rules: ProgramRules,
    readonly asOf: string
  ) {
    this.partnersById = new Map(scope.partners.map((p) => [p.Id, p]));
    this.customersById = new Map(scope.customers.map((c) => [c.Id, c]));
    this.registrationsById = new Map(scope.registrations.map((r) => [r.Id, r]));
    this.registrationsByOpportunity = new Map(
      groupBy(scope.registrations, (r) => r.Opportunity__c).map((g) => [g[0].Opportunity__c!, g])
    );
  }

  partner(id: string | null | undefined): PartnerAccount | null {
    return (id && this.partnersById.get(id)) || null;
  }

  partnerName(id: string | null | undefined): string {
    return this.partner(id)?.Name ?? id ?? 'no partner';
  }

  openOpportunities(): Opportunity[] {
    return this.scope.opportunities.filter((o) => isOpenOpportunity(o, this.rules));
  }

  /** Registrations linked to the opportunity, plus the one its Registered_Deal__c points to. */
  registrationsOn(opportunity: Opportunity): DealRegistration[] {
    const linked = this.registrationsByOpportunity.get(opportunity.Id) ?? [];
    const registered = this.registrationsById.get(opportunity.Registered_Deal__c ?? '');
    return registered && !linked.includes(registered) ? [...linked, registered] : linked;
  }

  customerOf(opportunity: Opportunity): CustomerAccount | null {
    return this.customersById.get(opportunity.AccountId ?? '') ?? null;
  }

  /** A registration's customer: its matched account's name, else the name the partner typed. */
  customerName(reg: DealRegistration): string {
    const account = this.customersById.get(reg.Customer_Account__c ?? '');
    return account?.Name ?? reg.Customer_Name__c ?? 'the customer';
  }

  /** One line per registration: "DR-0001 from Acme DevOps (Approved, submitted 2026-10-05)". */
  describe(reg: DealRegistration): string {
    const submitted = reg.Submitted_At__c ? `, submitted ${reg.Submitted_At__c.slice(0, 10)}` : '';
    return `${reg.Name ?? reg.Id} from ${this.partnerName(reg.Partner_Account__c)} (${reg.Status__c ?? 'no status'}${submitted})`;
  }

  /** The escalation path, naming the CAM of each partner involved. */
  escalation(partnerIds: readonly (string | null | undefined)[]): string[] {
    const cams = [...new Set(partnerIds.filter((id): id is string => !!id))].map((id) => {
      const p = this.partner(id);
      const cam = p?.Channel_Account_Manager__r?.Name ?? p?.Channel_Account_Manager__c;
      return cam
        ? `${cam} (${this.partnerName(id)})`
        : `no CAM assigned to ${this.partnerName(id)}`;
    });
    return this.rules.escalation.steps.map((step) =>
      step.role === 'cam' && cams.length ? `${step.label}: ${cams.join(', ')}` : step.label
    );
  }

  warning(
    rule: ConflictRuleId,
    severity: Severity,
    title: string,
    evidence: string[],
    involved: {
      partners: (string | null | undefined)[];
      registrations: DealRegistration[];
      opportunity?: Opportunity | null;
    }
  ): ConflictWarning {
    return {
      rule,
      name: CONFLICT_RULES[rule].name,
      severity,
      title,
      ruleText: CONFLICT_RULES[rule].ruleText,
      evidence,
      escalation: this.escalation(involved.partners),
      registrationIds: involved.registrations.map((r) => r.Id),
      opportunityId: involved.opportunity?.Id ?? null
    };
  }
}

const oppName = (o: Opportunity): string => `Opportunity "${o.Name ?? o.Id}"`;

/** (a) Direct selling of an opportunity that has an approved registration, without VP approval. */
function directSellingWithoutApproval(db: Records): ConflictWarning[] {
  return db.openOpportunities().flatMap((opp) => {
    const direct = opp.Deal_Path__c === 'Direct' || !opp.Partner_Account__c;
    const approved = db.registrationsOn(opp).filter((r) => isActiveApproval(r, db.asOf, db.rules));
    const recorded = !!opp.Direct_Sale_Approved_By__c && !!opp.Direct_Sale_Approved_On__c;
    if (!direct || approved.length === 0 || recorded) return [];
    const approver = db.rules.directSaleApproval.approverTitle;
    return [
      db.warning(
        'a',
        'blocking',
        `Direct sale of a registered deal without ${approver} approval`,
        [
          opp.Deal_Path__c === 'Direct'
            ? `${oppName(opp)} is on the Direct path`
            : `${oppName(opp)} has no partner`,
          ...approved.map(
            (r) =>
              `${db.describe(r)} is approved through ${registrationExpiresOn(r, db.rules) ?? 'no expiry date'}`
          ),
          opp.Direct_Sale_Approved_By__c
            ? `${approver} approval has no date (Direct_Sale_Approved_On__c is blank)`
            : `No ${approver} approval recorded (Direct_Sale_Approved_By__c is blank)`
        ],
        {
          partners: approved.map((r) => r.Partner_Account__c),
          registrations: approved,
          opportunity: opp
        }
      )
    ];
  });
}

/** (b) More than one approved registration for one opportunity, or from different partners for one customer. */
function multipleApprovedRegistrations(db: Records): ConflictWarning[] {
  const approved = db.scope.registrations.filter(
    (r) => competesForOpportunity(r, db.rules) && isActiveApproval(r, db.asOf, db.rules)
  );
  const perOpportunity = groupBy(approved, (r) => r.Opportunity__c)
    .filter((regs) => regs.length > 1)
    .map((regs) => {
      const sorted = [...regs].sort(bySubmission);
      const opp = db.scope.opportunities.find((o) => o.Id === sorted[0].Opportunity__c) ?? null;
      const holder = sorted[0].Name ?? sorted[0].Id;
      return db.warning(
        'b',
        'blocking',
        'More than one approved registration for the same opportunity',
        [
          `${opp ? oppName(opp) : `Opportunity ${sorted[0].Opportunity__c}`} has ${regs.length} approved registrations:`,
          ...sorted.map((r) => db.describe(r)),
          `The earliest submitted, ${holder}, holds the opportunity; the CAM denies the others`
        ],
        {
          partners: sorted.map((r) => r.Partner_Account__c),
          registrations: sorted,
          opportunity: opp
        }
      );
    });
  const perCustomer = groupBy(approved, (r) => r.Customer_Account__c)
    .filter((regs) => distinctPartners(regs) > 1)
    .filter((regs) => new Set(regs.map((r) => r.Opportunity__c ?? r.Id)).size > 1)
    .map((regs) => {
      const sorted = [...regs].sort(bySubmission);
      return db.warning(
        'b',
        'warning',
        'Approved registrations from different partners for the same customer',
        [
          `${db.customerName(sorted[0])} has approved registrations from ${distinctPartners(sorted)} partners:`,
          ...sorted.map((r) => db.describe(r))
        ],
        { partners: sorted.map((r) => r.Partner_Account__c), registrations: sorted }
      );
    });
  return [...perOpportunity, ...perCustomer];
}

/** (c) Registrations from different partners for one customer while one is approved or pending: the queue. */
function competingRegistrations(db: Records): ConflictWarning[] {
  const live = db.scope.registrations.filter(
    (r) =>
      competesForOpportunity(r, db.rules) &&
      (r.Status__c === 'Submitted' || isActiveApproval(r, db.asOf, db.rules))
  );
  return groupBy(live, (r) => r.Customer_Account__c)
    .filter((regs) => distinctPartners(regs) > 1)
    .map((regs) => {
      const sorted = [...regs].sort(bySubmission);
      return db.warning(
        'c',
        'warning',
        `Competing registrations for ${db.customerName(sorted[0])} from ${distinctPartners(sorted)} partners`,
        ['Queue in submission order:', ...sorted.map((r, i) => `${i + 1}. ${db.describe(r)}`)],
        { partners: sorted.map((r) => r.Partner_Account__c), registrations: sorted }
      );
    });
}

/** (d) New business with a partner other than the customer's incumbent. */
function competingPartnerInAccount(db: Records): ConflictWarning[] {
  return db.openOpportunities().flatMap((opp) => {
    const customer = db.customerOf(opp);
    const incumbent = customer?.Incumbent_Partner__c;
    if (
      opp.Deal_Motion__c === 'Renewal' ||
      !incumbent ||
      !opp.Partner_Account__c ||
      opp.Partner_Account__c === incumbent ||
      opp.Customer_Requested_Partner_Change__c === true
    ) {
      return [];
    }
    const regs = db
      .registrationsOn(opp)
      .filter((r) => r.Partner_Account__c === opp.Partner_Account__c);
    return [
      db.warning(
        'd',
        'warning',
        'A competing partner in the incumbent partner’s account',
        [
          `${customer?.Name ?? 'The customer'}'s incumbent partner is ${db.partnerName(incumbent)}${customer?.Incumbent_Since__c ? ` (since ${customer.Incumbent_Since__c})` : ''}`,
          `${oppName(opp)} (${opp.Deal_Motion__c ?? 'no motion'}) is with ${db.partnerName(opp.Partner_Account__c)}`
        ],
        { partners: [incumbent, opp.Partner_Account__c], registrations: regs, opportunity: opp }
      )
    ];
  });
}

/** (e) A renewal not with the incumbent holding the right of first refusal, without a written request. */
function renewalNotWithIncumbent(db: Records): ConflictWarning[] {
  return db.openOpportunities().flatMap((opp) => {
    const customer = db.customerOf(opp);
    if (opp.Deal_Motion__c !== 'Renewal' || !customer) return [];
    const right = renewalRightOfFirstRefusal(
      customer,
      opp,
      db.partner(customer.Incumbent_Partner__c),
      db.rules
    );
    if (right.holder === null || opp.Partner_Account__c === right.holder) return [];
    const regs = db.registrationsOn(opp).filter((r) => r.Partner_Account__c !== right.holder);
    return [
      db.warning(
        'e',
        'blocking',
        'Renewal not offered to the incumbent partner',
        [
          `${db.partnerName(right.holder)} sold ${customer.Name ?? 'the customer'}'s last deal${customer.Incumbent_Since__c ? ` (${customer.Incumbent_Since__c})` : ''} and is ${db.partner(right.holder)?.Partner_Status__c}: it has first right of refusal`,
          opp.Partner_Account__c
            ? `${oppName(opp)} is with ${db.partnerName(opp.Partner_Account__c)}`
            : `${oppName(opp)} has no partner`,
          'No written customer request to change partner (Customer_Requested_Partner_Change__c is not set)'
        ],
        { partners: [right.holder, opp.Partner_Account__c], registrations: regs, opportunity: opp }
      )
    ];
  });
}

/** (f) An approved registration on an open opportunity that has expired or expires within the warning window. */
function registrationExpiry(db: Records): ConflictWarning[] {
  const window = db.rules.dealRegistration.expiryWarningDays;
  return db.openOpportunities().flatMap((opp) =>
    db.registrationsOn(opp).flatMap((reg) => {
      const stillAttached = reg.Status__c === 'Expired' && opp.Registered_Deal__c === reg.Id;
      if (reg.Status__c !== 'Approved' && !stillAttached) return [];
      const expired = isExpired(reg, db.asOf, db.rules);
      const days = daysToExpiry(reg, db.asOf, db.rules);
      if (!expired && (days === null || days > window)) return [];
      const expiresOn = registrationExpiresOn(reg, db.rules);
      const { maxExtensions } = db.rules.dealRegistration;
      const used = reg.Extensions__c ?? 0;
      const next = registrationQueue(opp.Id, db.registrationsOn(opp), db.asOf, db.rules).nextUp;
      const evidence = [
        `${db.describe(reg)} on ${oppName(opp)}`,
        expired
          ? `Expired${expiresOn ? `: last valid day ${expiresOn}` : ''}`
          : `Last valid day ${expiresOn} (${days === 0 ? 'today' : `in ${days} day${days === 1 ? '' : 's'}`})`,
        `Extensions used: ${used} of ${maxExtensions}`,
        ...(expired && next ? [`Next in the queue: ${db.describe(next)}`] : [])
      ];
      return [
        db.warning(
          'f',
          expired ? 'warning' : 'info',
          expired
            ? 'Deal registration expired on an open opportunity'
            : `Deal registration expires within ${window} days`,
          evidence,
          { partners: [reg.Partner_Account__c], registrations: [reg], opportunity: opp }
        )
      ];
    })
  );
}

/** (g) A registration awaiting approval whose engagement does not fit the opportunity's stage. */
function engagementOutsideStageGate(db: Records): ConflictWarning[] {
  return db.openOpportunities().flatMap((opp) =>
    db
      .registrationsOn(opp)
      .filter((r) => r.Status__c === 'Submitted')
      .flatMap((reg) => {
        const engagement = reg.Engagement__c || 'Partner Sourced';
        const gate = engagementAllowedAt(engagement, opp.StageName, db.rules);
        if (gate.allowed) return [];
        return [
          db.warning(
            'g',
            'warning',
            `${engagement} registration outside its stage gate`,
            [`${db.describe(reg)} on ${oppName(opp)}`, gate.reason],
            { partners: [reg.Partner_Account__c], registrations: [reg], opportunity: opp }
          )
        ];
      })
  );
}

/** (h) A live registration from a partner not in good standing, or of a deal type its track does not allow. */
function ineligibleRegistration(db: Records): ConflictWarning[] {
  const live = db.scope.registrations.filter(
    (r) => r.Status__c === 'Submitted' || isActiveApproval(r, db.asOf, db.rules)
  );
  return live.flatMap((reg) => {
    const partner = db.partner(reg.Partner_Account__c);
    if (!partner) return [];
    const warnings: ConflictWarning[] = [];
    const involved = { partners: [partner.Id], registrations: [reg] };
    if (!inGoodStanding(partner, db.rules)) {
      warnings.push(
        db.warning(
          'h',
          'blocking',
          'Registration from a partner that is not Authorized',
          [
            db.describe(reg),
            `${db.partnerName(partner.Id)} is ${partner.Partner_Status__c ?? 'without status'}; registrations need ${db.rules.partnerStatuses.goodStanding.join(' or ')}`
          ],
          involved
        )
      );
    }
    const track = picklistValue(PARTNER_TRACKS, partner.Partner_Track__c) ?? 'Open';
    const allowed = db.rules.tracks[track].dealTypes;
    const dealType = picklistValue(DEAL_TYPES, reg.Deal_Type__c);
    if (reg.Deal_Type__c && (!dealType || !allowed.includes(dealType))) {
      warnings.push(
        db.warning(
          'h',
          'blocking',
          `${reg.Deal_Type__c} is not a deal type of the ${track} track`,
          [
            db.describe(reg),
            `${db.partnerName(partner.Id)} is on the ${track} track, which allows ${allowed.join(', ')}`
          ],
          involved
        )
      );
    }
    return warnings;
  });
}

const RULE_CHECKS: ((db: Records) => ConflictWarning[])[] = [
  directSellingWithoutApproval,
  multipleApprovedRegistrations,
  competingRegistrations,
  competingPartnerInAccount,
  renewalNotWithIncumbent,
  registrationExpiry,
  engagementOutsideStageGate,
  ineligibleRegistration
];

/** Every conflict warning in `scope` on `asOf`, most severe first, then by rule. */
export function detectConflicts(
  scope: ConflictScope,
  rules: ProgramRules,
  asOf: string
): ConflictWarning[] {
  const db = new Records(scope, rules, asOf);
  return RULE_CHECKS.flatMap((check) => check(db)).sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.rule.localeCompare(b.rule)
  );
}

/** One rule on its own (for a panel or a test): the same evidence as in `detectConflicts`. */
export function checkConflictRule(
  rule: ConflictRuleId,
  scope: ConflictScope,
  rules: ProgramRules,
  asOf: string
): ConflictWarning[] {
  const index = (Object.keys(CONFLICT_RULES) as ConflictRuleId[]).indexOf(rule);
  return RULE_CHECKS[index](new Records(scope, rules, asOf));
}

/**
 * Conflict_Status__c and Conflict_Summary__c of one registration: Conflict when a blocking
 * warning concerns it, Potential for a warning, None otherwise (info, such as an expiry coming
 * up, is not a conflict).
 */
export function registrationConflictFields(
  registrationId: string,
  warnings: readonly ConflictWarning[]
): { Conflict_Status__c: ConflictStatus; Conflict_Summary__c: string | null } {
  const concerned = warnings.filter(
    (w) => w.severity !== 'info' && w.registrationIds.includes(registrationId)
  );
  const status: ConflictStatus = concerned.some((w) => w.severity === 'blocking')
    ? 'Conflict'
    : concerned.length
      ? 'Potential'
      : 'None';
  const summary = concerned.map((w) => `(${w.rule}) ${w.title}`).join('; ');
  return { Conflict_Status__c: status, Conflict_Summary__c: summary || null };
}
