import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CheckResult } from './doctor-checks.js';

/** The places the HubSpot project names the server, as committed in extensions/. */
export async function readProjectUrls(projectDir: string) {
  const json = async (path: string) => JSON.parse(await readFile(join(projectDir, path), 'utf8'));
  const app = await json('extensions/app/app-hsmeta.json');
  const webhooks = await json('extensions/app/webhooks/webhooks-hsmeta.json');
  const backend = (await readFile(join(projectDir, 'extensions/app/cards/lib/backend.ts'), 'utf8')).match(/export const BACKEND_URL = '([^']+)'/)?.[1];
  const actionFiles = (await readdir(join(projectDir, 'extensions/app/workflow-actions')).catch(() => [])).filter((f) => f.endsWith('-hsmeta.json'));
  const actionUrls = await Promise.all(actionFiles.map(async (f) => (await json(`extensions/app/workflow-actions/${f}`)).config.actionUrl as string));
  return { fetch: app.config.permittedUrls.fetch as string[], targetUrl: webhooks.config.settings.targetUrl as string, backend, actionUrls };
}

/** The HubSpot project must send webhooks and card requests to this server. */
export async function checkProjectUrls(projectDir: string, publicBaseUrl: string | undefined): Promise<CheckResult[]> {
  if (!publicBaseUrl) return [];
  const urls = await readProjectUrls(projectDir);
  const origin = new URL(publicBaseUrl).origin;
  const wrong: string[] = [];
  if (!urls.fetch.some((u) => new URL(u).origin === origin)) wrong.push(`extensions/app/app-hsmeta.json permittedUrls.fetch (${urls.fetch.join(', ')})`);
  if (urls.targetUrl !== `${publicBaseUrl}/webhooks/hubspot`) wrong.push(`extensions/app/webhooks/webhooks-hsmeta.json targetUrl (${urls.targetUrl})`);
  if (!urls.backend || new URL(urls.backend).origin !== origin) wrong.push(`extensions/app/cards/lib/backend.ts BACKEND_URL (${urls.backend ?? 'missing'})`);
  for (const url of urls.actionUrls.filter((u) => !u.startsWith(`${publicBaseUrl}/api/workflow-actions/`))) wrong.push(`extensions/app/workflow-actions actionUrl (${url})`);
  if (wrong.length === 0) return [{ check: 'HubSpot project', status: 'ok', detail: `webhooks, cards and workflow actions point at ${publicBaseUrl}` }];
  return [
    {
      check: 'HubSpot project',
      status: 'fail',
      detail: `these do not point at ${publicBaseUrl}: ${wrong.join('; ')}. Set them, then upload with "hs project upload"`,
    },
  ];
}
