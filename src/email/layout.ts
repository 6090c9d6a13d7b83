import type { Locale } from '../domain/phases.js';
import { escapeHtml } from '../domain/user-text.js';
import { surveyHtml, surveyText } from './survey-block.js';
import type { EmailContent, RenderedEmail, TemplateInput } from './template-types.js';

const FOOTER = {
  en: (company: string, brand: string) => `You receive this email because ${company} is starting to work with ${brand}.`,
  it: (company: string, brand: string) => `Ricevete questa email perché ${company} ha iniziato a lavorare con ${brand}.`,
};
const UNSUBSCRIBE: Record<Locale, string> = { en: 'Stop these emails', it: 'Non ricevere più queste email' };
const CLIENT_PAGE = {
  intro: {
    en: 'Your project page shows where we are, what comes next, what we need from you and who your team is.',
    it: 'La pagina del vostro progetto mostra a che punto siamo, cosa succede adesso, cosa ci serve da voi e chi è il vostro team.',
  },
  link: { en: 'Open your project page', it: 'Aprite la pagina del progetto' },
} satisfies Record<string, Record<Locale, string>>;

/** One accessible, single-column layout with inline styles and no outside assets; the text version says the same. */
export function renderLayout(content: EmailContent, input: TemplateInput): RenderedEmail {
  const { brand, locale } = input;
  const p = (text: string) => `<p style="margin:0 0 16px">${escapeHtml(text)}</p>`;
  const stories = content.stories
    ? [
        p(content.stories.intro),
        ...content.stories.items.map(
          (s) => `<div style="margin:0 0 16px;padding:12px 16px;border-left:4px solid ${brand.color};background:#f6f8fa"><p style="margin:0 0 4px;font-weight:bold">${escapeHtml(s.title)}</p><p style="margin:0">${escapeHtml(s.story)}</p></div>`,
        ),
        `<p style="margin:0 0 16px;font-size:12px;color:#555">${escapeHtml(content.stories.note)}</p>`,
      ]
    : [];
  const footer = FOOTER[locale](input.companyName, brand.name);
  const html = `<!DOCTYPE html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(content.subject)}</title></head>
<body style="margin:0;padding:0;background:#ffffff">
<div style="display:none;max-height:0;overflow:hidden">${escapeHtml(content.preheader)}</div>
<div role="article" aria-label="${escapeHtml(content.subject)}" style="max-width:600px;margin:0 auto;padding:24px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1f2328">
<p style="margin:0 0 24px;padding-bottom:8px;border-bottom:3px solid ${brand.color};font-weight:bold;color:${brand.color}">${escapeHtml(brand.name)}</p>
<h1 style="margin:0 0 16px;font-size:22px;line-height:1.3">${escapeHtml(content.heading)}</h1>
${[...content.paragraphs.map(p), ...stories].join('\n')}
${input.survey ? surveyHtml(input.survey, locale, brand) : ''}
${input.clientPageUrl ? `<p style="margin:24px 0 16px">${escapeHtml(CLIENT_PAGE.intro[locale])} <a href="${escapeHtml(input.clientPageUrl)}" style="color:${brand.color};font-weight:bold">${CLIENT_PAGE.link[locale]}</a></p>` : ''}
<div style="margin-top:24px">${content.closing.map(p).join('\n')}</div>
<p style="margin:32px 0 0;font-size:12px;color:#555">${escapeHtml(footer)} <a href="${escapeHtml(input.unsubscribeUrl)}" style="color:#555">${UNSUBSCRIBE[locale]}</a></p>
</div>
</body>
</html>
`;
  const text = [
    content.heading,
    '',
    ...content.paragraphs.flatMap((t) => [t, '']),
    ...(content.stories
      ? [content.stories.intro, '', ...content.stories.items.flatMap((s) => [`- ${s.title}: ${s.story}`, '']), content.stories.note, '']
      : []),
    ...(input.survey ? [surveyText(input.survey, locale, brand.name), ''] : []),
    ...(input.clientPageUrl ? [`${CLIENT_PAGE.intro[locale]} ${CLIENT_PAGE.link[locale]}: ${input.clientPageUrl}`, ''] : []),
    ...content.closing,
    '',
    '--',
    footer,
    `${UNSUBSCRIBE[locale]}: ${input.unsubscribeUrl}`,
    '',
  ].join('\n');
  return { subject: content.subject, html, text };
}
