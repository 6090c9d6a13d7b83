import { contactLocale, selectRecipients, type DealContact } from '../../domain/email-recipients.js';
import { SURVEY_SCALES } from '../../domain/feedback-scoring.js';
import { EMAIL_TEMPLATES, type EmailTemplateName } from '../../domain/playbook-schema.js';
import type { DealSnapshot } from '../../domain/deal.js';
import { composeMessage, messageKey, outboxFileName } from '../../email/compose-message.js';
import type { Mailer } from '../../email/mailer.js';
import { renderEmail } from '../../email/render-email.js';
import type { SurveyLinks, TeamMember } from '../../email/template-types.js';
import type { ContactForEmail, Owner } from '../../hubspot/hubspot-port.js';
import type { Queryable } from '../../store/db.js';
import { insertMessage, type NewEmailMessage } from '../../store/email-messages.js';
import type { EmailStep } from '../../store/email-steps.js';
import { issueClientLink } from '../../store/client-links.js';
import { createFeedbackRequest } from '../../store/feedback-requests.js';
import { addressHash } from '../../domain/address-hash.js';
import { clientLinkExpiresAt } from '../../domain/client-link-expiry.js';
import { deletedContacts } from '../../store/privacy-deletion-store.js';
import { createUnsubscribeToken, unsubscribedAmong } from '../../store/unsubscribes.js';
import { readDealFacts, type DealFacts } from './email-input.js';
import { holdWaitingEmails } from './email-gates.js';
import { routeProgress } from './progress-update-route.js';
import type { Engine } from '../engine.js';
import { markerOf } from '../steps/steps-from-plan.js';
import { ownersForJob } from '../owners/owners-for-job.js';
import { ownerName } from '../../domain/owner-name.js';

/**
 * Picks each step's recipients, then renders and stores every message with its survey token, in one transaction
 * per step: a retry finds them stored and never renders again. Contacts are read from HubSpot now, not kept.
 * An email waiting for something to happen (email-gates.ts) is put back to wait; returns those steps' ids.
 */
export async function prepareEmails(engine: Engine, mailer: Mailer, claimed: EmailStep[]): Promise<Set<string>> {
  const deals = await engine.hubspot.readDeals([...new Set(claimed.map((s) => s.dealId))]);
  const { waiting, givenUp } = await holdWaitingEmails(engine, claimed, deals);
  const steps = claimed.filter((s) => !waiting.has(s.id));
  // The introduction names the PM and the rep; a progress update names whom to turn to. Owners stored within the
  // last day are not read from HubSpot again.
  const owners = await ownersForJob(engine, steps.filter((s) => s.payload.template === 'pm-introduction' || s.payload.template === 'milestone-update').flatMap((s) => {
    const deal = deals.get(s.dealId);
    return deal ? [deal.pmOwnerId, deal.ownerId].filter((id): id is string => !!id) : [];
  }));
  // A read of HubSpot made just before a privacy deletion may still list the contact: never write to them again.
  const forgotten = await deletedContacts(engine.db, [...new Set([...deals.values()].flatMap((d) => d.contactIds))]);
  const recipients = new Map(steps.map((s) => [s.id, recipientsOf(s, deals.get(s.dealId), forgotten)]));
  const contacts = await engine.hubspot.readContacts([...new Set([...recipients.values()].flat())]);
  const unsubscribed = await unsubscribedAmong(engine.db, [...contacts.keys()]);
  const now = engine.clock();
  for (const step of steps) {
    const deal = deals.get(step.dealId);
    if (!deal) continue;
    const facts = await readDealFacts(engine.db, deal, engine.playbook, now);
    const team = { pm: member(owners.get(deal.pmOwnerId ?? '')), rep: member(owners.get(deal.ownerId ?? '')) };
    await engine.db.transaction(async (tx) => {
      const routedAway = await routeProgress(tx, engine, step, facts, now);
      for (const contactId of recipients.get(step.id) ?? []) {
        await storeMessage(tx, { engine, mailer, step, facts, team, contactId, contact: contacts.get(contactId), unsubscribed: unsubscribed.has(contactId), givenUp: givenUp.get(step.id), now, routedAway });
      }
    });
  }
  return waiting;
}

function member(owner: Owner | undefined): TeamMember | null {
  const name = owner ? ownerName(owner) : null;
  return owner && name ? { name, email: owner.email } : null;
}

function recipientsOf(step: EmailStep, deal: DealSnapshot | undefined, forgotten: Set<string>): string[] {
  if (!deal) return [];
  const contacts: DealContact[] = deal.contactIds.filter((id) => !forgotten.has(id)).map((id) => ({ id, labels: deal.contactLabels?.[id] ?? [] }));
  return selectRecipients(step.payload.to ?? 'primary_contact', contacts);
}

interface MessageInput {
  engine: Engine;
  mailer: Mailer;
  step: EmailStep;
  facts: DealFacts;
  team: { pm: TeamMember | null; rep: TeamMember | null };
  contactId: string;
  contact: ContactForEmail | undefined;
  unsubscribed: boolean;
  /** Why an email that waited too long is not sent at all. */
  givenUp: string | undefined;
  now: number;
  /** Why this progress update does not go out as an email (the client's channel or cadence), if it does not. */
  routedAway: string | null;
}

