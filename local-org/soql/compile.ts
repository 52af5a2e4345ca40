/**
 * SOQL compilation, strictly. `@jetstreamapp/soql-parser-js` parses, leniently; everything here
 * checks the parse against the schema and refuses, in Salesforce's words, what Salesforce would
 * refuse or what the local org does not support. Filters on Id, external ids and lookups are
 * answered from indexes, so a selective query does not scan the table.
 */
import {
  parseQuery,
  type FieldType as ParsedField,
  type GroupByClause,
  type OrderByClause,
  type Query,
  type Subquery
} from '@jetstreamapp/soql-parser-js';
import type { ObjectDef } from '../../scripts/lib/sfMetadata.ts';
import { isNumeric, isReference } from '../orgSchema.ts';
import { SfError, malformedQuery, unsupportedType } from '../sfError.ts';
import { runIds } from './execute.ts';
import { readPath, resolvePath } from './fieldPath.ts';
import { comparable } from './literals.ts';
import type { Compiled, OrderKey, QueryEnv } from './plan.ts';
import { compileWhere } from './where.ts';

/** The parsed query; a syntax error is MALFORMED_QUERY, as Salesforce reports it. */
export function parseSoql(soql: string): Query {
  try {
    return parseQuery(soql);
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw malformedQuery(`unexpected token in query: ${message}`);
  }
}

export function compileQuery(env: QueryEnv, soql: string): Compiled {
  const query = parseSoql(soql);
  if (!query.sObject) throw malformedQuery('a query needs FROM and an object');
  const object = env.schema.object(query.sObject);
  if (!object) throw unsupportedType(query.sObject);

  return compileSelect(env, object, query, false);
}

function refuseUnsupported(query: Query | Subquery) {
  if (query.sObjectAlias) throw malformedQuery('object aliases are not supported by the local org');
  if (query.usingScope) throw malformedQuery('USING SCOPE is not supported by the local org');
  if (query.withDataCategory)
    throw malformedQuery('WITH DATA CATEGORY is not supported by the local org');
  if (query.for || query.update)
    throw malformedQuery('FOR and UPDATE clauses are not supported in this call');
  if (query.having) throw malformedQuery('HAVING is not supported by the local org');
}

function compileSelect(
  env: QueryEnv,
  object: ObjectDef,
  query: Query | Subquery,
  isChild: boolean
): Compiled {
  refuseUnsupported(query);
  const fields = query.fields ?? [];
  if (fields.length === 0) throw malformedQuery('unexpected token: FROM');
  const compiled: Compiled = {
    object,
    kind: 'records',
    columns: [],
    order: [],
    groups: [],
    aggregates: [],
    aggregateOrder: []
  };
  const groupBy: GroupByClause[] = query.groupBy
    ? Array.isArray(query.groupBy)
      ? query.groupBy
      : [query.groupBy]
    : [];
  const isAggregate =
    groupBy.length > 0 || fields.some((f) => f.type === 'FieldFunctionExpression');
  if (isAggregate) compileAggregate(env, object, fields, groupBy, compiled, isChild);
  else compileColumns(env, object, fields, compiled, isChild);
  if (query.where) {
    const { predicate, candidates } = compileWhere(env, object, query.where, (inner) =>
      semiJoinValues(env, inner)
    );
    compiled.where = predicate;
    compiled.candidates = candidates;
  }
  const orderBy: OrderByClause[] = query.orderBy
    ? Array.isArray(query.orderBy)
      ? query.orderBy
      : [query.orderBy]
    : [];
  if (compiled.kind === 'aggregate') compileAggregateOrder(env, object, orderBy, compiled);
  else if (compiled.kind === 'records')
    compiled.order = orderBy.map((clause) => compileOrder(env, object, clause));
  else if (orderBy.length > 0) throw malformedQuery('ORDER BY is not allowed with COUNT()');
  compiled.limit = query.limit;
  compiled.offset = query.offset;
  if (compiled.offset !== undefined && compiled.offset > 2000) {
    throw new SfError(400, 'NUMBER_OUTSIDE_VALID_RANGE', 'Maximum SOQL offset allowed is 2000');
  }
  if (compiled.offset !== undefined && isChild)
    throw malformedQuery('OFFSET is not allowed in a subquery');
  return compiled;
}

