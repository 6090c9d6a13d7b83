import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import type { Config } from '../config.js';
import { describeEmailTransport } from '../email/transport-description.js';
import type { CheckResult } from './doctor-checks.js';
import { describeNetworkFailure } from './network-failure.js';

/** Connects, says EHLO, upgrades to TLS when offered and logs in, as sending would; sends nothing. */
export type SmtpVerifier = (smtpUrl: string) => Promise<void>;

export function verifySmtp(timeoutMs = 10_000): SmtpVerifier {
  return async (smtpUrl) => {
    const transporter = nodemailer.createTransport({ url: smtpUrl, connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs } as SMTPTransport.Options);
    try {
      await transporter.verify();
    } finally {
      transporter.close();
    }
  };
}

/** Emails must reach clients, from a sender with your name on it. */
export async function checkEmail(config: Config, verify: SmtpVerifier): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  const { email } = config;
  if (email.transport === 'smtp' && email.smtpUrl) {
    try {
      await verify(email.smtpUrl);
      results.push({ check: 'email', status: 'ok', detail: `${describeEmailTransport(email)} accepts the connection and the login` });
    } catch (error) {
      results.push({ check: 'email', status: 'fail', detail: `${describeEmailTransport(email)}: ${smtpProblem(error, email.smtpUrl)}` });
    }
  } else if (config.hubspot.accessToken) {
    results.push({ check: 'email', status: email.outboxChosen ? 'warn' : 'fail', detail: `${describeEmailTransport(email)}; set SMTP_URL to send them to your clients` });
  } else {
    results.push({ check: 'email', status: 'ok', detail: `dry-run: ${describeEmailTransport(email)}` });
  }
  if (email.brandName === 'first100') {
    results.push({
      check: 'email brand',
      status: 'warn',
      detail: 'EMAIL_BRAND_NAME is still "first100": clients would read "Welcome to first100". Set it to your company\'s name (first100 init asks for it)',
    });
  }
  return results;
}

function smtpProblem(error: unknown, smtpUrl: string): string {
  const e = error as Error & { code?: string; responseCode?: number; response?: string };
  if (e.code === 'EAUTH') return `the server refused the user name or password in SMTP_URL (${e.response ?? e.message})`;
  if (e.code === 'EDNS') return describeNetworkFailure(Object.assign(new Error(e.message), { code: 'ENOTFOUND' }), httpLike(smtpUrl));
  if (e.code === 'ETIMEDOUT') return describeNetworkFailure(Object.assign(new Error(e.message), { code: 'ETIMEDOUT' }), httpLike(smtpUrl));
  const inner = e.message.match(/\b(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ECONNRESET|EHOSTUNREACH|ETIMEDOUT)\b/)?.[1];
  if (inner) return describeNetworkFailure(Object.assign(new Error(e.message), { code: inner }), httpLike(smtpUrl));
  if (/certificate|self.signed|SSL|TLS/i.test(e.message)) return `certificate: ${e.message}; use the host name the certificate names, or the provider's TLS port`;
  return `${e.code ? `${e.code}: ` : ''}${e.message}`;
}

/** describeNetworkFailure names hosts from a URL; an smtp:// URL parses the same way. */
function httpLike(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  return `https://${url.host}`;
}
