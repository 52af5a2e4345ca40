/**
 * Progress in named stages with live counts (plugin-data habit), drawn on stderr only when it
 * is a terminal and --json is off; otherwise silent, so logs and pipes stay clean.
 */
import type { Output } from '../output.ts';

export const STAGES = ['read', 'validate', 'match', 'diff', 'write', 'report'] as const;
export type Stage = (typeof STAGES)[number];

export interface Progress {
  start(stage: Stage, total?: number): void;
  update(processed: number, failed?: number): void;
  done(summary: string): void;
}

export const silentProgress: Progress = { start() {}, update() {}, done() {} };

/** `draw` writes without a newline (a carriage return redraws the line). */
export function stageProgress(
  out: Output,
  draw: (text: string) => void = (t) => void process.stderr.write(t)
): Progress {
  if (!out.interactive) return silentProgress;
  let stage: Stage = 'read';
  let total: number | undefined;
  const line = (text: string) => draw(`\r\x1b[2K${text}`);
  return {
    start(next, count) {
      stage = next;
      total = count;
      line(`${stage} …`);
    },
    update(processed, failed = 0) {
      line(
        `${stage} ${processed}${total === undefined ? '' : ` / ${total}`}${failed ? ` (${failed} failed)` : ''}`
      );
    },
    done(summary) {
      line(`${stage}: ${summary}\n`);
    }
  };
}
