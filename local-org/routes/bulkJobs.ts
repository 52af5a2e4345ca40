/** What ingest and query jobs share: states, ids, errors. */
import { makeId } from '../ids.ts';
import type { OrgRuntime } from '../org.ts';
import { SfError } from '../sfError.ts';

export type JobState =
  'Open' | 'UploadComplete' | 'InProgress' | 'JobComplete' | 'Failed' | 'Aborted';

const counters = new WeakMap<OrgRuntime, number>();

/** Job ids look like Salesforce's (750...), numbered per running org. */
export function nextJobId(org: OrgRuntime): string {
  const n = (counters.get(org) ?? 0) + 1;
  counters.set(org, n);
  return makeId('750', n);
}

/** The jobs of one kind of one running org (in memory for the server's life). */
export function jobStore<T>(): (org: OrgRuntime) => Map<string, T> {
  const all = new WeakMap<OrgRuntime, Map<string, T>>();
  return (org) => {
    let jobs = all.get(org);
    if (!jobs) all.set(org, (jobs = new Map()));
    return jobs;
  };
}

export const invalidJob = (message: string) => new SfError(400, 'INVALIDJOB', message);
export const jobNotFound = () =>
  new SfError(404, 'NOT_FOUND', 'The requested resource does not exist');
