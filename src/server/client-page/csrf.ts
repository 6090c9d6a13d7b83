import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The page's form token, derived from the link's own token: a form on another site cannot post in the client's name
 * without it, and only someone who can open the page can read it. Derived rather than stored, because nothing is
 * recorded when a page is merely opened (mail scanners open links).
 */
export function formToken(linkToken: string): string {
  return createHmac('sha256', linkToken).update('first100 client page form').digest('base64url').slice(0, 32);
}

export function isFormToken(linkToken: string, sent: unknown): boolean {
  if (typeof sent !== 'string') return false;
  const expected = Buffer.from(formToken(linkToken));
  const given = Buffer.from(sent);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