function compileColumns(
  env: QueryEnv,
  object: ObjectDef,
  fields: ParsedField[],
  compiled: Compiled,
  isChild: boolean
) {
  const seen = new Set<string>();
  for (const field of fields) {
    if (field.type === 'Field' || field.type === 'FieldRelationship') {
      if ('alias' in field && field.alias)
        throw malformedQuery('only aggregate expressions use field aliasing');
      if ('objectPrefix' in field)
        throw malformedQuery('object aliases are not supported by the local org');
      const dotted =
        field.type === 'Field' ? field.field : [...field.relationships, field.field].join('.');
      const path = resolvePath(env.schema, object, dotted);
      const key = path.name.toLowerCase();
      if (seen.has(key)) throw malformedQuery(`duplicate field selected: ${path.name}`);
      seen.add(key);
      compiled.columns.push({ kind: 'field', path });
    } else if (field.type === 'FieldSubquery') {
      if (isChild)
        throw malformedQuery(
          'nested subqueries are not supported: only one level of child relationship'
        );
      const sub = field.subquery;
      if (sub.sObjectPrefix && sub.sObjectPrefix.length > 0)
        throw malformedQuery('object aliases are not supported by the local org');
      const relationship = env.schema.childRelationship(object, sub.relationshipName);
      if (!relationship) {
        throw new SfError(
          400,
          'INVALID_TYPE',
          `Didn't understand relationship '${sub.relationshipName}' in FROM part of query call. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`
        );
      }
      const child = env.schema.object(relationship.childObject)!;
      const childQuery = compileSelect(env, child, sub, true);
      if (childQuery.kind !== 'records')
        throw malformedQuery('aggregate functions are not allowed in a subquery');
      compiled.columns.push({ kind: 'child', relationship, query: childQuery });
    } else if (field.type === 'FieldTypeof') {
      throw malformedQuery('TYPEOF is not supported by the local org');
    } else {
      throw malformedQuery(
        `the function ${field.functionName ?? ''} is not supported by the local org`
      );
    }
  }
}

const AGGREGATE_FUNCTIONS = new Set(['COUNT', 'COUNT_DISTINCT', 'SUM', 'AVG', 'MIN', 'MAX']);

function compileAggregate(
  env: QueryEnv,
  object: ObjectDef,
  fields: ParsedField[],
  groupBy: GroupByClause[],
  compiled: Compiled,
  isChild: boolean
) {
  if (isChild) throw malformedQuery('aggregate functions are not allowed in a subquery');
  for (const group of groupBy) {
    if (!('field' in group))
      throw malformedQuery('GROUP BY functions are not supported by the local org');
    const path = resolvePath(env.schema, object, group.field);
    if (path.field.type === 'LongTextArea' || path.field.type === 'MultiselectPicklist') {
      throw new SfError(
        400,
        'INVALID_FIELD',
        `field '${path.field.name}' can not be grouped in a query call`
      );
    }
    compiled.groups.push(path);
  }
  const only = fields[0];
  if (
    fields.length === 1 &&
    groupBy.length === 0 &&
    only.type === 'FieldFunctionExpression' &&
    only.functionName?.toUpperCase() === 'COUNT' &&
    only.parameters.length === 0
  ) {
    compiled.kind = 'count';
    return;
  }
  compiled.kind = 'aggregate';
  let unnamed = 0;
  for (const field of fields) {
    if (field.type === 'Field' || field.type === 'FieldRelationship') {
      const dotted =
        field.type === 'Field' ? field.field : [...field.relationships, field.field].join('.');
      const path = resolvePath(env.schema, object, dotted);
      if (!compiled.groups.some((g) => g.name === path.name)) {
        throw malformedQuery(`Field must be grouped or aggregated: ${path.field.name}`);
      }
      continue;
    }
    if (field.type !== 'FieldFunctionExpression')
      throw malformedQuery('only fields and aggregate functions are allowed with GROUP BY');
    const fn = (field.functionName ?? '').toUpperCase();
    if (!AGGREGATE_FUNCTIONS.has(fn))
      throw malformedQuery(`the function ${fn} is not supported by the local org`);
    if (fn === 'COUNT' && field.parameters.length === 0) {
      throw malformedQuery('COUNT() must be the only element in the SELECT list');
    }
    if (field.parameters.length !== 1 || typeof field.parameters[0] !== 'string') {
      throw malformedQuery(`${fn} takes exactly one field`);
    }
    const path = resolvePath(env.schema, object, field.parameters[0]);
    if ((fn === 'SUM' || fn === 'AVG') && !isNumeric(path.field)) {
      throw new SfError(
        400,
        'INVALID_FIELD',
        `field ${path.field.name} does not support aggregate operator ${fn}`
      );
    }
    const alias = field.alias ?? `expr${unnamed++}`;
    compiled.aggregates.push({ fn, path, alias, raw: `${fn}(${path.name})`.toLowerCase() });
  }
}

