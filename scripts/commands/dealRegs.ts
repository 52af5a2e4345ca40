import type { Command } from 'commander';
import { columnHelp, readInput } from '../lib/sync/columns.ts';
import { runSync, syncOptions, type SyncFlags } from '../lib/sync/command.ts';
import {
  DEAL_REGISTRATION_COLUMNS,
  importDealRegistrations
} from '../lib/sync/dealRegistrationsService.ts';
import { expireRegistrations } from '../lib/sync/expireService.ts';
import type { Topic } from './index.ts';

export const dealRegsTopic: Topic = {
  register(program: Command) {
    const dealRegs = program
      .command('deal-regs')
      .description('Deal registrations from the partner portal');
    syncOptions(
      dealRegs
        .command('import')
        .description(
          "Upsert Deal_Registration__c by External_Id__c from the partner portal's export (CSV or JSON), matching each customer and linking its opportunity, then recompute the conflict status of the customers' registrations"
        )
        .argument('<file>', 'the export: .json (an array of records) or CSV')
        .addHelpText(
          'after',
          `\nColumns / JSON fields (case, spaces and _ are free; extra ones are ignored):\n${columnHelp(DEAL_REGISTRATION_COLUMNS)}\n\nA new registration is created as Submitted; an update never changes the CAM's decision (status, approval, expiry, extensions).`
        ),
      { writes: true, rules: true }
    ).action((file: string, flags: SyncFlags) =>
      runSync('deal-regs import', flags, (context) => {
        context.progress.start('read');
        const input = readInput(file, DEAL_REGISTRATION_COLUMNS);
        context.progress.done(`${input.rows.length} rows`);
        return importDealRegistrations(context, input);
      })
    );
    syncOptions(
      dealRegs
        .command('expire')
        .description(
          'Approved registrations past their last valid day become Expired and their open opportunities lose the Registered_Deal__c link; reports those inside the warning window and who is next in each queue'
        ),
      { writes: true, rules: true }
    ).action((flags: SyncFlags) => runSync('deal-regs expire', flags, expireRegistrations));
  }
};
