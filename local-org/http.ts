/** Request and response plumbing shared by the route modules. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SfError } from './sfError.ts';

export interface Reply {
  status: number;
  body?: unknown;
  /** Raw text (CSV) instead of JSON. */
  text?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

export interface Request {
  method: string;
  /** Path segments after `/services/data/vXX.X/`. */
  segments: string[];
  params: URLSearchParams;
  headers: IncomingMessage['headers'];
  version: string;
  rawBody: string;
  /** The user the session acts as. */
  userId: string;
}

export const json = (status: number, body?: unknown): Reply => ({ status, body });

export function readBody(req: IncomingMessage, limit = 150 * 1024 * 1024): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new SfError(413, 'REQUEST_ENTITY_TOO_LARGE', 'Request body is too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The JSON body, or Salesforce's JSON_PARSER_ERROR. */
export function jsonBody<T = unknown>(request: Request): T {
  if (request.rawBody.trim() === '') {
    throw new SfError(400, 'JSON_PARSER_ERROR', 'The request body is either invalid or incomplete');
  }
  try {
    return JSON.parse(request.rawBody) as T;
  } catch (error) {
    throw new SfError(
      400,
      'JSON_PARSER_ERROR',
      `Unexpected character in request body: ${error instanceof Error ? error.message : String(error)}`
    );
  }
}

export function send(res: ServerResponse, reply: Reply) {
  const headers: Record<string, string> = { ...(reply.headers ?? {}) };
  let payload: string | undefined;
  if (reply.text !== undefined) {
    payload = reply.text;
    headers['Content-Type'] = reply.contentType ?? 'text/csv; charset=UTF-8';
  } else if (reply.body !== undefined) {
    payload = JSON.stringify(reply.body);
    headers['Content-Type'] = 'application/json;charset=UTF-8';
  }
  res.writeHead(reply.status, headers);
  res.end(payload);
}

export const methodNotAllowed = (method: string, allowed: string[]) =>
  new SfError(
    405,
    'METHOD_NOT_ALLOWED',
    `HTTP Method '${method}' not allowed. Allowed are ${allowed.join(',')}`
  );
