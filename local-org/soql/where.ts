/**
 * WHERE clauses. The parser's condition chain is flattened back into tokens (its nesting does not
 * follow SOQL precedence) and parsed again: NOT binds to the next term, AND and OR may not mix
 * without parentheses. Top-level AND conditions on indexed fields give candidate ids.
 */
import type { Query, WhereClause } from '@jetstreamapp/soql-parser-js';
import type { ObjectDef } from '../../scripts/lib/sfMetadata.ts';
import { isReference } from '../orgSchema.ts';
import { SfError, malformedQuery } from '../sfError.ts';
import type { SfRecord } from '../store.ts';
import { readPath, resolvePath, type FieldPath } from './fieldPath.ts';
import { comparable, likePattern, operand, unquote, type Operand } from './literals.ts';
import type { Predicate, QueryEnv } from './plan.ts';

/** Compiles a semi-join's inner query; the values it selects are read lazily, once. */
export type SubqueryValues = (inner: Query) => () => Set<unknown>;

type Token = '(' | ')' | 'AND' | 'OR' | 'NOT' | { condition: Record<string, unknown> };

function tokenize(where: WhereClause | undefined, out: Token[]) {
  if (!where) return;
  const left = where.left as Record<string, unknown> | null;
  if (left) {
    const open = (left.openParen as number | undefined) ?? 0;
    for (let i = 0; i < open; i++) out.push('(');
    if ('field' in left || 'fn' in left) out.push({ condition: left });
    const close = (left.closeParen as number | undefined) ?? 0;
    for (let i = 0; i < close; i++) out.push(')');
  }
  if ('operator' in where && where.operator) {
    out.push(where.operator);
    tokenize((where as { right?: WhereClause }).right, out);
  }
}

interface Filter {
  predicate: Predicate;
  /** For index use: a direct field compared for equality with these point values. */
  equality?: { path: FieldPath; values: (string | number | boolean)[] };
}

export function compileWhere(
  env: QueryEnv,
  object: ObjectDef,
  where: WhereClause,
  subquery: SubqueryValues
) {
  const tokens: Token[] = [];
  tokenize(where, tokens);
  let pos = 0;
  const conjuncts: Filter[] = [];

  const term = (): Filter => {
    const token = tokens[pos++];
    if (token === 'NOT') {
      const inner = term();
      return { predicate: (r) => !inner.predicate(r) };
    }
    if (token === '(') {
      const inner = expression(false);
      if (tokens[pos++] !== ')') throw malformedQuery('unbalanced parentheses in WHERE');
      return inner;
    }
    if (token === undefined || typeof token === 'string')
      throw malformedQuery(`unexpected token: ${String(token ?? 'end of query')}`);
    return compileCondition(env, object, token.condition, subquery);
  };

  const expression = (top: boolean): Filter => {
    const parts = [term()];
    let operator: 'AND' | 'OR' | undefined;
    while (tokens[pos] === 'AND' || tokens[pos] === 'OR') {
      const next = tokens[pos++] as 'AND' | 'OR';
      if (operator && operator !== next)
        throw malformedQuery(`unexpected token: ${next} (use parentheses to mix AND and OR)`);
      operator = next;
      parts.push(term());
    }
    if (top && operator !== 'OR') conjuncts.push(...parts);
    if (parts.length === 1) return parts[0];
    const predicates = parts.map((p) => p.predicate);
    return {
      predicate:
        operator === 'AND'
          ? (r) => predicates.every((p) => p(r))
          : (r) => predicates.some((p) => p(r))
    };
  };

  const root = expression(true);
  if (pos !== tokens.length) throw malformedQuery(`unexpected token: ${String(tokens[pos])}`);
  return { predicate: root.predicate, candidates: indexCandidates(env, object, conjuncts) };
}

/** The smallest candidate set an index gives among the top-level AND conditions. */
function indexCandidates(env: QueryEnv, object: ObjectDef, conjuncts: Filter[]) {
  const usable = conjuncts
    .map((c) => c.equality)
    .filter((e): e is NonNullable<Filter['equality']> => {
      if (!e || e.path.lookups.length > 0) return false;
      return e.path.field.name === 'Id' || env.store.isIndexed(object.name, e.path.field);
    });
  if (usable.length === 0) return undefined;
  return (run: QueryEnv) => {
    let best: Set<string> | undefined;
    for (const { path, values } of usable) {
      const ids = new Set<string>();
      for (const value of values) {
        if (path.field.name === 'Id') ids.add(String(value));
        else if (isReference(path.field))
          for (const id of run.store.children(object.name, path.field.name, String(value)))
            ids.add(id);
        else for (const id of run.store.byKey(object.name, path.field, value, true)) ids.add(id);
      }
      if (!best || ids.size < best.size) best = ids;
    }
    return best!;
  };
}

