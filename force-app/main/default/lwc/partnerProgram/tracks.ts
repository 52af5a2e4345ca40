/**
 * Track requirements (seed 003 table, 003:56-65): where a partner stands against its track and,
 * for an Open partner, against Select. Select is by invitation only (003:45): meeting every
 * Select requirement makes a partner eligible for invitation, it never changes its track.
 */
import {
  CHANNEL_TRACKS,
  picklistValue,
  type ChannelTrack,
  type PartnerAccount,
  type PartnerCertification
} from './records';
import type { ProgramRules, Requirement } from './rules';
import { formatMoney } from './money';

export interface RequirementResult {
  id: string;
  label: string;
  /** What the track requires: a count, an amount, or true for a yes/no row. */
  required: number | true;
  actual: number | boolean | string;
  met: boolean;
  /** e.g. "Sales Core verified 3 / 4". */
  progress: string;
  /** What is missing, in words; null when met. */
  gap: string | null;
}

export interface TrackCheck {
  track: ChannelTrack;
  requirements: RequirementResult[];
  met: boolean;
  gaps: string[];
}

export type TrackEvaluation =
  | {
      applies: true;
      partnerId: string;
      /** The partner's own track (a blank track is evaluated as Open: every partner joins Open, 001:121). */
      track: ChannelTrack;
      current: TrackCheck;
      /** Progress toward Select; for a Select partner the same as `current`. */
      select: TrackCheck;
      /** An Open partner meeting every Select requirement: eligible for invitation, never auto-Select. */
      selectEligible: boolean;
    }
  | { applies: false; partnerId: string; track: 'Technology'; reason: string };

/**
 * A certification counts toward the partner's requirements when it was earned in the partner's
 * contract region (003:30) and is unexpired on `asOf`; a certification expiring on `asOf` still
 * counts that day (Expires_On__c is its last valid day).
 */
export function countsToward(
  cert: PartnerCertification,
  region: string | null | undefined,
  asOf: string
): boolean {
  if (!region || cert.Region__c !== region) return false;
  if (cert.Earned_On__c && cert.Earned_On__c > asOf) return false;
  return !cert.Expires_On__c || cert.Expires_On__c >= asOf;
}

/** Distinct people (Contact__c) holding any of `names`, counted as `countsToward` says. */
export function certifiedPeople(
  certifications: readonly PartnerCertification[],
  names: readonly string[],
  region: string | null | undefined,
  asOf: string
): number {
  const people = new Set<string>();
  for (const cert of certifications) {
    if (
      cert.Contact__c &&
      names.includes(cert.Certification__c ?? '') &&
      countsToward(cert, region, asOf)
    ) {
      people.add(cert.Contact__c);
    }
  }
  return people.size;
}

const more = (n: number, one: string, many: string): string => `${n} more ${n === 1 ? one : many}`;

function evaluateRequirement(
  req: Requirement,
  required: number | true,
  partner: PartnerAccount,
  certifications: readonly PartnerCertification[],
  rules: ProgramRules,
  asOf: string
): RequirementResult {
  const base = { id: req.id, label: req.label, required };
  switch (req.kind) {
    case 'agreement': {
      const status = partner.Partner_Status__c ?? 'no status';
      const met = rules.partnerStatuses.goodStanding.some((s) => s === partner.Partner_Status__c);
      return {
        ...base,
        actual: status,
        met,
        progress: `${req.label}: ${status}`,
        gap: met ? null : `Needs ${req.need}; now ${status}`
      };
    }
    case 'flag': {
      const met = partner[req.field] === true;
      return {
        ...base,
        actual: met,
        met,
        progress: `${req.label}: ${met ? 'yes' : 'no'}`,
        gap: met ? null : `Needs ${req.need}`
      };
    }
    case 'certifiedPeople': {
      const target = required as number;
      const region = partner.Partner_Region__c;
      const actual = certifiedPeople(certifications, req.certifications, region, asOf);
      const missing = target - actual;
      const where = region ? `in ${region}` : '(no contract region set on the partner)';
      return {
        ...base,
        actual,
        met: missing <= 0,
        progress: `${req.label} ${actual} / ${target}`,
        gap: missing <= 0 ? null : `${more(missing, req.unitOne, req.unitMany)} ${where}`
      };
    }
    case 'count': {
      const target = required as number;
      const actual = partner[req.field] ?? 0;
      const missing = target - actual;
      return {
        ...base,
        actual,
        met: missing <= 0,
        progress: `${req.label} ${actual} / ${target}`,
        gap: missing <= 0 ? null : more(missing, req.unitOne, req.unitMany)
      };
    }
    case 'amount': {
      const target = required as number;
      const actual = partner[req.field] ?? 0;
      const missing = target - actual;
      return {
        ...base,
        actual,
        met: missing <= 0,
        progress: `${req.label} ${formatMoney(actual)} / ${formatMoney(target)}`,
        gap: missing <= 0 ? null : `${formatMoney(missing)} more ${req.unitMany}`
      };
    }
  }
}

