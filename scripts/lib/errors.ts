/**
 * An error a user can meet: what went wrong, and what to do next (plugin-data keeps an
 * "actions" line per message). Anything else reaching the top is a bug, shown as one.
 */
export class PpkError extends Error {
  readonly actions: string[];
  readonly exitCode: number;
  readonly code: string;

  constructor(
    code: string,
    message: string,
    options: { actions?: string[]; exitCode?: number } = {}
  ) {
    super(message);
    this.name = 'PpkError';
    this.code = code;
    this.actions = options.actions ?? [];
    this.exitCode = options.exitCode ?? 1;
  }
}
