/**
 * Validates the program rules file on load. Hand-written (npm validators cannot be imported into
 * an LWC): small checks that record every issue with the key path and what was expected, so an
 * admin's typo fails loudly instead of silently changing the program.
 */
import {
  CERTIFICATIONS,
  CHANNEL_TRACKS,
  DEAL_MOTIONS,
  DEAL_TYPES,
  ENGAGEMENTS,
  OWNER_SIDES,
  PARTNER_GROUPS,
  PARTNER_STATUSES,
  PARTNER_TRACKS,
  PARTNER_TYPES,
  REGIONS,
  REGISTRATION_STATUSES
} from './records';
import type {
  BenefitCell,
  BenefitRow,
  DiscountTable,
  EscalationStep,
  PlanMilestoneTemplate,
  PlanSection,
  PlanTemplate,
  ProgramRules,
  RebateTier,
  Requirement,
  StageGates,
  TrackPolicy
} from './rules';

export interface RulesIssue {
  path: string;
  message: string;
}

export class ProgramRulesError extends Error {
  readonly issues: RulesIssue[];

  constructor(issues: RulesIssue[]) {
    super(
      `The program rules are not valid (${issues.length} issue${issues.length === 1 ? '' : 's'}):\n` +
        issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')
    );
    this.name = 'ProgramRulesError';
    this.issues = issues;
  }
}

/** Collects issues; a failed check returns a placeholder, never seen because parsing then throws. */
class Reader {
  readonly issues: RulesIssue[] = [];

  issue(path: string, message: string): void {
    this.issues.push({ path: path || '(root)', message });
  }

  expected<T>(path: string, what: string, got: unknown, placeholder: T): T {
    this.issue(path, `expected ${what}, got ${describe(got)}`);
    return placeholder;
  }
}

type Check<T> = (r: Reader, value: unknown, path: string) => T;

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (value !== null && typeof value === 'object') return 'an object';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

const join = (path: string, key: string | number): string =>
  typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;

const quoted = (values: readonly string[]): string => values.map((v) => `"${v}"`).join(', ');

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** Free-text keys allowed in any object: `_comment`-style keys and `notes`. */
const isCommentKey = (key: string): boolean => key.startsWith('_') || key === 'notes';

const text: Check<string> = (r, v, p) =>
  typeof v === 'string' && v.trim() !== '' ? v : r.expected(p, 'a non-empty string', v, '');

const flag: Check<boolean> = (r, v, p) =>
  typeof v === 'boolean' ? v : r.expected(p, 'true or false', v, false);

function num(min: number, max: number, integer = false): Check<number> {
  const kind = integer ? 'a whole number' : 'a number';
  const what = max === Infinity ? `${kind} of at least ${min}` : `${kind} from ${min} to ${max}`;
  return (r, v, p) =>
    typeof v === 'number' && v >= min && v <= max && (!integer || Number.isInteger(v))
      ? v
      : r.expected(p, what, v, min);
}

const seedRef: Check<string> = (r, v, p) =>
  typeof v === 'string' && /^\d{3}:\d+(-\d+)?$/.test(v)
    ? v
    : r.expected(p, 'a seed reference like "003:60"', v, '');

function oneOf<T extends string>(values: readonly T[]): Check<T> {
  return (r, v, p) =>
    values.includes(v as T) ? (v as T) : r.expected(p, `one of ${quoted(values)}`, v, values[0]);
}

function nullable<T>(check: Check<T>): Check<T | null> {
  return (r, v, p) => (v === null ? null : check(r, v, p));
}

const trueOrNull: Check<true | null> = (r, v, p) =>
  v === true || v === null
    ? v
    : r.expected(p, 'true or null (null = "–" in the seed table)', v, null);

