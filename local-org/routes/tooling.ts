/**
 * The Tooling API, only as far as the Salesforce CLI reaches into it: `tooling/query` on
 * `SandboxProcess`, which it asks a production org for its sandboxes. This org has none.
 */
import { json, methodNotAllowed, type Reply, type Request } from '../http.ts';
import { malformedQuery, notFound, unsupportedType } from '../sfError.ts';
import { parseSoql } from '../soql/compile.ts';

export function tooling(request: Request): Reply {
  if (request.segments[1] !== 'query' || request.segments.length > 2) throw notFound();
  if (request.method !== 'GET') throw methodNotAllowed(request.method, ['GET', 'HEAD']);
  const soql = request.params.get('q');
  if (soql === null || soql.trim() === '')
    throw malformedQuery('A query string has to be specified');
  const { sObject } = parseSoql(soql);
  if (!sObject) throw malformedQuery('a query needs FROM and an object');
  if (sObject.toLowerCase() !== 'sandboxprocess') throw unsupportedType(sObject);
  return json(200, {
    size: 0,
    totalSize: 0,
    done: true,
    queryLocator: null,
    entityTypeName: 'SandboxProcess',
    records: []
  });
}
