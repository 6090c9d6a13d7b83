import type { Locale } from '../../domain/phases.js';

type Text = Record<Locale, string>;

/**
 * What the survey pages say around the question (the question itself is domain/survey-questions.ts, shared with
 * the email), in the request's language. Italian speaks to the client's company (voi), as the emails do; button
 * labels follow the interface convention ("Invia"). `{x}` marks are filled in by the views.
 */
export const WORDS = {
  title: { en: 'Your feedback', it: 'La vostra opinione' },
  about: { en: 'About', it: 'Riguardo a' },
  intro: { en: 'It takes ten seconds, and every answer is read by a person.', it: 'Bastano pochi secondi, e ogni risposta la legge una persona del nostro team.' },
  commentLabel: {
    en: 'What is the main reason for your score? What could we do better?',
    it: 'Qual è il motivo principale del punteggio che avete dato? Che cosa potremmo fare meglio?',
  },
  commentHint: { en: 'Optional, up to {max} characters.', it: 'Facoltativo, fino a {max} caratteri.' },
  send: { en: 'Send my answer', it: 'Invia la risposta' },
  error: { en: 'Error', it: 'Errore' },
  scoreMissing: { en: 'Choose a score from {min} to {max}, then send again.', it: 'Scegliete un punteggio da {min} a {max}, poi inviate di nuovo.' },
  commentTooLong: {
    en: 'Your comment is longer than {max} characters: shorten it, then send again.',
    it: 'Il commento supera i {max} caratteri: accorciatelo, poi inviate di nuovo.',
  },
  commentUnreadable: {
    en: 'Your comment contains characters we cannot keep (such as a null character): type it again, then send.',
    it: 'Il commento contiene caratteri che non possiamo salvare (ad esempio un carattere nullo): riscrivetelo, poi inviatelo di nuovo.',
  },
  prefilled: {
    en: 'We kept the score you chose in the email. Check it, add a comment if you like, and send.',
    it: 'Abbiamo ripreso il punteggio che avete scelto nell’email. Controllatelo, aggiungete un commento se volete e inviate.',
  },
  changeUntil: { en: 'You answered on {date}. You can change your answer until {until}.', it: 'Avete risposto il {date}. Potete modificare la risposta fino al {until}.' },
  thanksTitle: { en: 'Thank you!', it: 'Grazie!' },
  thanks: { en: 'Your answer is recorded, and the team will read it.', it: 'La vostra risposta è stata registrata e il team la leggerà.' },
  thanksChange: { en: 'Changed your mind? You can change it until {until}.', it: 'Avete cambiato idea? Potete modificarla fino al {until}.' },
  changeLink: { en: 'Change my answer', it: 'Modifica la risposta' },
  notFoundTitle: { en: 'This link does not work', it: 'Questo link non funziona' },
  notFound: {
    en: 'Check that the whole link was copied from the email. If it still does not work, simply reply to the email: we will read it.',
    it: 'Verificate di aver copiato il link completo dall’email. Se ancora non funziona, rispondete pure all’email: la leggeremo.',
  },
  expiredTitle: { en: 'This survey has closed', it: 'Questo sondaggio è chiuso' },
  expired: {
    en: 'The link was valid until {date}. Thank you all the same: if you have something to tell us, reply to the email.',
    it: 'Il link era valido fino al {date}. Grazie comunque: se volete dirci qualcosa, rispondete all’email.',
  },
  lockedTitle: { en: 'You have already answered', it: 'Avete già risposto' },
  locked: {
    en: 'Thank you: your answer of {date} is recorded. An answer can be changed only within 24 hours; to add something, reply to the email.',
    it: 'Grazie: la vostra risposta del {date} è registrata. Una risposta si può modificare solo entro 24 ore; per aggiungere qualcosa, rispondete all’email.',
  },
  tooManyTitle: { en: 'Too many attempts', it: 'Troppi tentativi' },
  tooMany: { en: 'Please wait a minute, then try again.', it: 'Attendete un minuto, poi riprovate.' },
  unavailableTitle: { en: 'Your answer could not be saved', it: 'Non è stato possibile salvare la risposta' },
  unavailable: { en: 'Something went wrong on our side. Please try again in a few minutes.', it: 'Si è verificato un problema da parte nostra. Riprovate fra qualche minuto.' },
  unreadableTitle: { en: 'Your answer could not be read', it: 'Non è stato possibile leggere la risposta' },
  unreadable: {
    en: 'Go back, keep your comment under {max} characters and send it again.',
    it: 'Tornate indietro, tenete il commento sotto i {max} caratteri e inviatelo di nuovo.',
  },
} satisfies Record<string, Text>;

export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
