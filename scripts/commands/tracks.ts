import type { Command } from 'commander';
import { runSync, syncOptions, type SyncFlags } from '../lib/sync/command.ts';
import { evaluateTracks } from '../lib/sync/tracksService.ts';
import type { Topic } from './index.ts';

export const tracksTopic: Topic = {
  register(program: Command) {
    const tracks = program
      .command('tracks')
      .description('Partner tracks: requirements met, gaps, Select eligibility');
    syncOptions(
      tracks
        .command('evaluate')
        .description(
          'Evaluate every partner account against its track and write Track_Requirements_Met__c, Select_Eligible__c, Track_Gaps__c'
        ),
      { writes: true, rules: true }
    ).action((flags: SyncFlags) => runSync('tracks evaluate', flags, evaluateTracks));
  }
};
