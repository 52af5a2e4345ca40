/**
 * Joint pursuit plans: "for new Deal Reg's in your pipeline, be prepared to construct a simple
 * joint pursuit plan in SFDC (CAMs are here to support same)" (001:146-147). Templates come from
 * the rules file: sections to fill with the partner and milestones with owners and due dates.
 */
import { addDays } from './dates';
import type { Opportunity, PartnerAccount, PursuitPlan, PursuitPlanMilestone } from './records';
import type { PlanSection, PlanTemplate, ProgramRules } from './rules';

/** What a template is suggested from: a registration or an opportunity (motion only on the latter). */
export interface PlanSubject {
  Engagement__c?: string | null;
  Deal_Type__c?: string | null;
  Deal_Motion__c?: string | null;
}

function matches<T extends string>(allowed: readonly T[], value: string): boolean {
  return allowed.length === 0 || allowed.some((a) => a === value);
}

/**
 * The first template (file order) suggested for the subject's engagement, deal type and motion.
 * A blank engagement counts as Partner Sourced and a blank motion as New Logo (a new
 * registration); a blank deal type matches any template.
 */
export function suggestTemplate(subject: PlanSubject, rules: ProgramRules): PlanTemplate | null {
  const engagement = subject.Engagement__c || 'Partner Sourced';
  const motion = subject.Deal_Motion__c || 'New Logo';
  return (
    rules.pursuitPlan.templates.find(
      (t) =>
        matches(t.suggestedFor.engagements, engagement) &&
        matches(t.suggestedFor.motions, motion) &&
        (!subject.Deal_Type__c || matches(t.suggestedFor.dealTypes, subject.Deal_Type__c))
    ) ?? null
  );
}

export function templateById(
  id: string | null | undefined,
  rules: ProgramRules
): PlanTemplate | null {
  return rules.pursuitPlan.templates.find((t) => t.id === id) ?? null;
}

/** The section definitions (label, prompt) a template asks for, in the template's order. */
export function templateSections(template: PlanTemplate, rules: ProgramRules): PlanSection[] {
  return template.sections.flatMap((field) =>
    rules.pursuitPlan.sections.filter((s) => s.field === field)
  );
}

export interface PursuitPlanDraft {
  plan: PursuitPlan;
  milestones: PursuitPlanMilestone[];
}

/** A Draft Joint_Pursuit_Plan__c and its milestones, due `dueOffsetDays` after `asOf`. */
export function buildPursuitPlan(
  template: PlanTemplate,
  opportunity: Opportunity,
  partner: PartnerAccount | null | undefined,
  asOf: string
): PursuitPlanDraft {
  return {
    plan: {
      Opportunity__c: opportunity.Id,
      Partner_Account__c: partner?.Id ?? opportunity.Partner_Account__c ?? null,
      Template__c: template.id,
      Status__c: 'Draft',
      Completion_Pct__c: 0
    },
    milestones: template.milestones.map((m) => ({
      Name: m.name,
      Owner_Side__c: m.ownerSide,
      Due_Date__c: addDays(asOf, m.dueOffsetDays),
      Done__c: false,
      Order__c: m.order
    }))
  };
}

const filled = (value: unknown): boolean => typeof value === 'string' && value.trim() !== '';

/**
 * Completion_Pct__c: each section of the template filled and each milestone done counts one,
 * as a whole percent of all of them.
 */
export function planCompleteness(
  plan: PursuitPlan,
  milestones: readonly PursuitPlanMilestone[],
  template: PlanTemplate
): number {
  const total = template.sections.length + milestones.length;
  if (total === 0) return 0;
  const done =
    template.sections.filter((f) => filled(plan[f])).length +
    milestones.filter((m) => m.Done__c === true).length;
  return Math.round((done / total) * 100);
}
