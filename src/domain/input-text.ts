/**
 * Text that comes from outside (webhook values, card and workflow inputs, survey comments), checked and normalised
 * once before first100 stores it. PostgreSQL cannot hold a NUL character or a lone UTF-16 surrogate in text or jsonb,
 * and PGlite drops a leading U+FEFF from the text it returns: stored text must be what was compared.
 */

// Read as code points, a well-formed pair is one character: only a lone surrogate is of category Cs.
const LONE_SURROGATE = /\p{Cs}/u;

/** Why PostgreSQL could not store this text as it is, or null when it can. */
export function unstorableText(text: string): string | null {
  if (text.includes('\u0000')) return 'contains a NUL character';
  if (LONE_SURROGATE.test(text)) return 'contains a lone surrogate (broken UTF-16)';
  return null;
}

/** The first string inside a parsed JSON value that PostgreSQL could not store, with its path ("inputFields.reason"). */
export function findUnstorableText(value: unknown, path: string[] = []): { path: string; problem: string } | null {
  if (typeof value === 'string') {
    const problem = unstorableText(value);
    return problem ? { path: path.join('.') || 'body', problem } : null;
  }
  if (typeof value !== 'object' || value === null) return null;
  for (const [key, inner] of Object.entries(value)) {
    const keyProblem = unstorableText(key);
    if (keyProblem) return { path: [...path, '(a key)'].join('.'), problem: keyProblem };
    const found = findUnstorableText(inner, [...path, key]);
    if (found) return found;
  }
  return null;
}

/** Free text as first100 stores it: Unicode NFC, without byte-order marks (invisible, and lost on the way through PGlite). */
export function normalizeText(text: string): string {
  return text.normalize('NFC').replaceAll('\uFEFF', '');
}

// Control and format characters (U+FEFF, zero-width and bidi marks among them), line and paragraph separators.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

/**
 * An identifier HubSpot gives (a stage or pipeline id): no invisible characters and no surrounding blanks, so that
 * what is stored and compared is exactly what HubSpot sent. A value with them is refused, never cleaned into a
 * different id ("\uFEFFclosedwon" is not the stage "closedwon").
 */
export function isPlainIdentifier(value: string, maxChars = 255): boolean {
  return value.length > 0 && value.length <= maxChars && value.trim() === value && !INVISIBLE.test(value) && !LONE_SURROGATE.test(value);
}
