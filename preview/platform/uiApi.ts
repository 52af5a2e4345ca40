/**
 * The one HTTP client of the preview's Lightning Data Service stand-ins: it calls the org's UI
 * API through the preview server (which adds the user's session server-side) and turns failures
 * into the error shape LDS gives components: `{ status, statusText, ok: false, body }`.
 * It also keeps the live wires, so a write re-provisions what shows the written record, as LDS's
 * cache does.
 */
export const API_VERSION = '62.0';

export interface LdsError {
  status: number;
  statusText: string;
  ok: false;
  body: unknown;
}

function ldsError(status: number, statusText: string, body: unknown): LdsError {
  return { status, statusText, ok: false, body };
}

export async function uiApi<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/services/data/v${API_VERSION}/ui-api/${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body)
    });
  } catch (error) {
    throw ldsError(0, 'Network error', {
      message: `The org could not be reached: ${String(error)}`
    });
  }
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = { message: text };
  }
  if (!response.ok) throw ldsError(response.status, response.statusText, parsed);
  return parsed as T;
}

/** A schema import, or `Object.Field` as a string. */
export type FieldId = { objectApiName: string; fieldApiName?: string } | string;

export function qualifiedField(field: FieldId): string {
  return typeof field === 'string' ? field : `${field.objectApiName}.${field.fieldApiName ?? ''}`;
}

export function objectApiName(object: FieldId): string {
  return typeof object === 'string' ? object : object.objectApiName;
}

/** A wire that can re-fetch, registered while connected. */
export interface LiveWire {
  /** Does this wire show the record? (its own id, a record in its list, or its parent) */
  shows(recordId: string): boolean;
  refetch(): void;
}

const liveWires = new Set<LiveWire>();

export function register(wire: LiveWire): void {
  liveWires.add(wire);
}

export function unregister(wire: LiveWire): void {
  liveWires.delete(wire);
}

/** Re-provisions every connected wire that shows one of the records. */
export function refetchShowing(recordIds: string[]): void {
  for (const wire of liveWires) {
    if (recordIds.some((id) => wire.shows(id))) wire.refetch();
  }
}

/** Ids are compared in their 15-character form, as Salesforce treats 15 and 18 alike. */
export const sameId = (a: string | null | undefined, b: string | null | undefined): boolean =>
  !!a && !!b && a.slice(0, 15) === b.slice(0, 15);

/**
 * The skeleton of every wire adapter here: LWC calls update with the resolved config whenever a
 * reactive parameter changes; the adapter fetches (when the config is complete) and emits
 * `{ data, error }`, ignoring answers to configs that were replaced meanwhile.
 */
export abstract class FetchingWire<Config, Data> implements LiveWire {
  private config: Config | null = null;
  private generation = 0;
  private connected = false;
  protected data: Data | undefined;

  constructor(private readonly emit: (value: { data: Data | undefined; error: unknown }) => void) {
    emit({ data: undefined, error: undefined });
  }

  /** The request for this config, or null while a required parameter is missing. */
  protected abstract request(config: Config): string | null;
  abstract shows(recordId: string): boolean;

  update(config: Config): void {
    this.config = config;
    this.refetch();
  }

  connect(): void {
    this.connected = true;
    register(this);
  }

  disconnect(): void {
    this.connected = false;
    unregister(this);
  }

  refetch(): void {
    const config = this.config;
    const path = config ? this.request(config) : null;
    if (!path) return;
    const generation = ++this.generation;
    uiApi<Data>('GET', path).then(
      (data) => {
        if (generation !== this.generation || !this.connected) return;
        this.data = data;
        this.emit({ data, error: undefined });
      },
      (error: unknown) => {
        if (generation !== this.generation || !this.connected) return;
        this.data = undefined;
        this.emit({ data: undefined, error });
      }
    );
  }
}

/** Re-provisions every connected wire (lightning/refresh's RefreshEvent). */
export function refetchAll(): void {
  for (const wire of liveWires) wire.refetch();
}
