/** `/query` and `/queryAll`: SOQL with queryMore paging through query locators. */
import type { FieldDef } from '../../scripts/lib/sfMetadata.ts';
import { json, methodNotAllowed, type Reply, type Request } from '../http.ts';
import type { OrgRuntime } from '../org.ts';
import { SfError, malformedQuery } from '../sfError.ts';
import { compileQuery } from '../soql/compile.ts';
import { runQuery } from '../soql/execute.ts';
import type { Compiled } from '../soql/plan.ts';
import { renderRecord } from '../soql/render.ts';

const DEFAULT_BATCH = 2000;

function batchSize(request: Request): number {
  const header = request.headers['sforce-query-options'];
  const match = typeof header === 'string' ? /batchSize=(\d+)/i.exec(header) : null;
  if (!match) return DEFAULT_BATCH;
  return Math.min(Math.max(Number(match[1]), 200), DEFAULT_BATCH);
}

function page(
  org: OrgRuntime,
  request: Request,
  locator: string | undefined,
  cursor: { ids: string[]; render: (id: string) => Record<string, unknown> },
  start: number
): Reply {
  const size = batchSize(request);
  const ids = cursor.ids.slice(start, start + size);
  const end = start + ids.length;
  const done = end >= cursor.ids.length;
  let nextLocator = locator;
  if (!done && !nextLocator) {
    nextLocator = org.newCursor({
      compiledRender: cursor.render,
      ids: cursor.ids,
      created: Date.now()
    });
  }
  const body: Record<string, unknown> = {
    totalSize: cursor.ids.length,
    done,
    records: ids.map(cursor.render)
  };
  if (!done) body.nextRecordsUrl = `/services/data/v${request.version}/query/${nextLocator}-${end}`;
  return json(200, body);
}

interface ColumnMeta {
  aggregate: boolean;
  apexType: string | null;
  booleanType: boolean;
  columnName: string;
  custom: boolean;
  displayName: string;
  foreignKeyName: null;
  insertable: boolean;
  joinColumns: ColumnMeta[];
  numberType: boolean;
  textType: boolean;
  updatable: boolean;
}

function column(name: string, display: string, field?: FieldDef, aggregate = false): ColumnMeta {
  const type = field?.type;
  return {
    aggregate,
    apexType: null,
    booleanType: type === 'Checkbox',
    columnName: name,
    custom: field?.custom ?? false,
    displayName: display,
    foreignKeyName: null,
    insertable: field?.createable ?? false,
    joinColumns: [],
    numberType: type === 'Number' || type === 'Currency' || type === 'Percent',
    textType: field !== undefined && !['Checkbox', 'Number', 'Currency', 'Percent'].includes(type!),
    updatable: field?.updateable ?? false
  };
}

/** Columns nest by relationship (`Owner` → joinColumns `Owner.Name`), as `columns=true` gives them. */
function columnsOf(compiled: Compiled): ColumnMeta[] {
  const top: ColumnMeta[] = [];
  for (const c of compiled.columns) {
    if (c.kind === 'child') {
      const child = column(
        c.relationship.relationshipName,
        c.relationship.relationshipName,
        undefined,
        true
      );
      child.joinColumns = columnsOf(c.query);
      top.push(child);
      continue;
    }
    let level = top;
    const names: string[] = [];
    for (const step of c.path.lookups) {
      names.push(step.relationshipName);
      let join = level.find((m) => m.columnName === step.relationshipName);
      if (!join) level.push((join = column(step.relationshipName, names.join('.'))));
      level = join.joinColumns;
    }
    level.push(column(c.path.field.name, c.path.name, c.path.field));
  }
  return top;
}

function columnMetadata(compiled: Compiled) {
  return {
    columnMetadata: compiled.kind === 'records' ? columnsOf(compiled) : [],
    entityName: compiled.object.name,
    groupBy: compiled.kind === 'aggregate',
    idSelected: compiled.columns.some((c) => c.kind === 'field' && c.path.name === 'Id'),
    keyPrefix: compiled.object.keyPrefix
  };
}

export function query(org: OrgRuntime, request: Request, includeDeleted: boolean): Reply {
  if (request.method !== 'GET') throw methodNotAllowed(request.method, ['GET', 'HEAD']);
  const locatorPart = request.segments[1];
  if (locatorPart !== undefined) {
    const match = /^(01g[0-9a-zA-Z]+)-(\d+)$/.exec(locatorPart);
    const cursor = match ? org.cursors.get(match[1]) : undefined;
    if (!match || !cursor) throw new SfError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
    return page(
      org,
      request,
      match[1],
      { ids: cursor.ids, render: cursor.compiledRender },
      Number(match[2])
    );
  }
  const soql = request.params.get('q');
  if (soql === null || soql.trim() === '')
    throw malformedQuery('A query string has to be specified');
  const env = org.queryEnv(includeDeleted);
  const compiled = compileQuery(env, soql);
  if (request.params.get('columns') === 'true') return json(200, columnMetadata(compiled));
  const outcome = runQuery(env, compiled);
  if (outcome.kind === 'count')
    return json(200, { totalSize: outcome.totalSize, done: true, records: [] });
  if (outcome.kind === 'aggregate') {
    if (outcome.rows.length > DEFAULT_BATCH) {
      throw new SfError(
        400,
        'MALFORMED_QUERY',
        'Aggregate query does not support queryMore(), use LIMIT to restrict the results to a single batch'
      );
    }
    return json(200, { totalSize: outcome.rows.length, done: true, records: outcome.rows });
  }
  const render = (id: string) =>
    renderRecord(env, compiled, org.store.get(compiled.object.name, id)!, request.version);
  return page(org, request, undefined, { ids: outcome.ids, render }, 0);
}
