import type { SurveyKind } from '../../domain/feedback-scoring.js';
import type { Locale } from '../../domain/phases.js';

type Text = Record<Locale, string>;

/** What the survey pages say, in the request's language. `{x}` marks are filled in by the views. */
export const WORDS = {
  title: { en: 'Your feedback', it: 'La tua opinione' },
  about: { en: 'About', it: 'Riguardo a' },
  intro: { en: 'It takes ten seconds, and every answer is read by a person.', it: 'Bastano dieci secondi, e ogni risposta è letta da una persona.' },
  commentLabel: {
    en: 'What is the main reason for your score? What could we do better?',
    it: 'Qual è il motivo principale del tuo voto? Cosa potremmo fare meglio?',
  },
  commentHint: { en: 'Optional, up to {max} characters.', it: 'Facoltativo, fino a {max} caratteri.' },
  send: { en: 'Send my answer', it: 'Invia la risposta' },
  error: { en: 'Error', it: 'Errore' },
  scoreMissing: { en: 'Choose a score from {min} to {max}, then send again.', it: 'Scegli un voto da {min} a {max}, poi invia di nuovo.' },
  commentTooLong: {
    en: 'Your comment is longer than {max} characters: shorten it, then send again.',
    it: 'Il commento supera i {max} caratteri: accorcialo, poi invia di nuovo.',
  },
  commentUnreadable: {
    en: 'Your comment contains characters we cannot keep (such as a null character): type it again, then send.',
    it: 'Il commento contiene caratteri che non possiamo salvare (ad esempio un carattere nullo): riscrivilo, poi invia.',
  },
  prefilled: {
    en: 'We kept the score you chose in the email. Check it, add a comment if you like, and send.',
    it: 'Abbiamo tenuto il voto che hai scelto nell\'email. Controllalo, aggiungi un commento se vuoi, e invia.',
  },
  changeUntil: { en: 'You answered on {date}. You can change your answer until {until}.', it: 'Hai risposto il {date}. Puoi cambiare la risposta fino al {until}.' },
  thanksTitle: { en: 'Thank you!', it: 'Grazie!' },
  thanks: { en: 'Your answer is recorded, and the team will read it.', it: 'La tua risposta è registrata e il team la leggerà.' },
  thanksChange: { en: 'Changed your mind? You can change it until {until}.', it: 'Hai cambiato idea? Puoi modificarla fino al {until}.' },
  changeLink: { en: 'Change my answer', it: 'Cambia la risposta' },
  notFoundTitle: { en: 'This link does not work', it: 'Questo link non funziona' },
  notFound: {
    en: 'Check that the whole link was copied from the email. If it still does not work, simply reply to the email: we will read it.',
    it: 'Controlla di aver copiato tutto il link dall\'email. Se ancora non funziona, rispondi pure all\'email: la leggeremo.',
  },
  expiredTitle: { en: 'This survey has closed', it: 'Questo questionario è chiuso' },
  expired: {
    en: 'The link was valid until {date}. Thank you all the same: if you have something to tell us, reply to the email.',
    it: 'Il link era valido fino al {date}. Grazie lo stesso: se vuoi dirci qualcosa, rispondi all\'email.',
  },
  lockedTitle: { en: 'You have already answered', it: 'Hai già risposto' },
  locked: {
    en: 'Thank you: your answer of {date} is recorded. An answer can be changed only within 24 hours; to add something, reply to the email.',
    it: 'Grazie: la tua risposta del {date} è registrata. Una risposta si può cambiare solo entro 24 ore; per aggiungere qualcosa, rispondi all\'email.',
  },
  tooManyTitle: { en: 'Too many attempts', it: 'Troppi tentativi' },
  tooMany: { en: 'Please wait a minute, then try again.', it: 'Attendi un minuto, poi riprova.' },
  unavailableTitle: { en: 'Your answer could not be saved', it: 'Non è stato possibile salvare la risposta' },
  unavailable: { en: 'Something went wrong on our side. Please try again in a few minutes.', it: 'Qualcosa non ha funzionato da parte nostra. Riprova fra qualche minuto.' },
  unreadableTitle: { en: 'Your answer could not be read', it: 'Non è stato possibile leggere la risposta' },
  unreadable: {
    en: 'Go back, keep your comment under {max} characters and send it again.',
    it: 'Torna indietro, tieni il commento sotto i {max} caratteri e invialo di nuovo.',
  },
} satisfies Record<string, Text>;

/** Each survey's question and what its two ends mean (a high effort score is bad). */
export const QUESTIONS: Record<SurveyKind, { question: Text; low: Text; high: Text }> = {
  NPS: {
    question: {
      en: 'How likely are you to recommend us to a friend or colleague?',
      it: 'Quanto è probabile che ci consiglieresti a un amico o a un collega?',
    },
    low: { en: 'Not at all likely', it: 'Per niente probabile' },
    high: { en: 'Extremely likely', it: 'Estremamente probabile' },
  },
  CSAT: {
    question: { en: 'Overall, how satisfied are you?', it: 'Nel complesso, quanto sei soddisfatto?' },
    low: { en: 'Very dissatisfied', it: 'Per niente soddisfatto' },
    high: { en: 'Very satisfied', it: 'Molto soddisfatto' },
  },
  CES: {
    question: { en: 'How much effort did it take on your part?', it: 'Quanto impegno ti ha richiesto?' },
    low: { en: 'Very little effort', it: 'Pochissimo impegno' },
    high: { en: 'A great deal of effort', it: 'Moltissimo impegno' },
  },
};

export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
