import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';
import { hashToken } from '../store/feedback-requests.js';
import { HttpError } from './http-error.js';
import { PageError } from './page-error.js';
import { bodyTooLarge } from './read-raw-body.js';

/** The one place that writes error responses: a code and a message that says what to do. */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const known = toHttpError(error);
    const entry = { method: req.method, path: loggedPath(req.path), status: known.status, code: known.code };
    if (known.status >= 500) log.error({ ...entry, err: { message: (error as Error).message } }, 'request failed');
    else log.warn(entry, known.message);
    if (known instanceof PageError) {
      res.status(known.status).type('html').send(known.html);
      return;
    }
    res.status(known.status).json({ error: { code: known.code, message: known.message, ...(known.details ? { details: known.details } : {}) } });
  };
}

function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  const e = error as { type?: string; status?: number; limit?: number };
  // A body parser's own limit (the routes HubSpot signs say theirs in verify-hubspot-request).
  if (e.type === 'entity.too.large') return bodyTooLarge({ maxBytes: e.limit ?? 0, sizeHint: 'this form is small; send it from its page' });
  if (e.type === 'encoding.unsupported' || e.type === 'charset.unsupported') return new HttpError(415, 'UNSUPPORTED_ENCODING', 'send the body as UTF-8 JSON');
  if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) return new HttpError(e.status, 'BAD_REQUEST', 'the request could not be read');
  return new HttpError(500, 'INTERNAL', 'first100 failed to handle the request; it is logged, and HubSpot will retry');
}

/** A survey or client page link's token answers for the client: logs name it by a short hash, never by itself. */
export function loggedPath(path: string): string {
  return path.replace(/^\/(feedback|c)\/([^/]+)/, (_whole, route: string, token: string) => `/${route}/ref:${hashToken(token).slice(0, 12)}`);
}
