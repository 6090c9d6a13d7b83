import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  ACTIONS_DIR,
  APP_FILE,
  BACKEND_FILE,
  BACKEND_URL_PATTERN,
  CLI_CONFIG_FILE,
  readProjectUrls,
  urlDisagreements,
  WEBHOOKS_FILE,
} from '../../scripts/project-urls.mjs';

export interface ProjectSettings {
  /** An origin, already normalised (normaliseBaseUrl). */
  baseUrl: string;
  /** hubspot.config.yml's portalId: the account `hs project upload` uploads to. */
  portalId?: string;
  /** app-hsmeta.json's support.supportEmail. */
  supportEmail?: string;
}

/**
 * Writes the server's URL into every place of the HubSpot project at once: the cards', pages' and settings page's BACKEND_URL, the app's
 * permitted fetch URL and support links, the webhook target, every workflow action's URL; and the account id into
 * hubspot.config.yml. Each file keeps its layout: only the values change. Returns the files it changed.
 */
export async function writeProjectSettings(projectDir: string, settings: ProjectSettings): Promise<string[]> {
  const base = settings.baseUrl;
  const changed: string[] = [];
  const edit = async (file: string, change: (text: string) => string) => {
    const path = join(projectDir, file);
    const before = await readFile(path, 'utf8');
    const after = change(before);
    if (after !== before) {
      await writeFile(path, after);
      changed.push(file);
    }
  };
  await edit(BACKEND_FILE, (t) => t.replace(BACKEND_URL_PATTERN, `export const BACKEND_URL = '${base}'`));
  for (const page of readProjectUrls(projectDir).pageBackends) {
    await edit(page.file, (t) => t.replace(BACKEND_URL_PATTERN, `export const BACKEND_URL = '${base}'`));
  }
  await edit(APP_FILE, (t) => {
    let text = t.replace(/("fetch"\s*:\s*)\[[^\]]*\]/, `$1${JSON.stringify([base])}`);
    text = setJsonString(text, 'documentationUrl', `${base}/`);
    text = setJsonString(text, 'supportUrl', `${base}/`);
    return settings.supportEmail ? setJsonString(text, 'supportEmail', settings.supportEmail) : text;
  });
  await edit(WEBHOOKS_FILE, (t) => setJsonString(t, 'targetUrl', `${base}/webhooks/hubspot`));
  for (const action of readProjectUrls(projectDir).actions) {
    await edit(action.file, (t) => setJsonString(t, 'actionUrl', `${base}/api/workflow-actions/${action.slug}`));
  }
  if (settings.portalId) await edit(CLI_CONFIG_FILE, (t) => t.replace(/^(\s*portalId:\s*)\S+/m, `$1${settings.portalId}`));
  const wrong = urlDisagreements(readProjectUrls(projectDir), base);
  if (wrong.length > 0) throw new Error(`the project still disagrees after writing ${base} (a bug in first100): ${wrong.join('; ')}`);
  return changed;
}

/** Replaces one JSON string value in place, keeping the file's layout; the key must be there. */
function setJsonString(text: string, key: string, value: string): string {
  const pattern = new RegExp(`("${key}"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`);
  if (!pattern.test(text)) throw new Error(`"${key}" is missing from the HubSpot project (${APP_FILE}, ${WEBHOOKS_FILE} or ${ACTIONS_DIR}): restore it from git`);
  return text.replace(pattern, (_m, prefix: string) => `${prefix}${JSON.stringify(value)}`);
}