function compileCondition(
  env: QueryEnv,
  object: ObjectDef,
  condition: Record<string, unknown>,
  subquery: SubqueryValues
): Filter {
  if ('fn' in condition)
    throw malformedQuery('functions in WHERE are not supported by the local org');
  const path = resolvePath(env.schema, object, condition.field as string);
  const field = path.field;
  const op = condition.operator as string;
  if (field.type === 'LongTextArea') {
    throw new SfError(
      400,
      'INVALID_FIELD',
      `field '${field.name}' can not be filtered in a query call`
    );
  }
  const read = (record: SfRecord) => comparable(field, readPath(env.store, path, record));

  if ('valueQuery' in condition)
    return semiJoin(env, path, op, condition.valueQuery as Query, subquery);

  const rawValues = condition.value as string | string[];
  const types = condition.literalType as string | string[] | undefined;
  const list = Array.isArray(rawValues) ? rawValues : [rawValues];
  const typeList = Array.isArray(types) ? types : list.map(() => types ?? 'STRING');
  const variables = condition.dateLiteralVariable as number | number[] | undefined;
  const isList = op === 'IN' || op === 'NOT IN' || op === 'INCLUDES' || op === 'EXCLUDES';
  if (isList !== Array.isArray(rawValues))
    throw malformedQuery(`unexpected value for ${op}: ${String(rawValues)}`);

  if (op === 'LIKE') {
    if (
      !['Text', 'TextArea', 'Email', 'Url', 'Phone', 'Picklist', 'AutoNumber'].includes(field.type)
    ) {
      throw new SfError(
        400,
        'INVALID_FIELD',
        `invalid operator on ${field.type === 'Id' ? 'id' : field.type.toLowerCase()} field: LIKE`
      );
    }
    if (typeList[0] !== 'STRING') throw malformedQuery('LIKE needs a quoted string');
    const pattern = likePattern(list[0]);
    return {
      predicate: (r) => {
        const v = readPath(env.store, path, r);
        return v !== null && pattern.test(String(v));
      }
    };
  }

  if (op === 'INCLUDES' || op === 'EXCLUDES') {
    if (field.type !== 'MultiselectPicklist') {
      throw new SfError(
        400,
        'INVALID_FIELD',
        `invalid operator on ${field.type.toLowerCase()} field: ${op}`
      );
    }
    const groups = list.map((raw) =>
      unquote(raw)
        .toLowerCase()
        .split(';')
        .map((v) => v.trim())
    );
    const includes = (r: SfRecord) => {
      const v = read(r);
      if (v === null) return false;
      const chosen = new Set(String(v).split(';'));
      return groups.some((group) => group.every((value) => chosen.has(value)));
    };
    return { predicate: op === 'INCLUDES' ? includes : (r) => read(r) !== null && !includes(r) };
  }

  const operands: Operand[] = list.map((raw, i) =>
    operand(field, typeList[i], raw, Array.isArray(variables) ? variables[i] : variables, env.now)
  );
  if (field.type === 'MultiselectPicklist') {
    for (const o of operands) {
      if (o.kind === 'value')
        o.value = String(o.value)
          .split(';')
          .map((v) => v.trim())
          .sort()
          .join(';');
    }
  }
  const readMulti =
    field.type === 'MultiselectPicklist'
      ? (r: SfRecord) => {
          const v = read(r);
          return v === null ? null : String(v).split(';').sort().join(';');
        }
      : read;
  const points = operands
    .filter((o): o is Extract<Operand, { kind: 'value' }> => o.kind === 'value')
    .map((o) => o.value);
  const allPoints = points.length === operands.length;

  if (op === 'IN' || op === 'NOT IN') {
    const matchesAny = (r: SfRecord) => {
      const v = readMulti(r);
      return operands.some((o) => compare('=', v, o));
    };
    if (op === 'IN')
      return { predicate: matchesAny, equality: allPoints ? { path, values: points } : undefined };
    return { predicate: (r) => !matchesAny(r) };
  }
  if (!['=', '!=', '<', '<=', '>', '>='].includes(op))
    throw malformedQuery(`unexpected operator: ${op}`);
  if (op !== '=' && op !== '!=' && field.type === 'MultiselectPicklist') {
    throw new SfError(400, 'INVALID_FIELD', `invalid operator on multipicklist field: ${op}`);
  }
  const only = operands[0];
  return {
    predicate: (r) => compare(op, readMulti(r), only),
    equality: op === '=' && only.kind === 'value' ? { path, values: [only.value] } : undefined
  };
}

function compare(op: string, value: unknown, o: Operand): boolean {
  if (o.kind === 'null') return op === '=' ? value === null : op === '!=' ? value !== null : false;
  if (value === null) return op === '!=';
  if (o.kind === 'range') {
    const v = value as number;
    switch (op) {
      case '=':
        return v >= o.start && v < o.end;
      case '!=':
        return !(v >= o.start && v < o.end);
      case '<':
        return v < o.start;
      case '<=':
        return v < o.end;
      case '>':
        return v >= o.end;
      default:
        return v >= o.start;
    }
  }
  const a = value as string | number | boolean;
  const b = o.value;
  switch (op) {
    case '=':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    default:
      return a >= b;
  }
}

function semiJoin(
  env: QueryEnv,
  path: FieldPath,
  op: string,
  inner: Query,
  subquery: SubqueryValues
): Filter {
  if (op !== 'IN' && op !== 'NOT IN')
    throw malformedQuery(`a subquery needs IN or NOT IN, not ${op}`);
  if (!isReference(path.field)) {
    throw new SfError(
      400,
      'INVALID_FIELD',
      `Semi join sub-selects are only allowed on id or reference fields: ${path.field.name}`
    );
  }
  const load = subquery(inner);
  const member = (r: SfRecord) => {
    const v = readPath(env.store, path, r);
    return v !== null && load().has(v);
  };
  return { predicate: op === 'IN' ? member : (r) => !member(r) };
}
