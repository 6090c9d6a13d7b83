import cron from 'node-cron';
import { join } from 'node:path';
import { z } from 'zod';

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const httpUrl = (what: string) =>
  z
    .string()
    .trim()
    .refine((v) => /^https?:\/\/[^\s/]+/.test(v) && URL.canParse(v), `${what} must be an absolute http(s) URL`)
    .transform((v) => v.replace(/\/+$/, ''));

const cronExpression = (name: string) =>
  z
    .string()
    .trim()
    .refine((v) => cron.validate(v), `${name} must be a cron expression such as "0 8 * * *" (minute hour day month weekday, optional seconds first), in the playbook's time zone`);
// A bare address or "Name <address>": nodemailer parses it; this only catches obvious mistakes early.
const EMAIL_ADDRESS = /^([^<>]*<[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+)$/;

const schema = z.object({
  HUBSPOT_ACCESS_TOKEN: optionalText,
  HUBSPOT_CLIENT_SECRET: optionalText,
  HUBSPOT_PORTAL_ID: optionalText.pipe(z.string().regex(/^\d+$/, 'HUBSPOT_PORTAL_ID is the numeric account id (Settings > Account details)').optional()),
  HUBSPOT_API_BASE_URL: httpUrl('HUBSPOT_API_BASE_URL').default('https://api.hubapi.com'),
  PUBLIC_BASE_URL: httpUrl('PUBLIC_BASE_URL').optional(),
  PORT: z.coerce.number({ error: 'PORT must be a TCP port number, 0-65535' }).int().min(0).max(65535, 'PORT must be a TCP port number, 0-65535').default(3000),
  DATABASE_URL: optionalText.pipe(
    z.string().regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://').optional(),
  ),
  DATA_DIR: z.string().trim().min(1).default('./.data'),
  PLAYBOOK: z.string().trim().min(1).default('playbooks/default.en.yml'),
  HUBSPOT_CALLS_PER_10S: z.coerce
    .number({ error: 'HUBSPOT_CALLS_PER_10S must be a whole number of calls' })
    .int()
    .min(1, 'HUBSPOT_CALLS_PER_10S must be at least 1')
    .max(250, 'HUBSPOT_CALLS_PER_10S cannot exceed 250, the most HubSpot allows any app')
    .default(90),
  HUBSPOT_CALLS_PER_DAY: z.coerce
    .number({ error: 'HUBSPOT_CALLS_PER_DAY must be a whole number of calls' })
    .int()
    .min(1, 'HUBSPOT_CALLS_PER_DAY must be at least 1')
    .default(200_000),
  TRUST_PROXY: optionalText.pipe(
    z
      .string()
      .regex(
        /^(\d{1,2}|(loopback|linklocal|uniquelocal|[0-9a-fA-F:.]+(\/\d{1,3})?)(\s*,\s*(loopback|linklocal|uniquelocal|[0-9a-fA-F:.]+(\/\d{1,3})?))*)$/,
        'TRUST_PROXY is how many proxies stand in front of first100 (e.g. 1), or their addresses (e.g. "loopback" or "10.0.0.0/8, 192.168.1.5")',
      )
      .optional(),
  ),
  SCHEDULES: z.enum(['on', 'off'], { error: 'SCHEDULES must be "on" or "off"' }).default('on'),
  // Silence is judged once a day before work starts; missed webhooks are caught within minutes; checkpoints daily.
  SCHEDULE_SILENT_SWEEP: cronExpression('SCHEDULE_SILENT_SWEEP').default('0 8 * * *'),
  SCHEDULE_RECONCILIATION: cronExpression('SCHEDULE_RECONCILIATION').default('*/10 * * * *'),
  SCHEDULE_CHECKPOINTS: cronExpression('SCHEDULE_CHECKPOINTS').default('30 7 * * *'),
  SMTP_URL: optionalText.pipe(
    z.string().regex(/^smtps?:\/\/[^\s/]+/, 'SMTP_URL must look like smtp://user:password@host:587 or smtps://host:465').optional(),
  ),
  EMAIL_FROM: optionalText.pipe(z.string().regex(EMAIL_ADDRESS, 'EMAIL_FROM must be an address, optionally with a name: "Acme <hello@acme.com>"').optional()),
  EMAIL_REPLY_TO: optionalText.pipe(z.string().regex(EMAIL_ADDRESS, 'EMAIL_REPLY_TO must be an address, optionally with a name').optional()),
  EMAIL_BRAND_NAME: z.string().trim().min(1).max(80, 'EMAIL_BRAND_NAME: at most 80 characters').default('first100'),
  EMAIL_BRAND_COLOR: z.string().trim().regex(/^#[0-9a-fA-F]{6}$/, 'EMAIL_BRAND_COLOR must be a hex colour such as #1f6feb').default('#1f6feb'),
  FEEDBACK_TOKEN_TTL_DAYS: z.coerce
    .number({ error: 'FEEDBACK_TOKEN_TTL_DAYS must be a whole number of days' })
    .int()
    .min(1, 'FEEDBACK_TOKEN_TTL_DAYS must be at least 1')
    .max(365, 'FEEDBACK_TOKEN_TTL_DAYS can be at most 365')
    .default(60),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

type Env = z.output<typeof schema>;

export interface Config {
  hubspot: {
    /** Absent: dry-run, nothing is written to HubSpot. */
    accessToken?: string;
    clientSecret?: string;
    portalId?: string;
    apiBaseUrl: string;
    callsPer10s: number;
    callsPerDay: number;
  };
  publicBaseUrl?: string;
  port: number;
  databaseUrl?: string;
  dataDir: string;
  playbookPath: string;
  /** Which proxies' X-Forwarded-For to believe for the client's address: false (none), a hop count, or their addresses. */
  trustProxy: false | number | string;
  /** The scheduled sweeps: when each runs (cron, in the playbook's time zone), or off for this process. */
  schedules: {
    enabled: boolean;
    silentClientSweep: string;
    reconciliationSweep: string;
    checkpointSweep: string;
  };
  email: {
    /** Absent: messages are written as .eml files to `outboxDir` instead of being sent. */
    smtpUrl?: string;
    outboxDir: string;
    from: string;
    replyTo?: string;
    brandName: string;
    brandColor: string;
    feedbackTokenTtlDays: number;
  };
  logLevel: Env['LOG_LEVEL'];
}

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(readonly problems: string[]) {
    super(`first100 cannot start: fix these settings (environment variables) and start again:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Reads the settings from an environment; the only place that knows their names. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${String(i.path[0] ?? '?')}: ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  if (e.HUBSPOT_ACCESS_TOKEN && !e.HUBSPOT_CLIENT_SECRET) {
    problems.push('HUBSPOT_CLIENT_SECRET: required with HUBSPOT_ACCESS_TOKEN, to verify that webhooks come from HubSpot (the app\'s Auth tab shows it)');
  }
  if (e.HUBSPOT_ACCESS_TOKEN && !e.HUBSPOT_PORTAL_ID) {
    problems.push('HUBSPOT_PORTAL_ID: required with HUBSPOT_ACCESS_TOKEN, so events of other accounts are ignored');
  }
  if (e.HUBSPOT_CLIENT_SECRET && !e.PUBLIC_BASE_URL) {
    problems.push('PUBLIC_BASE_URL: required with HUBSPOT_CLIENT_SECRET; it is the https URL HubSpot calls, and signatures are checked against it');
  }
  if (e.SMTP_URL && !e.EMAIL_FROM) {
    problems.push('EMAIL_FROM: required with SMTP_URL; it is the sender clients see, e.g. "Acme Onboarding <onboarding@acme.com>"');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    hubspot: {
      accessToken: e.HUBSPOT_ACCESS_TOKEN,
      clientSecret: e.HUBSPOT_CLIENT_SECRET,
      portalId: e.HUBSPOT_PORTAL_ID,
      apiBaseUrl: e.HUBSPOT_API_BASE_URL,
      callsPer10s: e.HUBSPOT_CALLS_PER_10S,
      callsPerDay: e.HUBSPOT_CALLS_PER_DAY,
    },
    publicBaseUrl: e.PUBLIC_BASE_URL,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    playbookPath: e.PLAYBOOK,
    trustProxy: e.TRUST_PROXY === undefined ? false : /^\d+$/.test(e.TRUST_PROXY) ? Number(e.TRUST_PROXY) : e.TRUST_PROXY,
    schedules: {
      enabled: e.SCHEDULES === 'on',
      silentClientSweep: e.SCHEDULE_SILENT_SWEEP,
      reconciliationSweep: e.SCHEDULE_RECONCILIATION,
      checkpointSweep: e.SCHEDULE_CHECKPOINTS,
    },
    email: {
      smtpUrl: e.SMTP_URL,
      outboxDir: join(e.DATA_DIR, 'outbox'),
      from: e.EMAIL_FROM ?? `${e.EMAIL_BRAND_NAME} <first100@localhost.invalid>`,
      replyTo: e.EMAIL_REPLY_TO,
      brandName: e.EMAIL_BRAND_NAME,
      brandColor: e.EMAIL_BRAND_COLOR,
      feedbackTokenTtlDays: e.FEEDBACK_TOKEN_TTL_DAYS,
    },
    logLevel: e.LOG_LEVEL,
  };
}
