/** A fake org client: only the calls a test provides exist; any other call throws. */
import type { OrgClient } from '../../scripts/lib/sync/orgClient.ts';

export type FakeClient = OrgClient & { calls: string[] };

export function fakeClient(handlers: Partial<OrgClient>): FakeClient {
  const calls: string[] = [];
  const names: Array<keyof OrgClient> = [
    'query',
    'queryMore',
    'upsertCollection',
    'updateCollection',
    'bulkUpsert',
    'getText'
  ];
  const client = { calls } as unknown as FakeClient;
  for (const name of names) {
    (client as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
      calls.push(name);
      const handler = handlers[name] as ((...a: unknown[]) => unknown) | undefined;
      if (!handler)
        throw new Error(`unexpected call: ${name}(${JSON.stringify(args).slice(0, 200)})`);
      return handler(...args);
    };
  }
  return client;
}

/** A one-page query answer. */
export const page = <T>(records: T[]) => ({ totalSize: records.length, done: true, records });
