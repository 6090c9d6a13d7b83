import type { Logger } from 'pino';
import type { BusinessCalendar } from '../domain/business-calendar.js';
import type { Playbook } from '../domain/playbook-schema.js';
import type { Mailer } from '../email/mailer.js';
import type { HubSpotPort } from '../hubspot/hubspot-port.js';
import type { Db } from '../store/db.js';
import type { IngestGate } from './ingest-gate.js';

export interface EngineSettings {
  /** Stage changes handled together: their deals are read in shared batch calls. */
  batchSize: number;
  /** Steps claimed together: their tasks and updates share batch calls. */
  stepBatchSize: number;
  /** How long a claimed row is ours; after it, another worker takes it over as "in doubt". */
  leaseMs: number;
  maxAttempts: number;
}

export const DEFAULT_ENGINE_SETTINGS: EngineSettings = { batchSize: 100, stepBatchSize: 500, leaseMs: 60_000, maxAttempts: 10 };

/** Everything the onboarding jobs need, passed in explicitly. */
export interface Engine {
  db: Db;
  hubspot: HubSpotPort;
  playbook: Playbook;
  calendar: BusinessCalendar;
  clock: () => number;
  log: Logger;
  settings: EngineSettings;
  /** Webhook acknowledgements go before the worker's next unit of work. */
  gate: IngestGate;
  /** Sends the playbook's emails; without it email steps wait. */
  mail?: Mailer;
}
