import { clientPhase } from '../../domain/client-phases.js';
import type { Locale, Phase } from '../../domain/phases.js';
import type { ProgressReport } from '../../domain/progress-report.js';
import type { TeamMember, TemplateInput } from '../template-types.js';

/** What each phase needs from the client, said plainly: an update names it so nobody waits on the other. */
const NEEDED: Record<Phase, Record<Locale, string>> = {
  assess: { en: 'the questions you still have about how we work', it: 'le domande che avete ancora su come lavoriamo' },
  admit: { en: 'the names of the people who will work with us, and a date that suits you for the kickoff', it: 'i nomi delle persone che lavoreranno con noi e una data per il kickoff che vada bene a voi' },
  affirm: { en: 'any doubt about the choice you made, said plainly: we would rather hear it now', it: 'qualunque dubbio sulla scelta fatta, detto apertamente: preferiamo saperlo adesso' },
  activate: { en: 'the people who will attend the kickoff, and an hour of their time', it: 'le persone che parteciperanno al kickoff e un’ora del loro tempo' },
  acclimate: { en: 'quick answers to our questions, and access to what we need to work', it: 'risposte rapide alle nostre domande e l’accesso a ciò che ci serve per lavorare' },
  accomplish: { en: 'your judgement on the result, against the goals you set at the start', it: 'il vostro giudizio sul risultato, rispetto agli obiettivi fissati all’inizio' },
  adopt: { en: 'your plans for the months ahead, so we can prepare the next step with you', it: 'i vostri programmi per i prossimi mesi, per preparare insieme il passo successivo' },
  advocate: { en: 'nothing more than your honest opinion', it: 'nient’altro che la vostra opinione sincera' },
};

const date = (ms: number, locale: Locale, timeZone: string) =>
  new Intl.DateTimeFormat(locale === 'it' ? 'it-IT' : 'en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone }).format(ms);

function nextItem(n: ProgressReport['next'][number], locale: Locale, timeZone: string): string {
  if (n.kind === 'kickoff') return locale === 'it' ? `il kickoff, ${date(n.at, locale, timeZone)}` : `the kickoff, ${date(n.at, locale, timeZone)}`;
  if (n.kind === 'checkpoint') return locale === 'it' ? `il punto sui primi ${n.day} giorni, a partire da ${date(n.at, locale, timeZone)}` : `the review of your first ${n.day} days, from ${date(n.at, locale, timeZone)}`;
  return locale === 'it' ? `poi “${clientPhase(n.phase, locale).name}”` : `then “${clientPhase(n.phase, locale).name}”`;
}

/**
 * A progress update's substance: what is behind the client, what comes next with dates, what we need from them and
 * whom to turn to. Only what first100 recorded; a phase it cannot date is not dated.
 */
export function progressParagraphs(progress: TemplateInput['progress'], locale: Locale, pm: TeamMember | null = null): string[] {
  if (!progress) return [];
  const { report, timezone } = progress;
  const lines: string[] = [];
  if (report.done.length > 0) {
    const behind = report.done.map((d) => `“${clientPhase(d.phase, locale).name}” (${date(d.from, locale, timezone)} – ${date(d.to, locale, timezone)})`).join(', ');
    lines.push(locale === 'it' ? `Fatto finora: ${behind}.` : `Done so far: ${behind}.`);
  }
  if (report.next.length > 0) {
    const next = report.next.map((n) => nextItem(n, locale, timezone)).join('; ');
    lines.push(locale === 'it' ? `Che cosa viene dopo: ${next}.` : `What comes next: ${next}.`);
  }
  if (report.current) lines.push(locale === 'it' ? `Che cosa ci serve da voi ora: ${NEEDED[report.current.phase].it}.` : `What we need from you now: ${NEEDED[report.current.phase].en}.`);
  // The PM's name and address as HubSpot's owners give them, when they were read for this email.
  const who = pm ? `${pm.name}${pm.email ? ` (${pm.email})` : ''}` : null;
  lines.push(
    locale === 'it'
      ? `A chi rivolgervi: ${who ? `a ${who}, il ` : 'al '}vostro project manager; per raggiungerci basta rispondere a questa email.`
      : `Whom to turn to: ${who ? `${who}, ` : ''}your project manager; to reach us, simply reply to this email.`,
  );
  return lines;
}
