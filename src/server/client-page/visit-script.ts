import { createHash } from 'node:crypto';
import { Router } from 'express';

/**
 * The page's one script, progressive enhancement only: once the page is shown to a person (the document is visible,
 * not prerendered or opened in the background by a mail scanner), it tells the server of the visit, with the page's
 * form token, by a POST under the same link. Without JavaScript the page works the same and records nothing.
 * The link and the token are read from the script element's data attributes: no inline script is needed.
 */
const SOURCE = `(function () {
  var me = document.currentScript;
  if (!me) return;
  var url = me.getAttribute('data-visit');
  var csrf = me.getAttribute('data-csrf');
  var sent = false;
  function send() {
    if (sent || document.visibilityState !== 'visible' || document.prerendering) return;
    sent = true;
    document.removeEventListener('visibilitychange', send);
    var body = new URLSearchParams();
    body.set('csrf', csrf);
    if (navigator.sendBeacon && navigator.sendBeacon(url, body)) return;
    fetch(url, { method: 'POST', body: body, credentials: 'same-origin', keepalive: true }).catch(function () {});
  }
  document.addEventListener('visibilitychange', send);
  document.addEventListener('prerenderingchange', send);
  send();
})();
`;

/** The path names the content, so a year-long cache can never serve an old script after a release changes it. */
export const VISIT_SCRIPT_PATH = `/assets/client-visit-${createHash('sha256').update(SOURCE).digest('hex').slice(0, 12)}.js`;

/** Serves the script at its fixed path, cacheable for a year (it never changes under that path). */
export function visitScriptRouter(): Router {
  const router = Router();
  router.get(VISIT_SCRIPT_PATH, (_req, res) => {
    res.set({
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
      'Cross-Origin-Resource-Policy': 'same-origin',
    });
    res.send(SOURCE);
  });
  return router;
}

/** The script element of a page under `/c/<token>`: relative paths, so the page works behind any path prefix. */
export function visitScriptTag(linkToken: string, csrf: string): string {
  return `<script src="..${VISIT_SCRIPT_PATH}" defer data-visit="${encodeURIComponent(linkToken)}/visit" data-csrf="${csrf}"></script>`;
}
