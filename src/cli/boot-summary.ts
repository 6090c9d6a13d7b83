import type { Config } from '../config.js';
import { describeEmailTransport } from '../email/transport-description.js';

export interface BootFacts {
  version: string;
  dryRun: boolean;
  database: 'pglite' | 'postgres';
  /** Where this process listens, e.g. http://127.0.0.1:3000. */
  localUrl: string;
}

/** The URLs HubSpot calls, as the project in extensions/ must name them. */
export function hubspotCallUrls(publicBaseUrl: string): string[] {
  return [`${publicBaseUrl}/webhooks/hubspot`, `${publicBaseUrl}/api/cards/…`, `${publicBaseUrl}/api/workflow-actions/…`];
}

/** One line at boot that says how this server runs and what HubSpot must reach. Never a secret. */
export function bootSummary(config: Config, facts: BootFacts): string {
  const mode = facts.dryRun ? 'dry-run (nothing is written to HubSpot)' : `live on HubSpot account ${config.hubspot.portalId ?? '?'}`;
  const database = facts.database === 'postgres' ? 'PostgreSQL' : `embedded database in ${config.dataDir}`;
  const calls = config.publicBaseUrl ? `HubSpot must reach ${hubspotCallUrls(config.publicBaseUrl).join(', ')}` : 'no PUBLIC_BASE_URL: HubSpot cannot call this server';
  return `first100 ${facts.version}: ${mode}; ${database}; emails: ${describeEmailTransport(config.email)}; ${calls}; status at ${facts.localUrl}/`;
}