function list<T>(item: Check<T>, opts: { min?: number; unique?: boolean } = {}): Check<T[]> {
  return (r, v, p) => {
    if (!Array.isArray(v)) return r.expected(p, 'a list', v, []);
    if (v.length < (opts.min ?? 0))
      r.issue(p, `expected at least ${opts.min} item(s), got ${v.length}`);
    const items = v.map((x, i) => item(r, x, join(p, i)));
    if (opts.unique) {
      items.forEach((x, i) => {
        if (items.indexOf(x) !== i) r.issue(join(p, i), `${describe(x)} is listed twice`);
      });
    }
    return items;
  };
}

/** Reports keys of `v` that are neither expected nor free text; returns the object or null. */
function objectWithKeys(
  r: Reader,
  v: unknown,
  p: string,
  keys: readonly string[]
): Record<string, unknown> | null {
  if (!isPlainObject(v)) return r.expected(p, 'an object', v, null);
  for (const key of Object.keys(v)) {
    if (isCommentKey(key)) {
      if (typeof v[key] !== 'string') r.expected(join(p, key), 'free text (a string)', v[key], '');
    } else if (!keys.includes(key)) {
      r.issue(join(p, key), `unknown key (expected one of ${quoted(keys)})`);
    }
  }
  return v;
}

type Shape<T> = { [K in keyof T]-?: Check<T[K]> };

/** An object with exactly these keys (plus free text); `optional` keys may be absent. */
function shape<T extends object>(fields: Shape<T>, optional: readonly (keyof T)[] = []): Check<T> {
  const keys = Object.keys(fields);
  return (r, v, p) => {
    const obj = objectWithKeys(r, v, p, keys);
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      const present = obj !== null && key in obj;
      if (!present && optional.includes(key as keyof T)) continue;
      if (obj !== null && !present) r.issue(join(p, key), 'missing');
      else if (obj !== null)
        out[key] = (fields as Record<string, Check<unknown>>)[key](r, obj[key], join(p, key));
    }
    return out as T;
  };
}

/** An object keyed by every one of `keys` (a picklist), each value checked by `value`. */
function keyedBy<K extends string, V>(keys: readonly K[], value: Check<V>): Check<Record<K, V>> {
  return (r, v, p) => {
    const obj = objectWithKeys(r, v, p, keys);
    const out = {} as Record<K, V>;
    for (const key of keys) {
      if (obj === null) continue;
      if (!(key in obj)) r.issue(join(p, key), 'missing');
      else out[key] = value(r, obj[key], join(p, key));
    }
    return out;
  };
}

function refine<T>(check: Check<T>, rule: (r: Reader, value: T, path: string) => void): Check<T> {
  return (r, v, p) => {
    const before = r.issues.length;
    const value = check(r, v, p);
    if (r.issues.length === before) rule(r, value, p);
    return value;
  };
}

const trackPolicy: Check<TrackPolicy> = shape<TrackPolicy>({
  invitationOnly: flag,
  channelRequirements: flag,
  dealTypes: list(oneOf(DEAL_TYPES), { unique: true }),
  seed: seedRef
});

const countOrNull = nullable(num(1, 1000, true));
const amountOrNull = nullable(num(0, Infinity));

