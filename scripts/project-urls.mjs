// The places the HubSpot project in extensions/ names the first100 server, and the one rule they follow:
// every one of them is the same base URL (an origin: https://host[:port], nothing after it), with its own path.
// Plain JavaScript so that `npm run check:hubspot` (node, no TypeScript) and `first100 doctor` and
// `first100 project set-url` (TypeScript, through project-urls.d.mts) share it.
import fs from 'node:fs';
import path from 'node:path';

export const APP_FILE = 'extensions/app/app-hsmeta.json';
export const WEBHOOKS_FILE = 'extensions/app/webhooks/webhooks-hsmeta.json';
export const BACKEND_FILE = 'extensions/app/cards/lib/backend.ts';
/** The app pages and the settings page call the same server, each from its own copy (HubSpot builds each directory alone). */
export const PAGE_BACKEND_FILES = ['extensions/app/pages/lib/backend.ts', 'extensions/app/settings/lib/backend.ts'];
export const ACTIONS_DIR = 'extensions/app/workflow-actions';
export const CLI_CONFIG_FILE = 'hubspot.config.yml';
export const BACKEND_URL_PATTERN = /export const BACKEND_URL = '([^']*)'/;

const readJson = (projectDir, file) => JSON.parse(fs.readFileSync(path.join(projectDir, file), 'utf8'));

/** What the project says now, file by file. */
export function readProjectUrls(projectDir) {
  const app = readJson(projectDir, APP_FILE).config;
  const webhooks = readJson(projectDir, WEBHOOKS_FILE).config;
  const backend = fs.readFileSync(path.join(projectDir, BACKEND_FILE), 'utf8').match(BACKEND_URL_PATTERN)?.[1];
  const actionsDir = path.join(projectDir, ACTIONS_DIR);
  const actionFiles = fs.existsSync(actionsDir) ? fs.readdirSync(actionsDir).filter((f) => f.endsWith('-hsmeta.json')).sort() : [];
  const actions = actionFiles.map((file) => ({
    file: `${ACTIONS_DIR}/${file}`,
    slug: file.slice(0, -'-hsmeta.json'.length),
    url: readJson(projectDir, `${ACTIONS_DIR}/${file}`).config.actionUrl,
  }));
  const cliConfig = fs.existsSync(path.join(projectDir, CLI_CONFIG_FILE)) ? fs.readFileSync(path.join(projectDir, CLI_CONFIG_FILE), 'utf8') : '';
  return {
    fetch: app.permittedUrls?.fetch ?? [],
    support: app.support ?? {},
    targetUrl: webhooks.settings?.targetUrl,
    backend,
    pageBackends: PAGE_BACKEND_FILES.filter((file) => fs.existsSync(path.join(projectDir, file))).map((file) => ({
      file,
      url: fs.readFileSync(path.join(projectDir, file), 'utf8').match(BACKEND_URL_PATTERN)?.[1],
    })),
    actions,
    portalId: cliConfig.match(/^\s*portalId:\s*(\S+)/m)?.[1],
  };
}

/**
 * A base URL HubSpot can call, normalised: https, no user or password, no path, query or fragment, no trailing
 * slash. Throws an Error that says what is wrong.
 */
export function normaliseBaseUrl(input) {
  const text = String(input ?? '').trim();
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`"${text}" is not a URL; give the server's public address, like https://onboarding.acme.com`);
  }
  if (url.protocol !== 'https:') throw new Error(`${text} is not https: HubSpot calls only https URLs (the Caddy service in compose.yaml gives you one)`);
  if (url.username || url.password) throw new Error(`${text} carries a user name or password: give the bare address`);
  if (url.pathname.replace(/\/+$/, '') !== '' || url.search || url.hash) {
    throw new Error(`${text} has a path: first100 must be served at the root of its host, like https://onboarding.acme.com`);
  }
  if (url.hostname === 'localhost' || /^127\./.test(url.hostname)) throw new Error(`${text} is this machine: HubSpot calls a public address`);
  return url.origin;
}

/** Where the project does not name `base` exactly as it must: one line per place, with the value found. */
export function urlDisagreements(urls, base) {
  const wrong = [];
  if (urls.backend !== base) wrong.push(`${BACKEND_FILE} BACKEND_URL is ${urls.backend ?? 'missing'}, should be ${base}`);
  for (const page of urls.pageBackends ?? []) {
    if (page.url !== base) wrong.push(`${page.file} BACKEND_URL is ${page.url ?? 'missing'}, should be ${base}`);
  }
  if (!urls.fetch.includes(base)) wrong.push(`${APP_FILE} permittedUrls.fetch is ${JSON.stringify(urls.fetch)}, should list ${base}`);
  if (urls.targetUrl !== `${base}/webhooks/hubspot`) wrong.push(`${WEBHOOKS_FILE} targetUrl is ${urls.targetUrl}, should be ${base}/webhooks/hubspot`);
  for (const action of urls.actions) {
    const expected = `${base}/api/workflow-actions/${action.slug}`;
    if (action.url !== expected) wrong.push(`${action.file} actionUrl is ${action.url}, should be ${expected}`);
  }
  for (const key of ['documentationUrl', 'supportUrl']) {
    const value = urls.support[key];
    if (value !== undefined && value !== base && !String(value).startsWith(`${base}/`)) wrong.push(`${APP_FILE} support.${key} is ${value}, should be on ${base}`);
  }
  return wrong;
}
