import type { Template, TemplateInput } from '../template-types.js';
import { greeting, signature } from './greeting.js';

/** The client's own words for where they started; the email is only sent when the handoff recorded them. */
function before(i: TemplateInput): string {
  return i.startingPoint?.trim() ?? '';
}

/**
 * The "after" of the seed's ritual, at day 90: the client's starting point, in the words they gave before the work
 * began, put back in front of them. It claims no result: what changed is for the client to say at the review.
 */
export const beforeAndAfter: Template = {
  en: (i) => ({
    subject: `${i.companyName}: where you started, and where you are`,
    preheader: 'Your starting point, ninety days on.',
    heading: 'Where you started',
    paragraphs: [
      greeting(i.firstName, 'en'),
      'before the work on ' + i.dealName + ' began, this is how you described your starting point:',
      `“${before(i)}”`,
      'Ninety days on, we would like to put it beside today, together with you: what has changed, in your numbers and your words, and what has not changed yet.',
      'Your project manager will propose a date for the 100-day review. If you would rather choose it yourselves, reply to this email.',
    ],
    closing: signature(i.brand.name, 'en'),
  }),
  it: (i) => ({
    subject: `${i.companyName}: da dove siete partiti e dove siete oggi`,
    preheader: 'Il vostro punto di partenza, novanta giorni dopo.',
    heading: 'Da dove siete partiti',
    paragraphs: [
      greeting(i.firstName, 'it'),
      'prima di iniziare il lavoro su ' + i.dealName + ', avevate descritto così il vostro punto di partenza:',
      `«${before(i)}»`,
      'A novanta giorni di distanza vorremmo metterlo accanto alla situazione di oggi, insieme a voi: che cosa è cambiato, nei vostri numeri e con le vostre parole, e che cosa non è ancora cambiato.',
      'Il vostro project manager vi proporrà una data per la revisione dei 100 giorni. Se preferite sceglierla voi, rispondete a questa email.',
    ],
    closing: signature(i.brand.name, 'it'),
  }),
};