/** Every requirement row of `track` (rows with "–" for the track are skipped), evaluated. */
export function trackRequirements(
  track: ChannelTrack,
  partner: PartnerAccount,
  certifications: readonly PartnerCertification[],
  rules: ProgramRules,
  asOf: string
): TrackCheck {
  const requirements = rules.requirements.flatMap((req) => {
    const required = req[track];
    return required === null
      ? []
      : [evaluateRequirement(req, required, partner, certifications, rules, asOf)];
  });
  return {
    track,
    requirements,
    met: requirements.every((r) => r.met),
    gaps: requirements.flatMap((r) => (r.gap ? [r.gap] : []))
  };
}

/**
 * Where `partner` stands on `asOf`. `certifications` are the partner's Partner_Certification__c
 * rows (others are ignored). Technology partners are alliances: the channel requirements do
 * not apply to them (rules.tracks.Technology.channelRequirements).
 */
export function evaluateTrack(
  partner: PartnerAccount,
  certifications: readonly PartnerCertification[],
  rules: ProgramRules,
  asOf: string
): TrackEvaluation {
  const own = certifications.filter(
    (c) => !c.Partner_Account__c || c.Partner_Account__c === partner.Id
  );
  if (partner.Partner_Track__c === 'Technology' && !rules.tracks.Technology.channelRequirements) {
    return {
      applies: false,
      partnerId: partner.Id,
      track: 'Technology',
      reason:
        'Technology partners are run by the Alliances team: channel track requirements do not apply.'
    };
  }
  const track = picklistValue(CHANNEL_TRACKS, partner.Partner_Track__c) ?? 'Open';
  const current = trackRequirements(track, partner, own, rules, asOf);
  const select =
    track === 'Select' ? current : trackRequirements('Select', partner, own, rules, asOf);
  return {
    applies: true,
    partnerId: partner.Id,
    track,
    current,
    select,
    selectEligible: track === 'Open' && select.met
  };
}

/**
 * The derived Account fields the sync writes: Track_Requirements_Met__c, Select_Eligible__c and
 * Track_Gaps__c (gaps to keep the current track first, then those between Open and Select).
 */
export function trackFields(evaluation: TrackEvaluation): {
  Track_Requirements_Met__c: boolean;
  Select_Eligible__c: boolean;
  Track_Gaps__c: string | null;
} {
  if (!evaluation.applies) {
    return { Track_Requirements_Met__c: false, Select_Eligible__c: false, Track_Gaps__c: null };
  }
  const selectGaps =
    evaluation.track === 'Open'
      ? evaluation.select.gaps.filter((g) => !evaluation.current.gaps.includes(g))
      : [];
  const lines = [
    ...evaluation.current.gaps.map((g) => `${evaluation.track}: ${g}`),
    ...selectGaps.map((g) => `Select: ${g}`)
  ];
  return {
    Track_Requirements_Met__c: evaluation.current.met,
    Select_Eligible__c: evaluation.selectEligible,
    Track_Gaps__c: lines.length ? lines.join('\n') : null
  };
}
