/**
 * Reads from the org: every page of a query (queryMore until done, no 10k cap), and the records
 * whose key is one of many values, in IN-list chunks so each query stays selective and short.
 */
import { withRetry, type RetryOptions } from '../retry.ts';
import { inChunks, selectQuery, soqlIn, soqlName } from '../soql.ts';
import type { OrgClient } from './orgClient.ts';

export type SObjectRow = Record<string, unknown> & { Id: string };

/** Every record of `soql`, page by page; each page read is retried on transient failures. */
export async function queryAll<T>(
  client: OrgClient,
  soql: string,
  retry: RetryOptions = {}
): Promise<T[]> {
  let page = await withRetry(() => client.query<T>(soql), { kind: 'read' }, retry);
  const records = [...page.records];
  while (!page.done && page.nextRecordsUrl) {
    const next = page.nextRecordsUrl;
    page = await withRetry(() => client.queryMore<T>(next), { kind: 'read' }, retry);
    records.push(...page.records);
  }
  return records;
}

/**
 * The records of `object` whose `keyField` is one of `keys` (blank keys ignored), plus any
 * extra condition. An empty key list makes no call at all.
 */
export async function queryByKeys<T>(
  client: OrgClient,
  object: string,
  fields: readonly string[],
  keyField: string,
  keys: Iterable<string>,
  options: { where?: string; retry?: RetryOptions } = {}
): Promise<T[]> {
  const distinct = [...new Set([...keys].filter((k) => k !== ''))];
  const rows: T[] = [];
  for (const chunk of inChunks(distinct)) {
    const where = [`${soqlName(keyField)} IN ${soqlIn(chunk)}`];
    if (options.where) where.push(options.where);
    rows.push(
      ...(await queryAll<T>(client, selectQuery(object, fields, { where }), options.retry))
    );
  }
  return rows;
}
