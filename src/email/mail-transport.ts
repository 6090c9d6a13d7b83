import { access, mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';

export interface OutgoingMessage {
  fileName: string;
  envelope: { from: string; to: string };
  raw: string;
}

/** Whether a message reached the server, as far as we can tell. */
export type Delivery = 'delivered' | 'not-delivered' | 'unknown';

/** A refusal or failure of one send; `delivery` says whether the message may have gone out anyway. */
export class MailSendError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly delivery: 'not-delivered' | 'unknown',
    /** The server refused it for good (5xx): another attempt would be refused too. */
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

export interface MailTransport {
  readonly kind: 'outbox' | 'smtp';
  send(message: OutgoingMessage): Promise<void>;
  /** After a crash mid-send: did the message go out? The outbox can tell; SMTP cannot. */
  delivered(fileName: string): Promise<Delivery>;
  close(): void;
}

/** Writes each message as an .eml file; the rename makes it appear whole or not at all. */
export function createOutboxTransport(dir: string): MailTransport {
  return {
    kind: 'outbox',
    async send(m) {
      await mkdir(dir, { recursive: true });
      const target = join(dir, m.fileName);
      await writeFile(`${target}.tmp`, m.raw, { mode: 0o600 });
      await rename(`${target}.tmp`, target);
    },
    async delivered(fileName) {
      return access(join(dir, fileName)).then(
        () => 'delivered',
        () => 'not-delivered',
      );
    },
    close() {},
  };
}

// Failures before the server could have accepted the message: nothing went out.
const NOT_SENT_CODES = new Set(['ECONNECTION', 'EDNS', 'EAUTH', 'ETLS', 'EENVELOPE', 'ENOAUTH', 'ESOCKET_CONNECT']);

/** Sends through an SMTP server (SMTP_URL). SMTP has no idempotency: a send in doubt is never repeated. */
export function createSmtpTransport(url: string, timeoutMs = 30_000): MailTransport {
  const transporter = nodemailer.createTransport({ url, connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs } as SMTPTransport.Options);
  return {
    kind: 'smtp',
    async send(m) {
      try {
        await transporter.sendMail({ envelope: { from: m.envelope.from, to: [m.envelope.to] }, raw: m.raw });
      } catch (error) {
        throw classify(error as Error & { code?: string; responseCode?: number; command?: string });
      }
    },
    async delivered() {
      return 'unknown';
    },
    close() {
      transporter.close();
    },
  };
}

function classify(e: Error & { code?: string; responseCode?: number; command?: string }): MailSendError {
  const code = e.code ?? 'ESMTP';
  // The server answered with a refusal: it did not take the message (4xx: later, 5xx: never).
  if (typeof e.responseCode === 'number' && e.responseCode >= 400) {
    return new MailSendError(code, `the SMTP server refused the message (${e.responseCode}); check SMTP_URL and the sender address`, 'not-delivered', e.responseCode >= 500);
  }
  if (NOT_SENT_CODES.has(code) || e.command === 'CONN') {
    return new MailSendError(code, `could not reach the SMTP server (${code}); check SMTP_URL`, 'not-delivered', false);
  }
  return new MailSendError(code, `the SMTP conversation broke off (${code}): the message may or may not have been delivered`, 'unknown', false);
}
