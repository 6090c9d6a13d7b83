import type { Locale } from '../../domain/phases.js';
import { escapeHtml } from '../../domain/user-text.js';
import { SCALE_CSS } from '../feedback-page/scale-fieldset.js';
import { pageCsp } from '../page-csp.js';

/**
 * Phone first: one column, large touch targets; the phase map turns into a row of stops on wide screens. The
 * adopter's brand colour marks the header, the current phase and the buttons, with text in black or white,
 * whichever reads better on it. No outside assets; the one `<style>` block is allowed by its hash.
 */
function css(brand: string, onBrand: string): string {
  return `
*{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.5;color:#1d2733;background:#f3f5f8}
body{margin:0;padding:.75rem}
header{max-width:48rem;margin:0 auto .75rem;display:flex;flex-wrap:wrap;gap:.5rem;justify-content:space-between;align-items:center;border-bottom:4px solid ${brand};padding:.25rem 0 .5rem}
.brand{font-weight:700;font-size:1.1rem}
nav a{color:#1d2733;margin-left:.5rem;padding:.5rem;display:inline-block}
nav a[aria-current]{font-weight:700;text-decoration:none}
main{max-width:48rem;margin:0 auto}
h1{font-size:1.4rem;line-height:1.25;margin:.25rem 0}
.day{color:#44505e;font-weight:600;margin:0 0 1rem}
section{background:#fff;border-radius:.75rem;padding:1rem 1.1rem;margin:0 0 1rem;box-shadow:0 1px 3px rgba(0,0,0,.12)}
h2{font-size:1.15rem;margin:0 0 .75rem}
h3{font-size:1.05rem;margin:0 0 .25rem}
.map{list-style:none;margin:0 0 .75rem;padding:0;display:grid;gap:.35rem}
.map li{padding:.45rem .7rem;border-radius:.5rem;border:2px solid #c5ccd4;color:#44505e}
.map li.done{border-color:#8a96a3;background:#f3f5f8}
.map li.current{border-color:${brand};background:${brand};color:${onBrand};font-weight:700}
.meaning{margin:0}
ul.next{margin:0;padding-left:1.2rem}
.when{color:#44505e}
.task{border-top:1px solid #dde2e8;padding:.75rem 0}
.task:first-of-type{border-top:0;padding-top:0}
.task p{margin:.2rem 0}
.late{color:#9c1c13;font-weight:700}
.state{background:#eef7ee;border-left:4px solid #2e7d32;padding:.4rem .6rem}
.state.stuck{background:#fff4e5;border-left-color:#b35c00}
.person{margin:0 0 .75rem}
.person p{margin:.1rem 0}
dl{margin:0}dt{font-weight:700;margin-top:.5rem}dd{margin:0;white-space:pre-line}
label{display:block;font-weight:600;margin:.5rem 0 .25rem}
input[type=email]{width:100%;font:inherit;padding:.6rem;border:2px solid #8a96a3;border-radius:.5rem}
textarea{width:100%;min-height:5rem;font:inherit;padding:.5rem;border:2px solid #8a96a3;border-radius:.5rem}
button{display:block;width:100%;margin-top:.5rem;padding:.75rem 1rem;font:inherit;font-weight:700;color:${onBrand};background:${brand};border:2px solid ${brand};border-radius:.5rem;cursor:pointer}
button.secondary{background:#fff;color:#1d2733;border-color:#8a96a3}
details summary{cursor:pointer;padding:.6rem 0;font-weight:600}
a{color:#174ea6}
:focus-visible{outline:3px solid #f0a500;outline-offset:2px}
.notice{background:#eef4ff;border-left:4px solid #2d5bd7;padding:.6rem .8rem;margin:0 0 1rem}
.hint{color:#44505e;font-size:.9rem;margin:.1rem 0}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
${SCALE_CSS}
.scale label{margin:0}
.survey{border-bottom:1px solid #dde2e8;padding-bottom:1rem;margin-bottom:1rem}
@media (min-width:48rem){body{padding:1.5rem}.map{grid-template-columns:repeat(8,1fr)}.map li{font-size:.85rem}button{width:auto;display:inline-block}.scale-11{--n:11}}
`;
}

export interface PageStyle {
  css: string;
  csp: string;
}

const styles = new Map<string, PageStyle>();

/** The page's style for a brand colour, with the Content-Security-Policy that allows exactly it. */
export function clientPageStyle(brandColor: string): PageStyle {
  let style = styles.get(brandColor);
  if (!style) {
    const text = css(brandColor, readableOn(brandColor));
    // The one script is the visit beacon, served by us (visit-script.ts); it may only talk back to us.
    style = { css: text, csp: `${pageCsp(text)}; script-src 'self'; connect-src 'self'` };
    styles.set(brandColor, style);
  }
  return style;
}

/** Black or white, whichever has the higher contrast on the colour (WCAG relative luminance). */
export function readableOn(hex: string): '#000000' | '#ffffff' {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return (luminance + 0.05) / 0.05 > 1.05 / (luminance + 0.05) ? '#000000' : '#ffffff';
}

/** A whole page; `header`, `body` and `script` (the visit beacon's element, if any) are HTML already escaped by their views. */
export function clientPage(locale: Locale, title: string, style: PageStyle, header: string, body: string, script = ''): string {
  return (
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">` +
    `<title>${escapeHtml(title)}</title><style>${style.css}</style>${script}</head>` +
    `<body><header>${header}</header><main>${body}</main></body></html>`
  );
}
