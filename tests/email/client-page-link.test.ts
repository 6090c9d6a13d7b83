import { describe, expect, it } from 'vitest';
import { EMAIL_TEMPLATES } from '../../src/domain/playbook-schema.js';
import { clientPageLinkIn } from '../../src/email/outbox-reader.js';
import { renderEmail } from '../../src/email/render-email.js';
import type { TemplateInput } from '../../src/email/template-types.js';

const page = `https://first100.example.com/c/${'a'.repeat(43)}`;
const input = (locale: 'en' | 'it'): TemplateInput => ({
  locale,
  brand: { name: 'Acme Consulting', color: '#123456' },
  firstName: 'Anna',
  companyName: 'Rossi Meccanica',
  dealName: 'ERP rollout',
  phase: 'acclimate',
  onboardingDay: 23,
  remorseType: null,
  handoffAccepted: true,
  caseHistories: [{ title: 'Example', story: 'A story.' }],
  survey: { kind: 'NPS', touchpoint: 'Kickoff', url: 'https://first100.example.com/feedback/t', scores: [{ score: 0, url: 'https://first100.example.com/feedback/t?score=0' }] },
  unsubscribeUrl: 'https://first100.example.com/unsubscribe/u',
  clientPageUrl: page,
});

describe('the link to the client page', () => {
  it('is in every template, in both languages, in the HTML and the text', () => {
    for (const template of EMAIL_TEMPLATES) {
      for (const locale of ['en', 'it'] as const) {
        const email = renderEmail(template, input(locale));
        expect(clientPageLinkIn(email.text), `${template} ${locale}`).toBe(page);
        expect(email.html).toContain(`<a href="${page}"`);
        expect(email.html).toContain(locale === 'it' ? 'Aprite la pagina del progetto' : 'Open your project page');
      }
    }
  });
});
