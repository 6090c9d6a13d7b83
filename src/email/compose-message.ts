import { createHash } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import addressparser from 'nodemailer/lib/addressparser/index.js';
import type { RenderedEmail } from './template-types.js';

/** The short hash that names one message (a step's effect key and a contact): file name, Message-ID and marker. */
export function messageKey(effectKey: string, contactId: string): string {
  return createHash('sha256').update(`${effectKey}\u0000${contactId}`).digest('hex').slice(0, 32);
}

/** Outbox file name: a hash, so the name carries no personal data and a retry finds the same file. */
export function outboxFileName(effectKey: string, contactId: string): string {
  return `${messageKey(effectKey, contactId)}.eml`;
}

export interface Address {
  name?: string;
  address: string;
}

/** Parses "Name <address>" or a bare address (EMAIL_FROM, EMAIL_REPLY_TO). */
export function parseAddress(value: string): Address {
  const [first] = addressparser(value) as { name?: string; address?: string }[];
  if (!first?.address) throw new Error(`"${value}" is not an email address`);
  return first.name ? { name: first.name, address: first.address } : { address: first.address };
}

export interface MessageToCompose {
  key: string;
  from: Address;
  replyTo?: Address;
  to: Address;
  date: number;
  content: RenderedEmail;
  unsubscribeUrl: string;
}

/**
 * The full RFC 5322 message, built once and stored: a retry sends these exact bytes. The Message-ID is
 * deterministic, and the List-Unsubscribe headers give mail clients RFC 8058 one-click unsubscribe.
 */
export async function composeMessage(m: MessageToCompose): Promise<string> {
  const domain = m.from.address.split('@')[1] ?? 'first100.invalid';
  const composer = new MailComposer({
    from: m.from,
    ...(m.replyTo ? { replyTo: m.replyTo } : {}),
    to: m.to,
    subject: m.content.subject,
    text: m.content.text,
    html: m.content.html,
    date: new Date(m.date),
    messageId: `<${m.key}@${domain}>`,
    headers: {
      'List-Unsubscribe': `<${m.unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'Auto-Submitted': 'auto-generated',
    },
  });
  const raw = await composer.compile().build();
  return raw.toString('utf8');
}