function compileOrder(env: QueryEnv, object: ObjectDef, clause: OrderByClause): OrderKey {
  if (!('field' in clause))
    throw malformedQuery('ORDER BY functions are only allowed in aggregate queries');
  const path = resolvePath(env.schema, object, clause.field);
  if (path.field.type === 'LongTextArea' || path.field.type === 'MultiselectPicklist') {
    throw new SfError(
      400,
      'INVALID_FIELD',
      `field '${path.field.name}' can not be sorted in a query call`
    );
  }
  const descending = clause.order === 'DESC';
  const nullsFirst = clause.nulls ? clause.nulls === 'FIRST' : !descending;
  return {
    read: (record) => comparable(path.field, readPath(env.store, path, record)),
    descending,
    nullsFirst
  };
}

function compileAggregateOrder(
  env: QueryEnv,
  object: ObjectDef,
  orderBy: OrderByClause[],
  compiled: Compiled
) {
  for (const clause of orderBy) {
    const descending = clause.order === 'DESC';
    const nullsFirst = clause.nulls ? clause.nulls === 'FIRST' : !descending;
    if ('field' in clause) {
      const path = resolvePath(env.schema, object, clause.field);
      const group = compiled.groups.find((g) => g.name === path.name);
      if (!group)
        throw malformedQuery(`Ordered field must be grouped or aggregated: ${path.field.name}`);
      compiled.aggregateOrder.push({ key: group.field.name, descending, nullsFirst });
    } else {
      const fn = (clause.fn.functionName ?? '').toUpperCase();
      const param = clause.fn.parameters?.[0];
      const raw =
        `${fn}(${typeof param === 'string' ? resolvePath(env.schema, object, param).name : ''})`.toLowerCase();
      const aggregate = compiled.aggregates.find((a) => a.raw === raw);
      if (!aggregate)
        throw malformedQuery(`ORDER BY ${raw} must also be selected in the local org`);
      compiled.aggregateOrder.push({ key: aggregate.alias, descending, nullsFirst });
    }
  }
}

/** A semi-join's inner SELECT: one id or reference field; its values are read once, lazily. */
function semiJoinValues(env: QueryEnv, inner: Query): () => Set<unknown> {
  const innerObject = inner.sObject ? env.schema.object(inner.sObject) : undefined;
  if (!innerObject) {
    throw new SfError(
      400,
      'INVALID_TYPE',
      `sObject type '${inner.sObject ?? ''}' is not supported.`
    );
  }
  const compiled = compileSelect(env, innerObject, inner, true);
  const column = compiled.columns[0];
  if (
    compiled.kind !== 'records' ||
    compiled.columns.length !== 1 ||
    column.kind !== 'field' ||
    !isReference(column.path.field)
  ) {
    throw malformedQuery('a semi-join subquery selects exactly one id or reference field');
  }
  let values: Set<unknown> | undefined;
  return () => {
    if (!values) {
      values = new Set();
      for (const id of runIds({ ...env, includeDeleted: false }, compiled)) {
        const value = readPath(env.store, column.path, env.store.get(innerObject.name, id)!);
        if (value !== null) values.add(value);
      }
    }
    return values;
  };
}
