import type { Command } from 'commander';
import { runSync, syncOptions, type SyncFlags } from '../lib/sync/command.ts';
import { scanConflicts } from '../lib/sync/conflictsService.ts';
import type { Topic } from './index.ts';

export const conflictsTopic: Topic = {
  register(program: Command) {
    const conflicts = program
      .command('conflicts')
      .description(
        'Rules-of-engagement conflicts between deal registrations, opportunities and partners'
      );
    syncOptions(
      conflicts
        .command('scan')
        .description(
          "Recompute every deal registration's Conflict_Status__c and Conflict_Summary__c with the program's conflict rules"
        ),
      { writes: true, rules: true }
    ).action((flags: SyncFlags) => runSync('conflicts scan', flags, scanConflicts));
  }
};
