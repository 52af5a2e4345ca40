/**
 * The program rules every panel reads: the static resource partnerProgramRules, fetched once per
 * page and validated by the core's parseProgramRules (whose errors name the bad key).
 */
import RULES_URL from '@salesforce/resourceUrl/partnerProgramRules';
import { parseProgramRules, type ProgramRules } from 'c/partnerProgram';

let rulesOnThisPage: Promise<ProgramRules> | null = null;

async function fetchProgramRules(): Promise<ProgramRules> {
  const response = await fetch(RULES_URL);
  if (!response.ok) {
    throw new Error(
      `The program rules (static resource partnerProgramRules) could not be loaded: HTTP ${response.status}. Ask your admin to deploy it.`
    );
  }
  return parseProgramRules(await response.json());
}

/** The validated rules; one fetch per page, retried on the next call if it failed. */
export function loadProgramRules(): Promise<ProgramRules> {
  if (!rulesOnThisPage) {
    rulesOnThisPage = fetchProgramRules().catch((error: unknown) => {
      rulesOnThisPage = null;
      throw error;
    });
  }
  return rulesOnThisPage;
}

/** A panel that shows the rules' verdicts: it holds the loaded rules, or why they failed. */
export interface NeedsProgramRules {
  rules: ProgramRules | null;
  rulesError: unknown;
}

/** Loads the rules into a panel's `rules` (or `rulesError`): every panel calls it when connected. */
export function provideProgramRules(panel: NeedsProgramRules): void {
  loadProgramRules()
    .then((rules) => {
      panel.rules = rules;
    })
    .catch((error: unknown) => {
      panel.rulesError = error;
    });
}

/** Today in the user's time zone as YYYY-MM-DD: the `asOf` the core's date rules take. */
export function today(): string {
  const now = new Date();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
