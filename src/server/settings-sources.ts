import type { Config } from '../config.js';
import { collectDoctorChecks } from '../cli/doctor-command.js';
import { verifySmtp } from '../cli/doctor-email.js';
import type { HubSpotPort } from '../hubspot/hubspot-port.js';
import type { SettingsSources } from './settings-view.js';

/** Far inside hubspot.fetch's 15 s: each URL and the SMTP login get this long before they count as unanswered. */
export const SETTINGS_CHECK_TIMEOUT_MS = 4_000;

export interface SettingsSourceDeps {
  config: Config;
  /** The real adapter; absent in dry-run (the checks that need HubSpot are skipped, as doctor does). */
  hubspot?: HubSpotPort;
  projectDir: string;
  fetch?: typeof fetch;
}

/** The settings page runs `first100 doctor`'s own checks from the server: the same code, not a copy. */
export function settingsSources(deps: SettingsSourceDeps): SettingsSources {
  return {
    runChecks: () =>
      collectDoctorChecks({
        config: deps.config,
        hubspot: deps.hubspot,
        fetch: deps.fetch ?? fetch,
        projectDir: deps.projectDir,
        timeoutMs: SETTINGS_CHECK_TIMEOUT_MS,
        verifySmtp: verifySmtp(SETTINGS_CHECK_TIMEOUT_MS),
      }),
    playbookPath: deps.config.playbookPath,
    email: deps.config.email,
  };
}
