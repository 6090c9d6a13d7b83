import { describe, expect, it } from 'vitest';
import { PHASE_LABELS, PHASES } from '../../src/domain/phases.js';
import { renderEmail } from '../../src/email/render-email.js';
import type { TemplateInput } from '../../src/email/template-types.js';

const base = 'https://first100.example.com';
const dueAt = Date.parse('2026-12-10T08:00:00Z'); // Thursday 10 December, 09:00 in Rome

function input(locale: 'en' | 'it'): TemplateInput {
  return {
    locale,
    brand: { name: 'Studio Bianchi', color: '#123456' },
    firstName: 'Anna',
    companyName: 'Rossi Meccanica',
    dealName: 'ERP rollout',
    phase: 'affirm',
    onboardingDay: 4,
    remorseType: null,
    handoffAccepted: false,
    caseHistories: [],
    survey: null,
    unsubscribeUrl: `${base}/unsubscribe/u1`,
    clientPageUrl: `${base}/c/page789`,
    clientTask: { title: 'Send us the documents we need', why: 'So the kickoff starts from your real situation.', dueAt, timezone: 'Europe/Rome' },
  };
}

describe('the overdue client-task reminder', () => {
  it('says what the task is, why it matters and when it was due, and links to the client\'s page, in English', () => {
    const out = renderEmail('client-task-reminder', input('en'));
    expect(out.subject).toBe('A reminder: Send us the documents we need');
    expect(out.text).toContain('which was due on December 10, 2026: “Send us the documents we need”.');
    expect(out.text).toContain('Why it matters: So the kickoff starts from your real situation.');
    expect(out.text).toContain(`${base}/c/page789`);
    expect(out.html).toContain(`href="${base}/c/page789"`);
  });

  it('speaks to the company (voi) in Italian, with the date in Italian', () => {
    const out = renderEmail('client-task-reminder', input('it'));
    expect(out.subject).toBe('Promemoria: Send us the documents we need');
    expect(out.text).toContain('previsto per il 10 dicembre 2026: «Send us the documents we need».');
    expect(out.text).toContain('Perché è importante: So the kickoff starts from your real situation.');
    expect(out.text).toContain('vi aiuteremo');
    expect(out.text).toContain(`${base}/c/page789`);
  });

  it('never names an internal phase label, in either language', () => {
    const labels = PHASES.flatMap((p) => Object.values(PHASE_LABELS[p]));
    for (const locale of ['en', 'it'] as const) {
      const { subject, text } = renderEmail('client-task-reminder', input(locale));
      for (const label of labels) expect(`${subject}\n${text}`).not.toMatch(new RegExp(`(?<!\\p{L})${label}(?!\\p{L})`, 'iu'));
    }
  });
});
