import type { Config } from '../config.js';

/** Where emails go, said without the SMTP user or password: the boot line, the status page, doctor. */
export function describeEmailTransport(email: Config['email']): string {
  if (email.transport === 'smtp' && email.smtpUrl) {
    const url = new URL(email.smtpUrl);
    return `SMTP via ${url.hostname}:${url.port || (url.protocol === 'smtps:' ? '465' : '587')}`;
  }
  return `outbox only (${email.outboxDir}): emails are written there as files and nobody receives them`;
}
