import type { Locale } from '../../domain/phases.js';
import type { Template, TemplateInput, TeamMember } from '../template-types.js';
import { greeting, signature } from './greeting.js';

/**
 * Admit → affirm: the handoff is where the client must rebuild the relationship with a new person. The rep who
 * closed introduces the project manager by name, with how to reach them, and says why the change happens. It is
 * sent only once the deal has a PM (first100_pm_owner), with both read from HubSpot's owners when it is prepared.
 */
function contactLine(pm: TeamMember, locale: Locale): string {
  if (!pm.email) return '';
  return locale === 'it' ? ` Il suo indirizzo email è ${pm.email}.` : ` Their email address is ${pm.email}.`;
}

function closingOf(i: TemplateInput, locale: Locale): string[] {
  const rep = i.team?.rep;
  if (!rep) return signature(i.brand.name, locale);
  return locale === 'it' ? ['Un cordiale saluto,', `${rep.name}, ${i.brand.name}`] : ['Warm regards,', `${rep.name}, ${i.brand.name}`];
}

export const pmIntroduction: Template = {
  en: (i) => {
    const pm = i.team?.pm ?? null;
    const name = pm?.name ?? 'your project manager';
    return {
      subject: pm ? `${i.companyName}, meet ${name}, your project manager` : `${i.companyName}, meet your project manager`,
      preheader: `From now on ${name} leads your project with you.`,
      heading: `Meet ${name}`,
      paragraphs: [
        greeting(i.firstName, 'en'),
        `from now on ${name} is your project manager for ${i.dealName}: the person who leads the work with you day by day.${pm ? contactLine(pm, 'en') : ''}`,
        i.handoffAccepted
          ? `I have gone through with ${name} everything you told me during the sale, your goals and your concerns included, so you will not have to repeat it.`
          : `I am going through with ${name} everything you told me during the sale, your goals and your concerns included, so you will not have to repeat it.`,
        `I stay close by: if you ever need me, reply to this email. For the project, ${name} is your first call.`,
      ],
      closing: closingOf(i, 'en'),
    };
  },
  it: (i) => {
    const pm = i.team?.pm ?? null;
    const name = pm?.name ?? 'il vostro project manager';
    return {
      subject: pm ? `${i.companyName}, vi presento ${name}, il vostro project manager` : `${i.companyName}, vi presento il vostro project manager`,
      preheader: `Da oggi ${name} segue con voi il progetto.`,
      heading: `Vi presento ${name}`,
      paragraphs: [
        greeting(i.firstName, 'it'),
        `da oggi ${name} è il project manager di ${i.dealName}: la persona che guida il lavoro con voi, giorno per giorno.${pm ? contactLine(pm, 'it') : ''}`,
        i.handoffAccepted
          ? `Ho già ripercorso con ${name} tutto quello che mi avete raccontato durante la trattativa, obiettivi e timori compresi: non dovrete ripeterlo.`
          : `Sto ripercorrendo con ${name} tutto quello che mi avete raccontato durante la trattativa, obiettivi e timori compresi, perché non dobbiate ripeterlo.`,
        `Resto comunque a disposizione: se vi servo, rispondete a questa email. Per il progetto, il vostro primo riferimento è ${name}.`,
      ],
      closing: closingOf(i, 'it'),
    };
  },
};
