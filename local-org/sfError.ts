/** Salesforce's error shape: `[{ message, errorCode, fields }]` with an HTTP status. */
export interface SfErrorBody {
  message: string;
  errorCode: string;
  fields?: string[];
}

/** A request-level refusal, answered as Salesforce answers it. */
export class SfError extends Error {
  readonly status: number;
  readonly errorCode: string;
  readonly fields?: string[];
  /** A body in another API's error shape (the UI API's record errors). */
  readonly payload?: unknown[];

  constructor(
    status: number,
    errorCode: string,
    message: string,
    fields?: string[],
    payload?: unknown[]
  ) {
    super(message);
    this.status = status;
    this.errorCode = errorCode;
    this.fields = fields;
    this.payload = payload;
  }

  body(): unknown[] {
    if (this.payload) return this.payload;
    const entry: SfErrorBody = { message: this.message, errorCode: this.errorCode };
    if (this.fields) entry.fields = this.fields;
    return [entry];
  }
}

/** A per-record failure, as sObject collections and bulk results report it. */
export interface RecordError {
  statusCode: string;
  message: string;
  fields: string[];
}

export class RecordFailure extends Error {
  readonly error: RecordError;
  constructor(statusCode: string, message: string, fields: string[] = []) {
    super(message);
    this.error = { statusCode, message, fields };
  }
}

export const notFound = () =>
  new SfError(404, 'NOT_FOUND', 'The requested resource does not exist');

export const malformedQuery = (message: string) => new SfError(400, 'MALFORMED_QUERY', message);

/** What Salesforce answers for a query or request on an object the org does not have. */
export const unsupportedType = (name: string) =>
  new SfError(
    400,
    'INVALID_TYPE',
    `sObject type '${name}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`
  );
