/**
 * Stage gates: the opportunity stages (StageName) at which each engagement may be registered —
 * Partner Sourced early, Assisted in scoping / technical evaluation, Fulfillment in negotiation /
 * awaiting signature. The stage names are the org's and live in the rules file.
 */
import { ENGAGEMENTS, picklistValue, type Opportunity } from './records';
import type { ProgramRules } from './rules';

export type GateResult = { allowed: true } | { allowed: false; reason: string };

export function engagementAllowedAt(
  engagement: string | null | undefined,
  stageName: string | null | undefined,
  rules: ProgramRules
): GateResult {
  const eng = picklistValue(ENGAGEMENTS, engagement);
  if (!eng) return { allowed: false, reason: `Unknown engagement: ${engagement ?? 'blank'}.` };
  const stages = rules.stageGates.gates[eng];
  if (stageName && stages.includes(stageName)) return { allowed: true };
  return {
    allowed: false,
    reason: `${eng} is registered at ${stages.join(', ')}; the opportunity is at ${stageName ?? 'no stage'}.`
  };
}

/** Open = not closed: IsClosed when the record has it, else a closed stage of the rules file. */
export function isOpenOpportunity(opportunity: Opportunity, rules: ProgramRules): boolean {
  if (typeof opportunity.IsClosed === 'boolean') return !opportunity.IsClosed;
  return !rules.stageGates.closedStages.includes(opportunity.StageName ?? '');
}
