import { Router, type Request } from 'express';
import { z } from 'zod';
import { toLocale } from '../domain/locale.js';
import { computeAnalyticsFigures } from '../jobs/analytics/analytics-figures.js';
import { createStoredAnalytics } from '../jobs/analytics/stored-analytics.js';
import type { Engine } from '../jobs/engine.js';
import { analyticsView, RANGES, type RangeDays } from './analytics-view.js';
import { mineFilter } from '../domain/portfolio.js';
import { ownerNames } from '../domain/owner-name.js';
import { ownerIdOfUser, readStoredOwners } from '../store/owner-store.js';
import { cardAuth, type CardAuthDeps, type CardCaller } from './card-auth.js';
import { HttpError } from './http-error.js';
import { portfolioView } from './portfolio-view.js';
import { settingsView, type SettingsSources } from './settings-view.js';

export interface PageRouteDeps extends CardAuthDeps {
  engine: Engine;
  /** Absent: the settings page answers 503 and says the server was started without them. */
  settings?: SettingsSources;
}

/** A page of deals stays far under hubspot.fetch's 1 MB answer limit (about 1 kB a deal). */
export const MAX_PAGE_SIZE = 200;
const DEFAULT_PAGE_SIZE = 50;

const id = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'letters, digits, - or _');
const portfolioQuery = z.object({
  pm: id.optional(),
  phase: id.optional(),
  health: id.optional(),
  pipeline: id.optional(),
  mine: z.enum(['true', 'false'], { error: 'mine is "true" or "false"' }).optional(),
  start: z.coerce.number().int().min(0).max(1_000_000).default(0),
  size: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
});
const analyticsQuery = z.object({
  range: z.coerce.number().refine((n): n is RangeDays => (RANGES as readonly number[]).includes(n), `range is one of ${RANGES.join(', ')} (days)`).default(90),
});

/**
 * The app pages' backend (portfolio, analytics, settings), reached only through hubspot.fetch and verified exactly
 * as the cards' requests are (cardAuth). Reads come from first100's store, never one HubSpot call per deal.
 */
export function pageRouter(deps: PageRouteDeps): Router {
  const router = Router();
  const { engine } = deps;
  const analytics = createStoredAnalytics({
    db: engine.db,
    clock: engine.clock,
    timezone: engine.calendar.timezone,
    compute: (rangeDays, asOf) => computeAnalyticsFigures(engine.db, engine.calendar, rangeDays, asOf),
  });
  router.use('/api/pages', ...cardAuth(deps));

  router.get('/api/pages/portfolio', async (req, res) => {
    const { mine, ...q } = parseQuery(portfolioQuery, req);
    // "My onboardings": the signed user's owner, from HubSpot's owners as first100 stored them.
    const me = await ownerIdOfUser(deps.engine.db, (res.locals.caller as CardCaller).userId);
    res.json(await portfolioView(deps.engine, { ...q, ...mineFilter(mine === 'true', me) }, toLocale(queryOf(req).get('locale')), me));
  });

  router.get('/api/pages/analytics', async (req, res) => {
    const q = parseQuery(analyticsQuery, req);
    const stored = await analytics.figures(q.range as RangeDays);
    const pms = await readStoredOwners(engine.db, stored.figures.onTime.byPm.map((r) => r.key).filter(Boolean));
    res.json(analyticsView(stored, toLocale(queryOf(req).get('locale')), engine.calendar.timezone, ownerNames(pms)));
  });

  router.get('/api/pages/settings', async (_req, res) => {
    if (!deps.settings) throw new HttpError(503, 'SETTINGS_UNAVAILABLE', 'this server was started without its settings checks; restart it with "first100 start"');
    res.json(await settingsView(deps.engine, deps.settings));
  });
  return router;
}

function queryOf(req: Request): URLSearchParams {
  return new URL(req.originalUrl, 'http://page.invalid').searchParams;
}

/** The page's own parameters; what HubSpot adds to sign the caller (userId, portalId…) is not ours to check here. */
function parseQuery<T extends z.ZodType>(schema: T, req: Request): z.output<T> {
  const params = queryOf(req);
  const single: Record<string, string> = {};
  for (const key of new Set(params.keys())) {
    if (params.getAll(key).length > 1) throw new HttpError(400, 'INVALID_QUERY', `${key} is given more than once`);
    const value = params.get(key)!;
    if (value !== '') single[key] = value;
  }
  const parsed = schema.safeParse(single);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new HttpError(400, 'INVALID_QUERY', `${issue.path.join('.') || 'query'}: ${issue.message}`);
}
