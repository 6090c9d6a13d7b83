import { join } from 'node:path';
import { z } from 'zod';
import { SCHEDULE_SETTINGS, toScheduleConfig, type ScheduleConfig } from './config-schedules.js';

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

// A bare address or "Name <address>": nodemailer parses it; this only catches obvious mistakes early.
const EMAIL_ADDRESS = /^([^<>]*<[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+)$/;

const schema = z.object({
  HUBSPOT_ACCESS_TOKEN: optionalText,
  HUBSPOT_CLIENT_SECRET: optionalText,
  HUBSPOT_PORTAL_ID: optionalText.pipe(z.string().regex(/^\d+$/, 'HUBSPOT_PORTAL_ID is the numeric account id (Settings > Account details)').optional()),
  HUBSPOT_API_BASE_URL: httpUrl('HUBSPOT_API_BASE_URL').default('https://api.hubapi.com'),
  // Empty is unset: .env.example lists it with no value until first100 init fills it in.
  PUBLIC_BASE_URL: optionalText.pipe(httpUrl('PUBLIC_BASE_URL').optional()),
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
  ...SCHEDULE_SETTINGS,
  SMTP_URL: optionalText.pipe(
    z.string().regex(/^smtps?:\/\/[^\s/]+/, 'SMTP_URL must look like smtp://user:password@host:587 or smtps://host:465').optional(),
  ),
  EMAIL_TRANSPORT: optionalText.pipe(z.enum(['smtp', 'outbox'], { error: 'EMAIL_TRANSPORT must be "smtp" or "outbox"' }).optional()),
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
  CLIENT_LINK_GRACE_DAYS: z.coerce
    .number({ error: 'CLIENT_LINK_GRACE_DAYS must be a whole number of days' })
    .int()
    .min(0, 'CLIENT_LINK_GRACE_DAYS must be 0 or more')
    .max(365, 'CLIENT_LINK_GRACE_DAYS can be at most 365')
    .default(30),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

type Env = z.output<typeof schema>;

/** Every setting first100 reads (.env.example lists each one; a test keeps them in step). */
export const SETTING_NAMES = Object.keys(schema.shape);

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
  schedules: ScheduleConfig;
  email: {
    /** SMTP sends; the outbox only writes .eml files to `outboxDir`, and nobody receives them. */
    transport: 'smtp' | 'outbox';
    /** Set exactly when the transport is SMTP. */
    smtpUrl?: string;
    /** EMAIL_TRANSPORT=outbox: the outbox on purpose, not for want of SMTP_URL. */
    outboxChosen: boolean;
    outboxDir: string;
    from: string;
    replyTo?: string;
    brandName: string;
    brandColor: string;
    feedbackTokenTtlDays: number;
    /** A client page link works for the 100 days of onboarding plus this many days. */
    clientLinkGraceDays: number;
  };
  logLevel: Env['LOG_LEVEL'];
}

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(readonly problems: string[]) {
    super(`fix these settings (in the environment or in .env) and run it again:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/**
 * What a settings set is for decides which settings must come together: the server needs everything a live
 * token implies; `setup` only the token and the account; the other commands run (and report) with what is there.
 */
export type ConfigUse = 'server' | 'account' | 'tool';

/** Reads the settings from an environment; the only place that knows their names. */
export function loadConfig(env: Record<string, string | undefined> = process.env, use: ConfigUse = 'server'): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${String(i.path[0] ?? '?')}: ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  if (e.SMTP_URL && !e.EMAIL_FROM) {
    problems.push('EMAIL_FROM: required with SMTP_URL; it is the sender clients see, e.g. "Acme Onboarding <onboarding@acme.com>"');
  }
  if (e.EMAIL_TRANSPORT === 'smtp' && !e.SMTP_URL) problems.push('SMTP_URL: required with EMAIL_TRANSPORT=smtp, e.g. smtp://user:password@smtp.example.com:587');
  if (e.EMAIL_TRANSPORT === 'outbox' && e.SMTP_URL) problems.push('EMAIL_TRANSPORT: "outbox" keeps emails in DATA_DIR/outbox, but SMTP_URL is set too: remove one of them');
  if (problems.length > 0) throw new ConfigError(problems);
  const config = toConfig(e);
  const missing = requirementProblems(config, use);
  if (missing.length > 0) throw new ConfigError(missing);
  return config;
}

/** The settings a use needs together, each with what to do; `first100 doctor` reports the server's. */
export function requirementProblems(config: Config, use: ConfigUse): string[] {
  const { accessToken, clientSecret, portalId } = config.hubspot;
  const problems: string[] = [];
  if (use === 'account') {
    if (!accessToken) problems.push("HUBSPOT_ACCESS_TOKEN: required; copy it from the app's Auth tab in HubSpot (Development → your app → Auth)");
    if (!portalId) problems.push('HUBSPOT_PORTAL_ID: required, the account id the token must belong to (the number in your HubSpot URLs, or Settings → Account details)');
    return problems;
  }
  if (use !== 'server') return problems;
  if (accessToken && !clientSecret) {
    problems.push('HUBSPOT_CLIENT_SECRET: required with HUBSPOT_ACCESS_TOKEN, to verify that webhooks come from HubSpot (the app\'s Auth tab shows it)');
  }
  if (accessToken && !portalId) {
    problems.push('HUBSPOT_PORTAL_ID: required with HUBSPOT_ACCESS_TOKEN, so events of other accounts are ignored');
  }
  if (clientSecret && !config.publicBaseUrl) {
    problems.push('PUBLIC_BASE_URL: required with HUBSPOT_CLIENT_SECRET; it is the https URL HubSpot calls, and signatures are checked against it');
  }
  if (accessToken && config.email.transport === 'outbox' && !config.email.outboxChosen) {
    problems.push(
      'SMTP_URL: required with HUBSPOT_ACCESS_TOKEN, or the emails to your clients are only written to DATA_DIR/outbox and nobody receives them. ' +
        'Set SMTP_URL (smtp://user:password@smtp.example.com:587), or EMAIL_TRANSPORT=outbox to keep them in the outbox on purpose',
    );
  }
  return problems;
}

function toConfig(e: Env): Config {
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
    schedules: toScheduleConfig(e),
    email: {
      transport: e.SMTP_URL ? 'smtp' : 'outbox',
      outboxChosen: e.EMAIL_TRANSPORT === 'outbox',
      smtpUrl: e.SMTP_URL,
      outboxDir: join(e.DATA_DIR, 'outbox'),
      from: e.EMAIL_FROM ?? `${e.EMAIL_BRAND_NAME} <first100@localhost.invalid>`,
      replyTo: e.EMAIL_REPLY_TO,
      brandName: e.EMAIL_BRAND_NAME,
      brandColor: e.EMAIL_BRAND_COLOR,
      feedbackTokenTtlDays: e.FEEDBACK_TOKEN_TTL_DAYS,
      clientLinkGraceDays: e.CLIENT_LINK_GRACE_DAYS,
    },
    logLevel: e.LOG_LEVEL,
  };
}

/**
 * Reads a `.env` file (KEY=value lines) into the environment with Node's own parser; a variable already set in
 * the environment wins over the file. A missing file is no error: everything can come from the environment.
 * ENV_FILE names another file (tests and tools that must not read the admin's `.env` point it at /dev/null).
 */
export function loadEnvFile(path = process.env.ENV_FILE || '.env'): boolean {
  try {
    process.loadEnvFile(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new ConfigError([`${path}: cannot be read (${(error as Error).message}); fix or remove it`]);
  }
}