async function storeMessage(tx: Queryable, i: MessageInput): Promise<void> {
  const { step, facts, contactId, mailer, now } = i;
  const key = messageKey(step.effectKey, contactId);
  const known = (EMAIL_TEMPLATES as readonly string[]).includes(step.payload.template);
  const template = step.payload.template as EmailTemplateName;
  const locale = contactLocale(i.contact?.language, i.engine.playbook.locale);
  const base: NewEmailMessage = {
    stepId: step.id, effectKey: step.effectKey, dealId: step.dealId, companyId: facts.companyId, contactId, template, locale,
    status: 'skipped', reason: null, messageId: `<${key}>`, fileName: outboxFileName(step.effectKey, contactId),
    marker: markerOf(`${step.effectKey}:${contactId}`), raw: null, logged: null, createdAt: now,
  };
  if (!known) return insertMessage(tx, { ...base, reason: `no template named "${step.payload.template}"` });
  if (i.givenUp) return insertMessage(tx, { ...base, reason: i.givenUp });
  // An introduction that cannot name the PM says nothing worth sending.
  if (template === 'pm-introduction' && !i.team.pm) return insertMessage(tx, { ...base, reason: 'the deal\'s project manager is not an owner HubSpot knows' });
  if (i.unsubscribed) return insertMessage(tx, { ...base, reason: 'unsubscribed' });
  if (i.routedAway) return insertMessage(tx, { ...base, reason: i.routedAway });
  if (template === 'before-and-after' && !facts.startingPoint) return insertMessage(tx, { ...base, reason: 'no starting point recorded at the handoff' });
  if (!i.contact?.email) return insertMessage(tx, { ...base, reason: i.contact ? 'no email address in HubSpot' : 'contact not found in HubSpot' });
  if (step.payload.toAddressHash && addressHash(i.contact.email) !== step.payload.toAddressHash) {
    return insertMessage(tx, { ...base, reason: 'the address typed on the client page is not this contact\'s' });
  }
  const secrets: string[] = [];
  let survey: SurveyLinks | null = null;
  if (step.payload.survey) {
    const touchpoint = step.payload.touchpoint ?? template;
    const request = await createFeedbackRequest(tx, {
      effectKey: step.effectKey, dealId: step.dealId, companyId: facts.companyId, contactId, survey: step.payload.survey,
      touchpoint, phase: facts.phase, locale, now, ttlMs: mailer.feedbackTokenTtlMs,
    });
    // Same transaction as the message: a request without its stored message cannot exist.
    if (!request) throw new Error(`a feedback request for step ${step.id} exists without its message; nothing was sent twice, check the store`);
    secrets.push(request.token);
    const url = `${mailer.publicBaseUrl}/feedback/${request.token}`;
    const { min, max } = SURVEY_SCALES[step.payload.survey];
    survey = { kind: step.payload.survey, touchpoint, url, scores: Array.from({ length: max - min + 1 }, (_, n) => ({ score: min + n, url: `${url}?score=${min + n}` })) };
  }
  // Every email carries the contact's current link to their page: a fresh one, stored as a hash with the message.
  const clientToken = await issueClientLink(tx, {
    dealId: step.dealId, contactId, locale, now, expiresAt: clientLinkExpiresAt(facts.dayZero, now, mailer.clientLinkGraceDays),
  });
  secrets.push(clientToken);
  const clientPageUrl = `${mailer.publicBaseUrl}/c/${clientToken}`;
  const unsubscribeToken = await createUnsubscribeToken(tx, contactId, locale, now);
  secrets.push(unsubscribeToken);
  const unsubscribeUrl = `${mailer.publicBaseUrl}/unsubscribe/${unsubscribeToken}`;
  const content = renderEmail(template, {
    locale, brand: mailer.brand, firstName: i.contact.firstName, companyName: facts.companyName, dealName: facts.dealName,
    phase: facts.knownPhase, onboardingDay: facts.onboardingDay, remorseType: facts.remorseType, handoffAccepted: facts.handoffAccepted,
    caseHistories: facts.caseHistories, startingPoint: facts.startingPoint, survey, unsubscribeUrl, clientPageUrl,
    accomplishOutcome: facts.accomplishOutcome, remorseTerms: facts.remorseTerms, team: i.team,
    ...(step.payload.clientTask ? { clientTask: { ...step.payload.clientTask, timezone: i.engine.playbook.timezone } } : {}),
    ...(template === 'milestone-update' ? { progress: { report: facts.progress, timezone: i.engine.playbook.timezone } } : {}),
  });
  const to = { address: i.contact.email, ...(fullName(i.contact) ? { name: fullName(i.contact) } : {}) };
  const raw = await composeMessage({ key, from: mailer.from, replyTo: mailer.replyTo, to, date: now, content, unsubscribeUrl });
  const mask = (s: string) => secrets.reduce((out, secret) => out.replaceAll(secret, 'link-for-the-client-only'), s);
  await insertMessage(tx, {
    ...base,
    status: 'rendered',
    messageId: raw.match(/^Message-ID:\s*(<[^>]+>)/im)?.[1] ?? base.messageId,
    raw,
    logged: {
      subject: content.subject, html: mask(content.html), text: mask(content.text),
      from: { email: mailer.from.address, ...(mailer.from.name ? { name: mailer.from.name } : {}) },
      to: { email: i.contact.email, ...(i.contact.firstName ? { firstName: i.contact.firstName } : {}), ...(i.contact.lastName ? { lastName: i.contact.lastName } : {}) },
    },
  });
}

function fullName(c: ContactForEmail): string {
  return [c.firstName, c.lastName].filter(Boolean).join(' ');
}
