import { createHash } from 'node:crypto';

/**
 * The Content-Security-Policy of first100's own pages (survey, unsubscribe): nothing runs, nothing loads from
 * elsewhere, the page cannot be framed, forms post only back to us, and the one style allowed is the page's own
 * `<style>` block, by its hash (no inline `style=` attributes, no 'unsafe-inline').
 */
export function pageCsp(css: string): string {
  const hash = createHash('sha256').update(css).digest('base64');
  return `default-src 'none'; style-src 'sha256-${hash}'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`;
}
