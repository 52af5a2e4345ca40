/**
 * The few org operations the sync commands need, as one small interface: services depend on it
 * (so unit tests fake it with an object that throws on any unexpected call) and `jsforceClient`
 * implements it over a jsforce Connection with raw REST calls, which sidesteps jsforce's
 * traps (TOOLCHAIN.md): `query` paging is explicit (no autoFetch / 10k maxFetch cap), collection
 * calls never exceed 200 records, and upserts use the array form (ids are never put in a URL).
 */
import type { Connection } from '@jsforce/jsforce-node';
import type { RecordResult } from '../retry.ts';

export type SObjectRecord = Record<string, unknown> & { attributes?: { type: string } };

export interface QueryPage<T> {
  totalSize: number;
  done: boolean;
  nextRecordsUrl?: string;
  records: T[];
}

/** Salesforce's sObject collections limit. */
export const COLLECTION_LIMIT = 200;

export interface OrgClient {
  /** The first page of a SOQL query. */
  query<T>(soql: string): Promise<QueryPage<T>>;
  /** The next page, from the previous page's `nextRecordsUrl`. */
  queryMore<T>(nextRecordsUrl: string): Promise<QueryPage<T>>;
  /** Upsert ≤ 200 records of one object by an external id field, allOrNone false. */
  upsertCollection(
    object: string,
    externalIdField: string,
    records: SObjectRecord[]
  ): Promise<RecordResult[]>;
  /** Update ≤ 200 records by Id, allOrNone false. */
  updateCollection(object: string, records: SObjectRecord[]): Promise<RecordResult[]>;
  /** Bulk API 2.0 upsert: one job; results in input order. */
  bulkUpsert(
    object: string,
    externalIdField: string,
    records: SObjectRecord[]
  ): Promise<RecordResult[]>;
  /** A REST resource's body as text (e.g. a static resource's Body URL). */
  getText(path: string): Promise<string>;
}

const withType = (object: string, records: SObjectRecord[]) =>
  records.map((record) => ({ ...record, attributes: { type: object } }));

function checkSize(records: readonly unknown[]): void {
  if (records.length > COLLECTION_LIMIT) {
    throw new RangeError(
      `an sObject collection call takes at most ${COLLECTION_LIMIT} records, got ${records.length}`
    );
  }
}

/** Bulk results come back unordered and keyed by the fields sent; put them in input order. */
export function bulkResultsInOrder(
  records: readonly SObjectRecord[],
  keyField: string,
  successful: ReadonlyArray<Record<string, unknown>>,
  failed: ReadonlyArray<Record<string, unknown>>
): RecordResult[] {
  const byKey = new Map<string, RecordResult>();
  for (const row of successful) {
    byKey.set(String(row[keyField]), {
      id: String(row.sf__Id),
      success: true,
      created: row.sf__Created === 'true',
      errors: []
    });
  }
  for (const row of failed) {
    const text = String(row.sf__Error ?? '');
    const [statusCode, ...rest] = text.split(':');
    byKey.set(String(row[keyField]), {
      success: false,
      errors: [
        {
          statusCode: statusCode.trim() || 'UNKNOWN',
          message: rest.join(':').trim() || text,
          fields: []
        }
      ]
    });
  }
  return records.map(
    (record) =>
      byKey.get(String(record[keyField])) ?? {
        success: false,
        errors: [
          {
            statusCode: 'NOT_PROCESSED',
            message: 'Bulk API did not process this record',
            fields: []
          }
        ]
      }
  );
}

export function jsforceClient(conn: Connection): OrgClient {
  const base = () => `/services/data/v${conn.version}`;
  return {
    query: async <T>(soql: string) =>
      (await conn.request<QueryPage<T>>(
        `${base()}/query?q=${encodeURIComponent(soql)}`
      )) as QueryPage<T>,
    queryMore: async <T>(nextRecordsUrl: string) =>
      (await conn.request<QueryPage<T>>(nextRecordsUrl)) as QueryPage<T>,
    upsertCollection: async (object, externalIdField, records) => {
      checkSize(records);
      return (await conn.requestPatch<RecordResult[]>(
        `${base()}/composite/sobjects/${encodeURIComponent(object)}/${encodeURIComponent(externalIdField)}`,
        { allOrNone: false, records: withType(object, records) }
      )) as RecordResult[];
    },
    updateCollection: async (object, records) => {
      checkSize(records);
      return (await conn.requestPatch<RecordResult[]>(`${base()}/composite/sobjects`, {
        allOrNone: false,
        records: withType(object, records)
      })) as RecordResult[];
    },
    bulkUpsert: async (object, externalIdField, records) => {
      const results = await conn.bulk2.loadAndWaitForResults({
        object,
        operation: 'upsert',
        externalIdFieldName: externalIdField,
        // In Bulk API CSV an empty cell means "leave as is"; #N/A sets the field to null.
        input: records.map(({ attributes: _attributes, ...fields }) =>
          Object.fromEntries(
            Object.entries(fields).map(([name, value]) => [name, value === null ? '#N/A' : value])
          )
        ),
        pollTimeout: 30 * 60_000
      });
      return bulkResultsInOrder(
        records,
        externalIdField,
        results.successfulResults,
        results.failedResults
      );
    },
    getText: async (path) => {
      const body = await conn.request<unknown>({ method: 'GET', url: path });
      return typeof body === 'string' ? body : JSON.stringify(body);
    }
  };
}
