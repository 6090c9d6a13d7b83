import { readFile } from 'node:fs/promises';
import type { Config } from '../config.js';
import { parsePlaybook } from '../domain/playbook-loader.js';
import type { HubSpotPort } from '../hubspot/hubspot-port.js';
import { checkPlaybook, checkProperties, checkPublicUrl, checkToken, type CheckResult } from './doctor-checks.js';
import { checkProjectUrls } from './project-urls.js';

export const DOCTOR_USAGE = `first100 doctor: check that first100 and the HubSpot account fit together, and say what to fix

  first100 doctor

  Checks the settings, the access token and its scopes, the first100 properties, the playbook against the
  portal's real pipelines and stages, the public URL, and that the HubSpot project points at it.
  Exits 1 when something must be fixed.
`;

export interface DoctorDeps {
  config: Config;
  /** Absent without an access token: the checks that need HubSpot are skipped. */
  hubspot?: HubSpotPort;
  fetch: typeof fetch;
  projectDir: string;
}

const MARK = { ok: '✓', warn: '!', fail: '✗' } as const;

/** Runs every check, prints one line each, returns the exit code. */
export async function runDoctor(deps: DoctorDeps, print: (line: string) => void): Promise<number> {
  const results: CheckResult[] = [];
  const report = (found: CheckResult[]) => {
    for (const r of found) print(`${MARK[r.status]} ${r.check}: ${r.detail}`);
    results.push(...found);
  };
  const { config, hubspot } = deps;
  report(settings(config));
  if (hubspot) {
    report(await checkToken(hubspot, config, deps.projectDir));
    if (!results.some((r) => r.check === 'token' && r.status === 'fail')) {
      const locale = await playbookLocale(config.playbookPath);
      report(await checkProperties(hubspot, locale));
      report(await checkPlaybook(config.playbookPath, await hubspot.readPipelines()));
    }
  }
  report(await checkPublicUrl(config.publicBaseUrl, deps.fetch));
  report(await checkProjectUrls(deps.projectDir, config.publicBaseUrl));
  const failed = results.filter((r) => r.status === 'fail').length;
  print(failed === 0 ? 'first100 and HubSpot fit together.' : `${failed} thing(s) to fix, above.`);
  return failed === 0 ? 0 : 1;
}

function settings(config: Config): CheckResult[] {
  const missing = [
    config.hubspot.accessToken ? null : 'HUBSPOT_ACCESS_TOKEN (without it first100 runs in dry-run and writes nothing to HubSpot)',
    config.hubspot.clientSecret ? null : 'HUBSPOT_CLIENT_SECRET (without it every webhook and card request is refused)',
    config.hubspot.portalId ? null : 'HUBSPOT_PORTAL_ID',
  ].filter((m) => m !== null);
  return missing.length === 0
    ? [{ check: 'settings', status: 'ok', detail: 'token, client secret and account id are set' }]
    : [{ check: 'settings', status: 'fail', detail: `set ${missing.join('; ')}` }];
}

async function playbookLocale(path: string): Promise<'en' | 'it'> {
  try {
    return parsePlaybook(await readFile(path, 'utf8'), path).locale;
  } catch {
    return 'en'; // the playbook check reports why it cannot be read
  }
}
