/** Bulk API 2.0 (`/jobs/ingest`, `/jobs/query`). */
import type { Reply, Request } from '../http.ts';
import type { OrgRuntime } from '../org.ts';
import { notFound } from '../sfError.ts';
import { ingest } from './bulkIngest.ts';
import { queryJobs } from './bulkQuery.ts';

export function bulk(org: OrgRuntime, request: Request): Reply {
  const [, kind, id, sub, ...rest] = request.segments;
  if (rest.length > 0) throw notFound();
  if (kind === 'ingest') return ingest(org, request, id, sub);
  if (kind === 'query') return queryJobs(org, request, id, sub);
  throw notFound();
}