/** Requirement rows differ by `kind`: read the kind first, then the keys that kind has. */
const requirement: Check<Requirement> = (r, v, p) => {
  const kinds = ['agreement', 'certifiedPeople', 'flag', 'amount', 'count'] as const;
  const kind = isPlainObject(v) ? v.kind : undefined;
  if (!kinds.includes(kind as (typeof kinds)[number])) {
    if (isPlainObject(v)) r.expected(join(p, 'kind'), `one of ${quoted(kinds)}`, kind, '');
    else r.expected(p, 'an object', v, null);
    return {} as Requirement;
  }
  const common = { id: text, row: text, label: text, seed: seedRef };
  switch (kind as (typeof kinds)[number]) {
    case 'agreement':
      return shape({
        ...common,
        kind: oneOf(['agreement'] as const),
        need: text,
        Open: trueOrNull,
        Select: trueOrNull
      })(r, v, p);
    case 'certifiedPeople':
      return shape({
        ...common,
        kind: oneOf(['certifiedPeople'] as const),
        certifications: list(oneOf(CERTIFICATIONS), { min: 1, unique: true }),
        unitOne: text,
        unitMany: text,
        Open: countOrNull,
        Select: countOrNull
      })(r, v, p);
    case 'flag':
      return shape({
        ...common,
        kind: oneOf(['flag'] as const),
        field: oneOf(['Exec_Sponsored_JBP__c', 'Dedicated_DevOps_Practice__c'] as const),
        need: text,
        Open: trueOrNull,
        Select: trueOrNull
      })(r, v, p);
    case 'amount':
      return shape({
        ...common,
        kind: oneOf(['amount'] as const),
        field: oneOf(['Net_ARR_Trailing_12M__c'] as const),
        unitMany: text,
        Open: amountOrNull,
        Select: amountOrNull
      })(r, v, p);
    case 'count':
      return shape({
        ...common,
        kind: oneOf(['count'] as const),
        field: oneOf(['Demand_Gen_Activities_This_Quarter__c'] as const),
        unitOne: text,
        unitMany: text,
        Open: countOrNull,
        Select: countOrNull
      })(r, v, p);
  }
};

const requirements = refine(list(requirement, { min: 1 }), (r, rows, p) => {
  const ids = rows.map((row) => row.id);
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i)
      r.issue(join(join(p, i), 'id'), `"${id}" is used by an earlier requirement`);
  });
  rows.forEach((row, i) => {
    if (row.Open === null && row.Select === null) {
      r.issue(join(p, i), 'applies to no track: give Open or Select a value');
    }
  });
});

const benefitCell: Check<BenefitCell> = (r, v, p) =>
  typeof v === 'boolean' || (typeof v === 'string' && v.trim() !== '')
    ? v
    : r.expected(
        p,
        'true ("X"), false (blank) or a qualifier such as "Through Distribution"',
        v,
        false
      );

const benefitRow = shape<BenefitRow>({
  section: text,
  benefit: text,
  seed: seedRef,
  Open: benefitCell,
  Select: benefitCell
});

const percent = num(0, 100);
const discountTable: Check<DiscountTable> = keyedBy(ENGAGEMENTS, keyedBy(DEAL_TYPES, percent));

const rebateTiers = refine(
  list(
    shape<RebateTier>({
      minServices: num(1, 1000, true),
      maxServices: nullable(num(1, 1000, true)),
      pct: percent,
      capPerOpportunity: num(0, Infinity)
    }),
    { min: 1 }
  ),
  (r, tiers, p) => {
    tiers.forEach((tier, i) => {
      const at = join(p, i);
      const next = tiers[i + 1];
      if (tier.maxServices !== null && tier.maxServices < tier.minServices) {
        r.issue(
          join(at, 'maxServices'),
          `expected at least minServices (${tier.minServices}), got ${tier.maxServices}`
        );
      }
      if (!next) {
        if (tier.maxServices !== null)
          r.issue(join(at, 'maxServices'), 'the top tier must be open-ended (null)');
        return;
      }
      if (tier.maxServices === null) {
        r.issue(join(at, 'maxServices'), 'only the last tier may be open-ended (null)');
      } else if (next.minServices !== tier.maxServices + 1) {
        r.issue(
          join(join(p, i + 1), 'minServices'),
          `tiers must ascend without gaps: expected ${tier.maxServices + 1}, got ${next.minServices}`
        );
      }
      if (next.pct <= tier.pct)
        r.issue(join(join(p, i + 1), 'pct'), `expected more than ${tier.pct}, got ${next.pct}`);
      if (next.capPerOpportunity < tier.capPerOpportunity) {
        r.issue(
          join(join(p, i + 1), 'capPerOpportunity'),
          `expected at least ${tier.capPerOpportunity}, got ${next.capPerOpportunity}`
        );
      }
    });
  }
);

