import { Router } from 'express';
import type { Db } from '../store/db.js';

export function healthRouter(deps: { db: Db; dryRun: boolean }): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const database = await deps.db.query('SELECT 1').then(
      () => 'ok',
      () => 'unreachable',
    );
    res.status(database === 'ok' ? 200 : 503).json({
      status: database === 'ok' ? 'ready' : 'not ready',
      database,
      hubspot: deps.dryRun ? 'dry-run: nothing is written to HubSpot' : 'live',
    });
  });
  return router;
}
