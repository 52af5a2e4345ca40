import type { Command } from 'commander';
import { localTopic } from './local.ts';

/** A topic of the CLI (`ppk <topic> <verb>`): it adds its verbs to the program. */
export interface Topic {
  register(program: Command): void;
}

/** Every topic, in the order `ppk --help` lists them. */
export const topics: Topic[] = [localTopic];
