import type { Command } from 'commander';
import { runSync, syncOptions, type SyncFlags } from '../lib/sync/command.ts';
import { refreshIncumbents } from '../lib/sync/incumbentsService.ts';
import type { Topic } from './index.ts';

export const incumbentsTopic: Topic = {
  register(program: Command) {
    const incumbents = program.command('incumbents').description("Customers' incumbent partners");
    syncOptions(
      incumbents
        .command('refresh')
        .description(
          "Set each customer's Incumbent_Partner__c / Incumbent_Since__c from its latest won partner opportunity"
        ),
      { writes: true, rules: false }
    ).action((flags: SyncFlags) => runSync('incumbents refresh', flags, refreshIncumbents));
  }
};
