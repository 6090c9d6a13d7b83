import type { Locale } from '../../domain/phases.js';
import { escapeHtml } from '../../domain/user-text.js';
import { pageCsp } from '../page-csp.js';
import { SCALE_CSS } from './scale-fieldset.js';

/** Phone first: one column, large touch targets; wider screens get the scale on one row. No outside assets. */
const CSS = `
*{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:100%;line-height:1.5;color:#1d2733;background:#f3f5f8}
body{margin:0;padding:1rem}
main{max-width:40rem;margin:0 auto;background:#fff;border-radius:.75rem;padding:1.25rem;box-shadow:0 1px 3px rgba(0,0,0,.12)}
h1{font-size:1.4rem;line-height:1.25;margin:0 0 .5rem}
.about{margin:0 0 .25rem;color:#44505e;font-weight:600}
.intro,.hint{color:#44505e;margin:.25rem 0 1rem}
.hint{font-size:.9rem;margin:.25rem 0 .5rem}
.notice{background:#eef4ff;border-left:4px solid #2d5bd7;padding:.6rem .8rem;margin:0 0 1rem}
.error{background:#fdecec;border-left:4px solid #b3261e;color:#7a1510;padding:.6rem .8rem;margin:0 0 1rem;font-weight:600}
${SCALE_CSS}
label.q{display:block;font-weight:700;font-size:1.05rem}
textarea{width:100%;min-height:8rem;font:inherit;padding:.6rem;border:2px solid #8a96a3;border-radius:.5rem}
textarea:focus{outline:3px solid #f0a500;outline-offset:1px}
button,.button{display:inline-block;margin-top:1rem;width:100%;padding:.85rem 1rem;font:inherit;font-weight:700;font-size:1.05rem;color:#fff;background:#2d5bd7;border:0;border-radius:.5rem;text-align:center;text-decoration:none;cursor:pointer}
button:focus-visible,.button:focus-visible{outline:3px solid #f0a500;outline-offset:2px}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (min-width:40rem){body{padding:2rem}main{padding:2rem}.scale-11{--n:11}button,.button{width:auto}}
`;

export const FEEDBACK_CSP = pageCsp(CSS);

/** A whole page; `body` is HTML already escaped by its view. */
export function page(locale: Locale, title: string, body: string): string {
  return (
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">` +
    `<title>${escapeHtml(title)}</title><style>${CSS}</style></head><body><main>${body}</main></body></html>`
  );
}

/** A page with a heading and one message (thanks, expired, unknown link…). */
export function messagePage(locale: Locale, title: string, message: string, extra = ''): string {
  return page(locale, title, `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>${extra}`);
}
