import type { Command } from 'commander';
import { certificationsTopic } from './certifications.ts';
import { conflictsTopic } from './conflicts.ts';
import { dealRegsTopic } from './dealRegs.ts';
import { incumbentsTopic } from './incumbents.ts';
import { localTopic } from './local.ts';
import { matchTopic } from './match.ts';
import { rulesTopic } from './rules.ts';
import { tracksTopic } from './tracks.ts';

/** A topic of the CLI (`ppk <topic> <verb>`): it adds its verbs to the program. */
export interface Topic {
  register(program: Command): void;
}

/** Every topic, in the order `ppk --help` lists them. */
export const topics: Topic[] = [
  localTopic,
  rulesTopic,
  tracksTopic,
  certificationsTopic,
  dealRegsTopic,
  conflictsTopic,
  incumbentsTopic,
  matchTopic
];
