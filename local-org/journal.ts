/**
 * Durable state on disk: an append-only journal (one JSON line per committed write, fsynced
 * before the request is answered) plus a periodic snapshot written to a temporary file and
 * renamed into place. A kill at any moment leaves at worst a torn last journal line, which
 * loading drops; journal lines carry a sequence number so a snapshot never double-applies them.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  ftruncateSync,
  openSync,
  readSync,
  renameSync,
  statSync,
  writeSync
} from 'node:fs';
import { join } from 'node:path';

export type StoredRecord = Record<string, unknown>;

/** One committed write: full records after the change, and counters it moved. */
export interface Transaction {
  seq: number;
  puts: { object: string; record: StoredRecord }[];
  counters: Record<string, number>;
}

export interface LoadedState {
  seq: number;
  counters: Record<string, number>;
}

/** Receives each record as loading finds it; a later one with the same Id replaces the earlier. */
export type RecordSink = (object: string, record: StoredRecord) => void;

const SNAPSHOT = 'snapshot.ndjson';
const READ_CHUNK = 1 << 22;

/**
 * The lines of a file read in chunks (a snapshot of a million records is larger than the
 * biggest string V8 allows), each with the byte offset where it ends; `complete` is false for
 * a last line without its newline (a torn write).
 */
function* lines(file: string): Generator<{ line: string; end: number; complete: boolean }> {
  const fd = openSync(file, 'r');
  try {
    const chunk = Buffer.alloc(READ_CHUNK);
    let carry = Buffer.alloc(0);
    let offset = 0;
    for (;;) {
      const read = readSync(fd, chunk, 0, READ_CHUNK, null);
      if (read === 0) break;
      let data = Buffer.concat([carry, chunk.subarray(0, read)]);
      let start = 0;
      for (let nl = data.indexOf(10, start); nl !== -1; nl = data.indexOf(10, start)) {
        offset += nl - start + 1;
        if (nl > start)
          yield { line: data.toString('utf8', start, nl), end: offset, complete: true };
        start = nl + 1;
      }
      data = data.subarray(start);
      carry = Buffer.from(data);
    }
    if (carry.length > 0)
      yield { line: carry.toString('utf8'), end: offset + carry.length, complete: false };
  } finally {
    closeSync(fd);
  }
}
const JOURNAL = 'journal.ndjson';

export class Journal {
  private fd: number;
  private readonly dir: string;
  linesSinceSnapshot = 0;

  private constructor(dir: string, fd: number) {
    this.dir = dir;
    this.fd = fd;
  }

  /** Reads the snapshot and replays the journal; repairs a torn tail. */
  static open(dir: string, sink: RecordSink): { journal: Journal; state: LoadedState } {
    const state: LoadedState = { seq: 0, counters: {} };
    const snapshotFile = join(dir, SNAPSHOT);
    if (existsSync(snapshotFile)) {
      let first = true;
      for (const { line } of lines(snapshotFile)) {
        if (first) {
          const header = JSON.parse(line) as { seq: number; counters: Record<string, number> };
          state.seq = header.seq;
          state.counters = header.counters;
          first = false;
          continue;
        }
        const entry = JSON.parse(line) as { o: string; r: StoredRecord };
        sink(entry.o, entry.r);
      }
    }
    const journalFile = join(dir, JOURNAL);
    let replayed = 0;
    if (existsSync(journalFile)) {
      let goodEnd = 0;
      for (const { line, end, complete } of lines(journalFile)) {
        let tx: Transaction;
        try {
          if (!complete) break;
          tx = JSON.parse(line) as Transaction;
        } catch {
          break;
        }
        goodEnd = end;
        replayed++;
        if (tx.seq <= state.seq) continue;
        state.seq = tx.seq;
        Object.assign(state.counters, tx.counters);
        for (const put of tx.puts) sink(put.object, put.record);
      }
      if (goodEnd < statSync(journalFile).size) {
        const fd = openSync(journalFile, 'r+');
        ftruncateSync(fd, goodEnd);
        fsyncSync(fd);
        closeSync(fd);
      }
    }
    const journal = new Journal(dir, openSync(journalFile, 'a', 0o600));
    journal.linesSinceSnapshot = replayed;
    return { journal, state };
  }

  append(tx: Transaction): void {
    writeSync(this.fd, `${JSON.stringify(tx)}\n`);
    fsyncSync(this.fd);
    this.linesSinceSnapshot++;
  }

  /** Writes the whole state atomically, then empties the journal. */
  snapshot(
    seq: number,
    counters: Record<string, number>,
    records: Iterable<{ object: string; record: StoredRecord }>
  ): void {
    const temp = join(this.dir, `${SNAPSHOT}.tmp`);
    const fd = openSync(temp, 'w', 0o600);
    writeSync(fd, `${JSON.stringify({ seq, counters })}\n`);
    let buffer = '';
    for (const { object, record } of records) {
      buffer += `${JSON.stringify({ o: object, r: record })}\n`;
      if (buffer.length > 1 << 20) {
        writeSync(fd, buffer);
        buffer = '';
      }
    }
    writeSync(fd, buffer);
    fsyncSync(fd);
    closeSync(fd);
    renameSync(temp, join(this.dir, SNAPSHOT));
    const dirFd = openSync(this.dir, 'r');
    fsyncSync(dirFd);
    closeSync(dirFd);
    ftruncateSync(this.fd, 0);
    fsyncSync(this.fd);
    this.linesSinceSnapshot = 0;
  }

  close(): void {
    closeSync(this.fd);
  }
}
