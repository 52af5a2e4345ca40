/**
 * Benefits by track: the seed 003 benefits table (003:67-95), row by row from the rules file.
 * Technology partners have no column in the table: alliance benefits are run by the Alliances team.
 */
import { CHANNEL_TRACKS, picklistValue } from './records';
import type { BenefitCell, ProgramRules } from './rules';

export interface Benefit {
  section: string;
  benefit: string;
  /** A qualifier from the table ("Through Distribution", "featured"), or null for a plain "X". */
  detail: string | null;
  seed: string;
}

const included = (cell: BenefitCell): boolean => cell !== false;
const detailOf = (cell: BenefitCell): string | null => (typeof cell === 'string' ? cell : null);

/** The benefits a partner on `track` gets, in the table's order. */
export function benefitsFor(track: string | null | undefined, rules: ProgramRules): Benefit[] {
  const column = picklistValue(CHANNEL_TRACKS, track);
  if (!column) return [];
  return rules.benefits
    .filter((row) => included(row[column]))
    .map((row) => ({
      section: row.section,
      benefit: row.benefit,
      detail: detailOf(row[column]),
      seed: row.seed
    }));
}

/** What an Open partner gains with Select: benefits it lacks, or gets only with a qualifier. */
export function benefitsGainedWithSelect(rules: ProgramRules): Benefit[] {
  return rules.benefits
    .filter((row) => included(row.Select) && (!included(row.Open) || row.Open !== row.Select))
    .map((row) => ({
      section: row.section,
      benefit: row.benefit,
      detail: detailOf(row.Select),
      seed: row.seed
    }));
}
