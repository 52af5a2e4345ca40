/**
 * The state of one running local org: schema, records, identity, sessions, API usage, query
 * cursors and bulk jobs. Route modules read and change it; server.ts puts HTTP in front.
 */
import { randomBytes } from 'node:crypto';
import { Faults } from './faults.ts';
import type { OrgSchema } from './orgSchema.ts';
import type { WriteContext } from './records.ts';
import type { QueryEnv } from './soql/plan.ts';
import type { Store } from './store.ts';

/** API versions the org answers (Summer '14 .. Winter '27). */
export const VERSIONS = Array.from({ length: 68 - 31 + 1 }, (_, i) => `${31 + i}.0`);

export interface QueryCursor {
  compiledRender: (id: string) => Record<string, unknown>;
  ids: string[];
  created: number;
}

export class OrgRuntime {
  readonly schema: OrgSchema;
  readonly store: Store;
  readonly orgId: string;
  readonly userId: string;
  readonly faults: Faults;
  /** session id → the user it acts as */
  readonly sessions = new Map<string, string>();
  readonly cursors = new Map<string, QueryCursor>();
  instanceUrl = '';
  apiCalls = 0;
  readonly apiLimit: number;

  constructor(options: {
    schema: OrgSchema;
    store: Store;
    orgId: string;
    userId: string;
    faults: Faults;
    apiLimit: number;
  }) {
    this.schema = options.schema;
    this.store = options.store;
    this.orgId = options.orgId;
    this.userId = options.userId;
    this.faults = options.faults;
    this.apiLimit = options.apiLimit;
  }

  /** A session id shaped like Salesforce's: the 15-character org id, `!`, then opaque text. */
  newSession(userId: string = this.userId): string {
    const opaque = randomBytes(72).toString('base64').replace(/[+/=]/g, '.');
    const token = `${this.orgId.slice(0, 15)}!${opaque}`;
    this.sessions.set(token, userId);
    return token;
  }

  writeContext(userId: string = this.userId): WriteContext {
    return { store: this.store, schema: this.schema, userId };
  }

  queryEnv(includeDeleted: boolean): QueryEnv {
    return { store: this.store, schema: this.schema, now: Date.now(), includeDeleted };
  }

  /** Cursor ids look like Salesforce's query locators (01g...). */
  newCursor(cursor: QueryCursor): string {
    const id = `01g${randomBytes(8).toString('hex').slice(0, 15)}`;
    this.cursors.set(id, cursor);
    const expired = Date.now() - 15 * 60_000;
    for (const [key, value] of this.cursors) {
      if (value.created < expired || this.cursors.size > 50) this.cursors.delete(key);
      else break;
    }
    return id;
  }
}
