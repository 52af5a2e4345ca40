import type { Command } from 'commander';
import { resolveConnection } from '../lib/connection.ts';
import { processOutput, type JsonEnvelope } from '../lib/output.ts';
import { loadRules } from '../lib/rulesSource.ts';
import { orgFailure, targetOrgOption } from '../lib/sync/command.ts';
import { jsforceClient } from '../lib/sync/orgClient.ts';
import type { Topic } from './index.ts';

interface ValidateFlags {
  rules?: string;
  targetOrg?: string;
  json?: boolean;
}

interface ValidateResult {
  origin: string;
  version: string;
  requirements: number;
  benefits: number;
  templates: number;
}

async function validate(flags: ValidateFlags): Promise<void> {
  const out = processOutput(Boolean(flags.json));
  const org = flags.rules ? undefined : await resolveConnection({ targetOrg: flags.targetOrg });
  const { rules, origin } = await loadRules({
    rulesFile: flags.rules,
    client: org && jsforceClient(org.conn),
    orgLabel: org?.label
  }).catch((error: unknown) => {
    throw orgFailure(error, org?.label ?? 'the org');
  });
  const result: ValidateResult = {
    origin,
    version: rules.version,
    requirements: rules.requirements.length,
    benefits: rules.benefits.length,
    templates: rules.pursuitPlan.templates.length
  };
  if (out.json) {
    const envelope: JsonEnvelope<ValidateResult> = { status: 0, result, warnings: [] };
    process.stdout.write(`${JSON.stringify(envelope, null, 2)}\n`);
  } else {
    out.log(
      `The program rules in ${origin} are valid (version ${rules.version}: ${result.requirements} requirements, ${result.benefits} benefits, ${result.templates} pursuit plan templates).`
    );
  }
}

export const rulesTopic: Topic = {
  register(program: Command) {
    const rules = program
      .command('rules')
      .description('The program rules file (partnerProgramRules static resource)');
    targetOrgOption(
      rules
        .command('validate')
        .description(
          "Validate the org's partnerProgramRules static resource, or a local file with --rules"
        )
        .option('--rules <file>', 'validate this file instead of the org copy')
    ).action((flags: ValidateFlags) => validate(flags));
  }
};
