import { Router } from 'express';
import type { Db } from '../store/db.js';
import { blocksReadiness, type CheckedToken } from './hubspot-readiness.js';

export interface HealthDeps {
  db: Db;
  dryRun: boolean;
  /** The access token's check (cached, with a deadline); absent in dry-run. */
  checkHubSpotToken?: () => Promise<CheckedToken>;
}

export function healthRouter(deps: HealthDeps): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const [database, hubspot] = await Promise.all([
      deps.db.query('SELECT 1').then(
        () => 'ok',
        () => 'unreachable',
      ),
      hubspotState(deps),
    ]);
    const ready = database === 'ok' && !hubspot.blocks;
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', database, hubspot: hubspot.report });
  });
  return router;
}

async function hubspotState(deps: HealthDeps): Promise<{ report: { state: string; detail: string; checkedAt?: string }; blocks: boolean }> {
  if (deps.dryRun) return { report: { state: 'dry-run', detail: 'no access token: nothing is written to HubSpot' }, blocks: false };
  if (!deps.checkHubSpotToken) return { report: { state: 'unchecked', detail: 'this server was started without a token check' }, blocks: false };
  const checked = await deps.checkHubSpotToken();
  return { report: { state: checked.state, detail: checked.detail, checkedAt: new Date(checked.checkedAt).toISOString() }, blocks: blocksReadiness(checked) };
}
