/**
 * Where the program rules come from: the org's static resource `partnerProgramRules` (what the
 * LWCs load, so commands and pages agree), or a local file with `--rules FILE` (to try a change
 * before deploying it). Either way the core's `parseProgramRules` validates it; its issues name
 * the bad key.
 */
import { readFileSync } from 'node:fs';
import {
  parseProgramRules,
  ProgramRulesError,
  type ProgramRules
} from '../../force-app/main/default/lwc/partnerProgram/partnerProgram.ts';
import { PpkError } from './errors.ts';
import { selectQuery, soqlString } from './soql.ts';
import type { OrgClient } from './sync/orgClient.ts';
import { JsonSyntaxError, parseJson } from './sync/jsonText.ts';
import { queryAll } from './sync/read.ts';

export const RULES_RESOURCE = 'partnerProgramRules';
export const RULES_FILE = 'force-app/main/default/staticresources/partnerProgramRules.json';

export interface LoadedRules {
  rules: ProgramRules;
  /** e.g. "file rules.json" or "static resource partnerProgramRules in local". */
  origin: string;
}

/** Parses and validates rules text; `where` names its origin in every message. */
export function rulesFromText(text: string, where: string): ProgramRules {
  let json: unknown;
  try {
    json = parseJson(text);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    throw new PpkError('RulesNotJson', `${where} is not valid JSON at ${error.message}`, {
      actions: ['Fix the JSON syntax (a trailing comma or a missing quote is the usual cause).']
    });
  }
  try {
    return parseProgramRules(json);
  } catch (error) {
    if (!(error instanceof ProgramRulesError)) throw error;
    throw new PpkError(
      'RulesInvalid',
      `${where}: ${error.issues.length} problem${error.issues.length === 1 ? '' : 's'} in the program rules:\n` +
        error.issues.map((i) => `  ${i.path}: ${i.message}`).join('\n'),
      { actions: ['Fix the keys named above; the shipped file is ' + RULES_FILE + '.'] }
    );
  }
}

export function rulesFromFile(path: string): LoadedRules {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new PpkError('RulesFileMissing', `The rules file ${path} cannot be read.`, {
      actions: [`Pass the path of a rules file, e.g. --rules ${RULES_FILE}.`]
    });
  }
  return { rules: rulesFromText(text, path), origin: `file ${path}` };
}

interface StaticResourceRow {
  Id: string;
  Body: string | null;
}

/**
 * The static resource's body: a real org answers the Body field with the URL of the blob; the
 * local org stores the base64 content in the field itself.
 */
async function resourceBody(client: OrgClient, row: StaticResourceRow): Promise<string> {
  const body = row.Body ?? '';
  if (body.startsWith('/services/')) return client.getText(body);
  return Buffer.from(body, 'base64').toString('utf8');
}

export async function rulesFromOrg(client: OrgClient, orgLabel: string): Promise<LoadedRules> {
  const rows = await queryAll<StaticResourceRow>(
    client,
    selectQuery('StaticResource', ['Id', 'Body'], {
      where: [`Name = ${soqlString(RULES_RESOURCE)}`],
      limit: 1
    })
  );
  if (rows.length === 0) {
    throw new PpkError(
      'RulesNotDeployed',
      `The org ${orgLabel} has no static resource named ${RULES_RESOURCE}.`,
      {
        actions: [
          `Deploy it: sf project deploy start --metadata StaticResource:${RULES_RESOURCE} --target-org ${orgLabel}`,
          `Or use the local file: --rules ${RULES_FILE}`
        ]
      }
    );
  }
  const where = `static resource ${RULES_RESOURCE} in ${orgLabel}`;
  return { rules: rulesFromText(await resourceBody(client, rows[0]), where), origin: where };
}

/** `--rules FILE` wins; otherwise the org's copy. */
export function loadRules(options: {
  rulesFile?: string;
  client?: OrgClient;
  orgLabel?: string;
}): Promise<LoadedRules> {
  if (options.rulesFile) return Promise.resolve(rulesFromFile(options.rulesFile));
  if (!options.client) throw new Error('loadRules: no --rules file and no org');
  return rulesFromOrg(options.client, options.orgLabel ?? 'the target org');
}
