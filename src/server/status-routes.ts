import { Router } from 'express';
import type { Db } from '../store/db.js';
import { readStoreStatus } from '../store/status-reads.js';
import { statusLines, type StatusReport } from './status-report.js';

export interface StatusFacts {
  version: string;
  /** Where emails go, without credentials. */
  email: string;
}

/** GET /: a short page for the admin (or JSON for `first100 status` and monitors); 503 when the database is down. */
export function statusRouter(deps: { db: Db; dryRun: boolean; clock: () => number; status: StatusFacts }): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const work = await readStoreStatus(deps.db).catch(() => undefined);
    const report: StatusReport = {
      version: deps.status.version,
      mode: deps.dryRun ? 'dry-run' : 'live',
      database: { kind: deps.db.kind === 'pglite' ? 'embedded' : 'postgresql', reachable: work !== undefined },
      email: deps.status.email,
      ...(work ? { work } : {}),
      at: deps.clock(),
    };
    res.status(work ? 200 : 503).set({ 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
    if (req.accepts(['html', 'json']) === 'json') {
      res.json(report);
      return;
    }
    res.set('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'; base-uri 'none'").type('html').send(page(statusLines(report)));
  });
  return router;
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(lines: string[]): string {
  const [title, ...rows] = lines;
  const items = rows.map((line) => {
    const [label, ...rest] = line.split(': ');
    return `<tr><th scope="row">${escape(label!)}</th><td>${escape(rest.join(': '))}</td></tr>`;
  });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escape(title!)}</title></head><body><h1>${escape(title!)}</h1><table>${items.join('')}</table><p>Health: <a href="/healthz">/healthz</a>, <a href="/readyz">/readyz</a>. Set up and checked with first100 setup and first100 doctor (README.md).</p></body></html>`;
}
