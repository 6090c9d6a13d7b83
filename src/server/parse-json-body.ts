import { findUnstorableText } from '../domain/input-text.js';
import { HttpError } from './http-error.js';

/** A verified request body as JSON; 400 when it is not JSON. */
export function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new HttpError(400, 'INVALID_JSON', 'the body is not valid JSON');
  }
}

/**
 * A verified request body as JSON, refused with 400 when it holds a string PostgreSQL cannot store (a NUL
 * character, a lone surrogate): the caller's mistake, said as such, never a 500 from the database later.
 */
export function parseJsonBody(body: Buffer): unknown {
  const json = parseJson(body);
  const bad = findUnstorableText(json);
  if (bad) throw new HttpError(400, 'INVALID_TEXT', `${bad.path} ${bad.problem}; send plain text`);
  return json;
}