const transitions = refine(
  keyedBy(REGISTRATION_STATUSES, list(oneOf(REGISTRATION_STATUSES), { unique: true })),
  (r, map, p) => {
    for (const from of REGISTRATION_STATUSES) {
      if (map[from].includes(from)) r.issue(join(p, from), `"${from}" cannot transition to itself`);
    }
  }
);

/** Stage gates refer to the stage list of the same block, so that list is read first. */
const stageGates: Check<StageGates> = (r, v, p) => {
  const raw = isPlainObject(v) && Array.isArray(v.stages) ? v.stages : [];
  const stages = raw.filter((s): s is string => typeof s === 'string');
  const stage = oneOf(stages);
  return shape<StageGates>({
    stages: list(text, { min: 1, unique: true }),
    closedStages: list(stage, { min: 1, unique: true }),
    gates: keyedBy(ENGAGEMENTS, list(stage, { min: 1, unique: true }))
  })(r, v, p);
};

const escalationStep = shape<EscalationStep>({
  role: oneOf(['cam', 'peers', 'manager'] as const),
  label: text
});

const escalationSteps = refine(list(escalationStep, { min: 1 }), (r, steps, p) => {
  const order = ['cam', 'peers', 'manager'];
  const roles = steps.map((s) => s.role);
  if (roles.join() !== order.join()) {
    r.issue(
      p,
      `expected the steps cam, peers, manager in that order (001:166-169), got ${roles.join(', ')}`
    );
  }
});

const planSection = shape<PlanSection>({
  field: oneOfPattern(/^[A-Z][A-Za-z0-9_]*__c$/, 'a custom field API name like "Risks__c"'),
  label: text,
  prompt: text
});

function oneOfPattern(pattern: RegExp, what: string): Check<string> {
  return (r, v, p) => (typeof v === 'string' && pattern.test(v) ? v : r.expected(p, what, v, ''));
}

const milestone = shape<PlanMilestoneTemplate>({
  name: text,
  ownerSide: oneOf(OWNER_SIDES),
  dueOffsetDays: num(0, 3650, true),
  order: num(1, 1000, true)
});

function planTemplate(sectionFields: string[]): Check<PlanTemplate> {
  return shape<PlanTemplate>({
    id: oneOfPattern(
      /^[a-z0-9]+(-[a-z0-9]+)*$/,
      'a template id in kebab-case like "assisted-deal"'
    ),
    name: text,
    suggestedFor: shape<PlanTemplate['suggestedFor']>({
      engagements: list(oneOf(ENGAGEMENTS), { unique: true }),
      dealTypes: list(oneOf(DEAL_TYPES), { unique: true }),
      motions: list(oneOf(DEAL_MOTIONS), { unique: true })
    }),
    sections: list(oneOf(sectionFields), { min: 1, unique: true }),
    milestones: refine(list(milestone, { min: 1 }), (r, ms, p) => {
      ms.forEach((m, i) => {
        if (i > 0 && m.order <= ms[i - 1].order) {
          r.issue(
            join(join(p, i), 'order'),
            `expected more than ${ms[i - 1].order} (list milestones in order), got ${m.order}`
          );
        }
      });
    })
  });
}

/** Templates refer to the section list of the same block, so that list is read first. */
const pursuitPlan: Check<ProgramRules['pursuitPlan']> = (r, v, p) => {
  const raw = isPlainObject(v) && Array.isArray(v.sections) ? v.sections : [];
  const fields = raw.flatMap((s) =>
    isPlainObject(s) && typeof s.field === 'string' ? [s.field] : []
  );
  return shape<ProgramRules['pursuitPlan']>({
    sections: refine(list(planSection, { min: 1 }), (r2, sections, p2) => {
      sections.forEach((s, i) => {
        if (fields.indexOf(s.field) !== i)
          r2.issue(join(join(p2, i), 'field'), `"${s.field}" is listed twice`);
      });
    }),
    templates: refine(list(planTemplate(fields), { min: 1 }), (r2, templates, p2) => {
      const ids = templates.map((t) => t.id);
      ids.forEach((id, i) => {
        if (ids.indexOf(id) !== i)
          r2.issue(join(join(p2, i), 'id'), `"${id}" is used by an earlier template`);
      });
    })
  })(r, v, p);
};

