/**
 * Where a command writes. Commands take an Output instead of touching process.stdout, which is
 * what makes them testable (plugin-data habit). With --json, stdout carries only the result.
 */
export interface Output {
  readonly json: boolean;
  /** Human text on stdout (suppressed with --json). */
  log(line: string): void;
  /** Warnings and progress on stderr. */
  warn(line: string): void;
  /** True when progress may be drawn (stderr is a TTY and not --json). */
  readonly interactive: boolean;
}

export function processOutput(json: boolean): Output {
  return {
    json,
    interactive: Boolean(process.stderr.isTTY) && !json,
    log: (line) => {
      if (!json) process.stdout.write(`${line}\n`);
    },
    warn: (line) => {
      process.stderr.write(`${line}\n`);
    }
  };
}

/** The --json envelope of the Salesforce CLI: status 0 with a result, or an error with actions. */
export type JsonEnvelope<T> =
  | { status: 0; result: T; warnings: string[] }
  | { status: number; name: string; message: string; actions: string[]; warnings: string[] };
