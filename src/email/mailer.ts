import type { Config } from '../config.js';
import { parseAddress, type Address } from './compose-message.js';
import { createOutboxTransport, createSmtpTransport, type MailTransport } from './mail-transport.js';
import type { Brand } from './template-types.js';

/** What the email jobs need to write and send messages, passed in explicitly. */
export interface Mailer {
  transport: MailTransport;
  from: Address;
  replyTo?: Address;
  brand: Brand;
  /** Where survey and unsubscribe links point: PUBLIC_BASE_URL, or the local server in the embedded demo. */
  publicBaseUrl: string;
  feedbackTokenTtlMs: number;
  /** Client page links last the onboarding plus this many days (CLIENT_LINK_GRACE_DAYS). */
  clientLinkGraceDays: number;
  outboxDir: string;
}

/** SMTP when SMTP_URL is set, else the outbox folder in the data directory. */
export function createMailer(settings: Config['email'], publicBaseUrl: string, transport?: MailTransport): Mailer {
  return {
    transport: transport ?? (settings.smtpUrl ? createSmtpTransport(settings.smtpUrl) : createOutboxTransport(settings.outboxDir)),
    from: parseAddress(settings.from),
    ...(settings.replyTo ? { replyTo: parseAddress(settings.replyTo) } : {}),
    brand: { name: settings.brandName, color: settings.brandColor },
    publicBaseUrl: publicBaseUrl.replace(/\/+$/, ''),
    feedbackTokenTtlMs: settings.feedbackTokenTtlDays * 24 * 60 * 60 * 1000,
    clientLinkGraceDays: settings.clientLinkGraceDays,
    outboxDir: settings.outboxDir,
  };
}
