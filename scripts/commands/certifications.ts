import type { Command } from 'commander';
import { columnHelp, readCsvInput } from '../lib/sync/columns.ts';
import { CERTIFICATION_COLUMNS, importCertifications } from '../lib/sync/certificationsService.ts';
import { runSync, syncOptions, type SyncFlags } from '../lib/sync/command.ts';
import type { Topic } from './index.ts';

export const certificationsTopic: Topic = {
  register(program: Command) {
    const certifications = program
      .command('certifications')
      .description('Partner certifications from the training system');
    syncOptions(
      certifications
        .command('import')
        .description(
          "Upsert Partner_Certification__c by External_Id__c from the training system's CSV export, then re-evaluate the affected partners' tracks"
        )
        .argument('<file>', 'the CSV export (UTF-8; Latin-1 is read with a warning)')
        .addHelpText(
          'after',
          `\nColumns (header case and spacing are free; extra columns are ignored):\n${columnHelp(CERTIFICATION_COLUMNS)}`
        ),
      { writes: true, rules: true }
    ).action((file: string, flags: SyncFlags) =>
      runSync('certifications import', flags, (context) => {
        context.progress.start('read');
        const input = readCsvInput(file, CERTIFICATION_COLUMNS);
        context.progress.done(`${input.rows.length} rows`);
        return importCertifications(context, input);
      })
    );
  }
};
