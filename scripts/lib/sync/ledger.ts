/**
 * The ledger: every input row ends in exactly one outcome — written, unchanged, rejected (with
 * the reason) or skipped (with the reason) — and the counts must add up to the rows read before
 * anything is reported. A row that silently vanished would be a lie in the report.
 */

export type RowOutcome =
  | { status: 'written'; action: 'create' | 'update'; id?: string; fields: string[]; note?: string }
  | { status: 'unchanged'; id: string; note?: string }
  | { status: 'rejected'; reason: string; column?: string }
  | { status: 'skipped'; reason: string };

export type RowStatus = RowOutcome['status'];

export interface LedgerRow {
  /** The row's line in the input file (1-based, the header is line 1 in a CSV). */
  line: number;
  /** The row's key, e.g. its external id ('' when the row has none). */
  key: string;
  outcome: RowOutcome;
}

export interface LedgerCounts {
  rows: number;
  written: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  skipped: number;
}

export class Ledger {
  private readonly pending = new Map<number, string>();
  private readonly settled = new Map<number, LedgerRow>();
  private opened = 0;

  /** Registers an input row; it must be settled before the ledger balances. */
  open(line: number, key: string): void {
    if (this.pending.has(line) || this.settled.has(line))
      throw new Error(`ledger: line ${line} opened twice`);
    this.pending.set(line, key);
    this.opened++;
  }

  settle(line: number, outcome: RowOutcome): void {
    const key = this.pending.get(line);
    if (key === undefined) {
      throw new Error(
        `ledger: line ${line} ${this.settled.has(line) ? 'settled twice' : 'was never opened'}`
      );
    }
    this.pending.delete(line);
    this.settled.set(line, { line, key, outcome });
  }

  /** Adds a note to a written or unchanged row (e.g. why a lookup was left blank). */
  annotate(line: number, note: string): void {
    const row = this.settled.get(line);
    if (row && (row.outcome.status === 'written' || row.outcome.status === 'unchanged'))
      row.outcome.note = note;
  }

  rows(): LedgerRow[] {
    return [...this.settled.values()].sort((a, b) => a.line - b.line);
  }

  /** The lines that were (or, in a dry run, would be) written: what later stages recompute from. */
  writtenLines(): Set<number> {
    return new Set(
      this.rows()
        .filter((r) => r.outcome.status === 'written')
        .map((r) => r.line)
    );
  }

  counts(): LedgerCounts {
    const counts: LedgerCounts = {
      rows: this.opened,
      written: 0,
      created: 0,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      skipped: 0
    };
    for (const { outcome } of this.settled.values()) {
      counts[outcome.status]++;
      if (outcome.status === 'written')
        counts[outcome.action === 'create' ? 'created' : 'updated']++;
    }
    return counts;
  }

  /** Throws unless every row has exactly one outcome: rows = written + unchanged + rejected + skipped. */
  assertBalanced(): LedgerCounts {
    const counts = this.counts();
    if (this.pending.size > 0) {
      throw new Error(
        `ledger: ${this.pending.size} row(s) have no outcome (lines ${[...this.pending.keys()].slice(0, 5).join(', ')})`
      );
    }
    const sum = counts.written + counts.unchanged + counts.rejected + counts.skipped;
    if (sum !== counts.rows)
      throw new Error(`ledger: ${counts.rows} rows read but ${sum} accounted for`);
    return counts;
  }
}

/** Exit code 0 only when every row was written, unchanged or deliberately skipped. */
export function exitCodeFor(counts: LedgerCounts): number {
  return counts.rejected > 0 ? 1 : 0;
}
