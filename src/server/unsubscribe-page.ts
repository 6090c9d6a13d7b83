import type { Locale } from '../domain/phases.js';
import { escapeHtml } from '../domain/user-text.js';
import { pageCsp } from './page-csp.js';

const WORDS = {
  en: {
    title: 'Stop these emails',
    ask: 'Do you want to stop receiving onboarding emails from us? Your project manager stays reachable as usual.',
    button: 'Unsubscribe',
    done: 'Done: you will receive no more of these emails.',
    already: 'You are already unsubscribed: you will receive no more of these emails.',
    unknown: 'This unsubscribe link is not valid. Copy the whole link from the email, or reply to the email and ask to be removed.',
  },
  it: {
    title: 'Non ricevere più queste email',
    ask: 'Volete smettere di ricevere da noi le email sull’avvio del progetto? Il vostro project manager resta raggiungibile come sempre.',
    button: 'Annulla l’iscrizione',
    done: 'Fatto: non riceverete più queste email.',
    already: 'Avete già annullato l’iscrizione: non riceverete più queste email.',
    unknown: 'Questo link per annullare l’iscrizione non è valido. Copiate il link completo dall’email, oppure rispondete all’email e chiedete di essere rimossi.',
  },
};

export type UnsubscribeView = 'ask' | 'done' | 'already' | 'unknown';

const CSS = `
body{margin:0;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1f2328}
main{max-width:480px;margin:40px auto;padding:0 16px}
h1{font-size:22px}
button{font-size:16px;padding:10px 20px}
`;

/** The page's one `<style>` block is the only style it may use. */
export const UNSUBSCRIBE_CSP = pageCsp(CSS);

/** A small page that works without JavaScript: the question with one button, the confirmation, or why the link does not work. */
export function unsubscribePage(locale: Locale, view: UnsubscribeView, brand: string): string {
  const w = WORDS[locale];
  const body =
    view === 'ask'
      ? `<p>${escapeHtml(w.ask)}</p>
<form method="post"><input type="hidden" name="confirm" value="yes"><button type="submit">${escapeHtml(w.button)}</button></form>`
      : `<p role="status">${escapeHtml(w[view])}</p>`;
  return `<!DOCTYPE html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer"><title>${escapeHtml(w.title)} · ${escapeHtml(brand)}</title><style>${CSS}</style></head>
<body>
<main>
<h1>${escapeHtml(w.title)}</h1>
${body}
</main>
</body>
</html>
`;
}
