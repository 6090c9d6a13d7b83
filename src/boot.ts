import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import { createLogger } from './logger.js';
import { describeEmailTransport } from './email/transport-description.js';
import { VERSION } from './version.js';
import { createBusinessCalendar } from './domain/business-calendar.js';
import { parsePlaybook } from './domain/playbook-loader.js';
import type { Playbook } from './domain/playbook-schema.js';
import { createHubSpotAdapter } from './hubspot/create-hubspot-adapter.js';
import { createCallBudget, createCallBudgetTry } from './hubspot/call-budget.js';
import { createDryRunAdapter } from './hubspot/dry-run-adapter.js';
import type { HubSpotPort } from './hubspot/hubspot-port.js';
import type { RetryPolicy } from './hubspot/hubspot-http.js';
import { DEFAULT_ENGINE_SETTINGS, type Engine, type EngineSettings } from './jobs/engine.js';
import { createIngestGate } from './jobs/ingest-gate.js';
import { createMailer } from './email/mailer.js';
import type { MailTransport } from './email/mail-transport.js';
import { forgetDeletedContacts } from './jobs/privacy/forget-deleted-contacts.js';
import { createWorker, type Worker, type WorkerTiming } from './jobs/worker.js';
import { createCheckpointSweep } from './jobs/schedules/checkpoint-sweep.js';
import { createClientTaskSweep } from './jobs/schedules/client-task-sweep.js';
import { createReconciliationSweep } from './jobs/schedules/reconciliation-sweep.js';
import type { JobName, ScheduledJob } from './jobs/schedules/scheduled-job.js';
import { createSilentClientSweep } from './jobs/schedules/silent-client-sweep.js';
import { createHealthSweep } from './jobs/schedules/health-sweep.js';
import { createOwnersRefresh } from './jobs/schedules/owners-refresh.js';
import { startSchedules, type RunningSchedules } from './jobs/schedules/start-schedules.js';
import { createApp } from './server/create-app.js';
import { cachedTokenCheck } from './server/hubspot-readiness.js';
import { settingsSources } from './server/settings-sources.js';
import { probeToken } from './hubspot/token-probe.js';
import { openDb, type Db } from './store/db.js';
import { migrate } from './store/migrations.js';
import { recordWatchStart } from './store/schedule-store.js';
import { takeOverOrphanedWork } from './store/take-over-work.js';

export interface BootOptions {
  log?: Logger;
  clock?: () => number;
  /** Replaces the adapter chosen from the config (demo sample deals). */
  hubspot?: HubSpotPort;
  retry?: RetryPolicy;
  /** How long a HubSpot call may take before it counts as unanswered. */
  hubspotTimeoutMs?: number;
  engine?: Partial<EngineSettings>;
  worker?: WorkerTiming;
  /** Replaces the transport chosen from the config (tests). */
  mailTransport?: MailTransport;
  /** Start the background worker (default true). */
  startWorker?: boolean;
  /** Start the cron timers (default: when the worker starts and SCHEDULES is on); tests run ticks directly. */
  startSchedules?: boolean;
  /** Where the HubSpot project lives, for the settings page's checks (default: this repository). */
  projectDir?: string;
  /** How the settings page's checks reach URLs (tests). */
  fetch?: typeof fetch;
}

export interface Running {
  url: string;
  server: Server;
  db: Db;
  engine: Engine;
  worker: Worker;
  /** The scheduled jobs, whether or not their timers run: `runTick(engine, job, tickAt)` runs one tick. */
  jobs: Record<JobName, ScheduledJob>;
  stop(): Promise<void>;
}

/** /readyz asks HubSpot about the token at most every 30 s, and waits at most 2 s for the answer. */
const TOKEN_CHECK = { ttlMs: 30_000, timeoutMs: 2_000 };

function tokenCheck(config: Config, hubspot: HubSpotPort, clock: () => number) {
  const accessToken = config.hubspot.accessToken;
  if (hubspot.dryRun || !accessToken) return undefined;
  return cachedTokenCheck(() => probeToken({ apiBaseUrl: config.hubspot.apiBaseUrl, accessToken, timeoutMs: TOKEN_CHECK.timeoutMs }), clock, TOKEN_CHECK.ttlMs);
}

export async function loadPlaybookFile(path: string): Promise<Playbook> {
  return parsePlaybook(await readFile(path, 'utf8'), path);
}

