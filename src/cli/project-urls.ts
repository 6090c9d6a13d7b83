import { readProjectUrls, urlDisagreements } from '../../scripts/project-urls.mjs';
import type { CheckResult } from './doctor-checks.js';

/** The HubSpot project must send webhooks, card requests and workflow actions to this server, named exactly. */
export async function checkProjectUrls(projectDir: string, publicBaseUrl: string | undefined, portalId?: string): Promise<CheckResult[]> {
  if (!publicBaseUrl) return [];
  const urls = readProjectUrls(projectDir);
  const wrong = urlDisagreements(urls, publicBaseUrl);
  const results: CheckResult[] = [
    wrong.length === 0
      ? { check: 'HubSpot project', status: 'ok', detail: `webhooks, cards and workflow actions point at ${publicBaseUrl}` }
      : {
          check: 'HubSpot project',
          status: 'fail',
          detail: `these do not point at ${publicBaseUrl}: ${wrong.join('; ')}. Run "first100 project set-url ${publicBaseUrl}", then upload with "hs project upload"`,
        },
  ];
  if (portalId && urls.portalId !== portalId) {
    results.push({ check: 'HubSpot CLI config', status: 'warn', detail: `hubspot.config.yml uploads to account ${urls.portalId ?? '?'}, not ${portalId}: run "first100 init --portal-id ${portalId}" or edit portalId` });
  }
  return results;
}