const partnerTypes = refine(
  keyedBy(PARTNER_GROUPS, list(oneOf(PARTNER_TYPES), { min: 1 })),
  (r, groups, p) => {
    for (const type of PARTNER_TYPES) {
      const inGroups = PARTNER_GROUPS.filter((g) => groups[g].includes(type));
      if (inGroups.length === 0) r.issue(p, `partner type "${type}" is in no group`);
      if (inGroups.length > 1)
        r.issue(p, `partner type "${type}" is in more than one group: ${inGroups.join(', ')}`);
    }
  }
);

const partnerStatuses = refine(
  shape<ProgramRules['partnerStatuses']>({
    values: list(oneOf(PARTNER_STATUSES), { min: 1, unique: true }),
    goodStanding: list(oneOf(PARTNER_STATUSES), { min: 1, unique: true })
  }),
  (r, s, p) => {
    s.goodStanding.forEach((status, i) => {
      if (!s.values.includes(status))
        r.issue(join(join(p, 'goodStanding'), i), `"${status}" is not in values`);
    });
  }
);

const programRules = shape<ProgramRules>({
  version: text,
  partnerTypes,
  partnerStatuses,
  regions: list(oneOf(REGIONS), { min: 1, unique: true }),
  certifications: list(oneOf(CERTIFICATIONS), { min: 1, unique: true }),
  tracks: keyedBy(PARTNER_TRACKS, trackPolicy),
  requirements,
  benefits: list(benefitRow, { min: 1 }),
  discountMatrix: shape<ProgramRules['discountMatrix']>({
    sample: flag,
    Open: discountTable,
    Select: discountTable
  }),
  channelNeutral: shape<ProgramRules['channelNeutral']>({ enabled: flag, seed: seedRef }),
  servicesAttachRebate: shape<ProgramRules['servicesAttachRebate']>({
    tiers: rebateTiers,
    seed: seedRef
  }),
  referralFee: shape<ProgramRules['referralFee']>({
    sample: flag,
    eligibleGroups: list(oneOf(PARTNER_GROUPS), { min: 1, unique: true }),
    pct: keyedBy(CHANNEL_TRACKS, percent)
  }),
  dealRegistration: shape<ProgramRules['dealRegistration']>({
    validityDays: num(1, 3650, true),
    extensionDays: num(1, 3650, true),
    maxExtensions: num(0, 100, true),
    expiryWarningDays: num(0, 365, true),
    competingEngagements: list(oneOf(ENGAGEMENTS), { min: 1, unique: true }),
    transitions
  }),
  stageGates,
  escalation: shape<ProgramRules['escalation']>({ steps: escalationSteps, seed: seedRef }),
  directSaleApproval: shape<ProgramRules['directSaleApproval']>({
    approverTitle: text,
    seed: seedRef
  }),
  pursuitPlan
});

/** Cross-checks between blocks: certifications a requirement counts must be program certifications. */
function crossCheck(r: Reader, rules: ProgramRules): void {
  rules.requirements.forEach((req, i) => {
    if (req.kind !== 'certifiedPeople') return;
    req.certifications.forEach((c, j) => {
      if (!rules.certifications.includes(c)) {
        r.issue(`requirements[${i}].certifications[${j}]`, `"${c}" is not in certifications`);
      }
    });
  });
}

/**
 * Validates the parsed JSON of partnerProgramRules.json. Throws ProgramRulesError listing every
 * issue (key path + what was expected); returns the typed rules otherwise.
 */
export function parseProgramRules(input: unknown): ProgramRules {
  const r = new Reader();
  const rules = programRules(r, input, '');
  if (r.issues.length === 0) crossCheck(r, rules);
  if (r.issues.length > 0) throw new ProgramRulesError(r.issues);
  return rules;
}