/** Opens the store, wires the engine and serves HTTP on the configured port. */
export async function boot(config: Config, options: BootOptions = {}): Promise<Running> {
  const log = options.log ?? createLogger(config.logLevel, { pretty: false });
  const clock = options.clock ?? Date.now;
  const playbook = await loadPlaybookFile(config.playbookPath);
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(db);
    await recordWatchStart(db, clock());
    const orphaned = db.kind === 'pglite' ? await takeOverOrphanedWork(db, clock()) : 0;
    if (orphaned > 0) log.info({ orphaned }, 'took over the work a stopped process had claimed');
  } catch (error) {
    await db.close();
    throw error;
  }
  const budget = { db, per10s: config.hubspot.callsPer10s, perDay: config.hubspot.callsPerDay, timezone: playbook.timezone };
  const port =
    options.hubspot ??
    (config.hubspot.accessToken
      ? createHubSpotAdapter({
          accessToken: config.hubspot.accessToken,
          apiBaseUrl: config.hubspot.apiBaseUrl,
          callsPer10s: config.hubspot.callsPer10s,
          retry: options.retry,
          timeoutMs: options.hubspotTimeoutMs,
          acquire: await createCallBudget(budget),
          tryCall: await createCallBudgetTry(budget),
        })
      : createDryRunAdapter());
  const hubspot = forgetDeletedContacts(port, db);
  const gate = createIngestGate();
  const engine: Engine = {
    db,
    hubspot,
    playbook,
    calendar: createBusinessCalendar(playbook),
    clock,
    log,
    settings: { ...DEFAULT_ENGINE_SETTINGS, ...options.engine },
    gate,
  };
  const worker = createWorker(engine, options.worker);
  const kick = () => worker.kick();
  const jobs: Record<JobName, ScheduledJob> = {
    'silent-client-sweep': createSilentClientSweep(engine, kick),
    // Without a portal id (dry-run) the search finds nothing, so the id recorded does not matter.
    'reconciliation-sweep': createReconciliationSweep(engine, kick, { portalId: config.hubspot.portalId ?? '0' }),
    'checkpoint-sweep': createCheckpointSweep(engine, kick),
    'health-sweep': createHealthSweep(engine, kick),
    'client-task-sweep': createClientTaskSweep(engine, kick),
    'owners-refresh': createOwnersRefresh(engine),
  };
  const app = createApp({
    db,
    log,
    clock,
    dryRun: hubspot.dryRun,
    clientSecret: config.hubspot.clientSecret,
    publicBaseUrl: config.publicBaseUrl,
    portalId: config.hubspot.portalId,
    trustProxy: config.trustProxy,
    status: { version: VERSION, email: describeEmailTransport(config.email) },
    checkHubSpotToken: tokenCheck(config, hubspot, clock),
    onStored: () => worker.kick(),
    gate,
    engine,
    settings: settingsSources({
      config,
      hubspot: hubspot.dryRun ? undefined : hubspot,
      projectDir: options.projectDir ?? fileURLToPath(new URL('..', import.meta.url)),
      fetch: options.fetch,
    }),
  });
  // Node checks these timeouts every connectionsCheckingInterval (30 s by default): a client trickling its
  // headers would hold a connection for 35 s. The body has its own deadline (verify-hubspot-request).
  const server = createServer({ requestTimeout: 10_000, headersTimeout: 5_000, connectionsCheckingInterval: 1_000 }, app);
  // A listen error (port taken) leaves the server not listening at all: close the database and say so.
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject).listen(config.port, () => resolve());
  }).catch(async (error: unknown) => {
    await db.close();
    throw error;
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Without PUBLIC_BASE_URL (the embedded demo), links in emails point at this local server.
  engine.mail = createMailer(config.email, config.publicBaseUrl ?? url, options.mailTransport);
  if (options.startWorker !== false) worker.start();
  let schedules: RunningSchedules | undefined;
  if (options.startSchedules ?? (options.startWorker !== false && config.schedules.enabled)) {
    schedules = startSchedules(engine, Object.values(jobs), {
      'silent-client-sweep': config.schedules.silentClientSweep,
      'reconciliation-sweep': config.schedules.reconciliationSweep,
      'checkpoint-sweep': config.schedules.checkpointSweep,
      'health-sweep': config.schedules.healthSweep,
      'client-task-sweep': config.schedules.clientTaskSweep,
      'owners-refresh': config.schedules.ownersRefresh,
    });
  }
  log.info({ url, dryRun: hubspot.dryRun, database: db.kind, playbook: playbook.name }, 'first100 is listening');
  return {
    url,
    server,
    db,
    engine,
    worker,
    jobs,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await schedules?.stop();
      await worker.stop();
      engine.mail?.transport.close();
      await db.close();
    },
  };
}
