#!/usr/bin/env node
// Checks the HubSpot project in extensions/ offline with HubSpot's own parser (@hubspot/project-parsing-lib,
// the library behind `hs project validate` and `hs project upload`), then what the parser leaves out.
//
// The parser validates each component's config against JSON schemas it downloads from HubSpot with an
// authenticated account. Offline, a module hook serves it scripts/hubspot-component-schemas.json instead
// (first100's own minimal schemas for app, card and webhooks; any other component type gets an empty schema).
// Everything else is HubSpot's code: hsproject.json, platform version, *-hsmeta.json discovery, JSON syntax,
// allowed top-level keys, uids, component directories, the app parent, duplicates.
// Then, first100's own checks: every card entrypoint exists; the URL the cards call, permittedUrls.fetch, the
// webhook target, the workflow actions' URLs and the support links name one server, exactly (scripts/project-urls.mjs);
// the cards' package.json asks for the versions the repo tests with.
import fs from 'node:fs';
import path from 'node:path';
import { register } from 'node:module';
import { fileURLToPath } from 'node:url';
import { normaliseBaseUrl, readProjectUrls, urlDisagreements } from './project-urls.mjs';

const root = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));
const here = path.dirname(fileURLToPath(import.meta.url));
const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
const problems = [];

const { Components } = await import('@hubspot/project-parsing-lib/constants');
const { mapToInternalType } = await import('@hubspot/project-parsing-lib/transform');
const ours = readJson(path.join(here, 'hubspot-component-schemas.json'));
const schemas = Object.fromEntries(Object.keys(Components).map((k) => [mapToInternalType(k), ours[mapToInternalType(k)] ?? {}]));
const stub = `export async function getIntermediateRepresentationSchema() { return ${JSON.stringify(schemas)}; }`;
register(
  'data:text/javascript,' +
    encodeURIComponent(`
      const STUB = ${JSON.stringify('data:text/javascript,' + encodeURIComponent(stub))};
      export async function resolve(specifier, context, next) {
        const r = await next(specifier, context);
        return r.url.endsWith('/@hubspot/project-parsing-lib/src/lib/schemas.js') ? { url: STUB, shortCircuit: true } : r;
      }`),
);

const { parseProjectConfig, isKnownPlatformVersion, isLegacyProject } = await import('@hubspot/project-parsing-lib/projects');
const { translate, isTranslationError } = await import('@hubspot/project-parsing-lib/translate');

const config = parseProjectConfig(root);
if (!isKnownPlatformVersion(config.platformVersion) || isLegacyProject(config.platformVersion)) {
  problems.push(`hsproject.json: platformVersion ${config.platformVersion} is not a 2025.2+ version HubSpot's parser knows`);
}
const sourceDir = path.join(root, config.srcDir);
let nodes = [];
try {
  const { intermediateRepresentation, skippedHsMetaFiles } = await translate({ projectSourceDir: sourceDir, platformVersion: config.platformVersion }, { skipValidation: false });
  nodes = Object.values(intermediateRepresentation.intermediateNodesIndexedByUid);
  for (const file of skippedHsMetaFiles) problems.push(`${file}: not in a component directory HubSpot reads; move it or remove it`);
} catch (error) {
  problems.push(isTranslationError(error) ? error.toString() : `${error.message}${error.cause ? ` (${error.cause.message})` : ''}`);
}

for (const ui of nodes.filter((n) => ['CARD', 'PAGE', 'SETTINGS'].includes(n.componentType))) {
  if (!fs.existsSync(path.join(sourceDir, ui.config.entrypoint))) problems.push(`${ui.componentType.toLowerCase()} ${ui.uid}: entrypoint ${ui.config.entrypoint} does not exist under ${config.srcDir}/`);
}
// HubSpot builds each component directory on its own, so the app pages and the settings page keep their own copy
// of the backend caller: the copies must stay the same file.
const pageBackends = ['app/pages/lib/backend.ts', 'app/settings/lib/backend.ts'].filter((f) => fs.existsSync(path.join(sourceDir, f)));
if (pageBackends.length === 2 && fs.readFileSync(path.join(sourceDir, pageBackends[0]), 'utf8') !== fs.readFileSync(path.join(sourceDir, pageBackends[1]), 'utf8')) {
  problems.push(`${config.srcDir}/${pageBackends[1]} differs from ${config.srcDir}/${pageBackends[0]}: they are one file copied; copy it again`);
}

// One server behind every URL of the project, named exactly (a trailing slash in BACKEND_URL makes every card call
// a 404): the rule first100 doctor and first100 project set-url use too. A file HubSpot's parser could not read
// was reported above; it is not a second problem here.
let urls;
try {
  urls = readProjectUrls(root);
} catch (error) {
  if (problems.length === 0) problems.push(`the HubSpot project's URLs cannot be read: ${error.message}`);
}
let base;
try {
  if (urls) base = normaliseBaseUrl(urls.backend ?? '');
  if (urls && urls.backend !== base) problems.push(`extensions/app/cards/lib/backend.ts: BACKEND_URL is ${urls.backend}; write it as ${base} (run: first100 project set-url ${base})`);
} catch (error) {
  problems.push(`extensions/app/cards/lib/backend.ts: BACKEND_URL: ${error.message}`);
}
if (base) {
  for (const wrong of urlDisagreements(urls, base).filter((w) => !w.startsWith('extensions/app/cards/lib/backend.ts '))) problems.push(`${wrong} (run: first100 project set-url ${base})`);
}
for (const action of nodes.filter((n) => n.componentType === 'WORKFLOW_ACTION')) {
  const labelled = action.config.labels ?? {};
  for (const locale of ['en', 'it']) if (!labelled[locale]) problems.push(`workflow action ${action.uid}: labels.${locale} is missing; first100 speaks English and Italian`);
}

const rootPackage = readJson(path.join(root, 'package.json'));
for (const dir of ['cards', 'pages', 'settings'].filter((d) => fs.existsSync(path.join(sourceDir, `app/${d}/package.json`)))) {
  const uiPackage = readJson(path.join(sourceDir, `app/${dir}/package.json`));
  for (const [name, version] of Object.entries(uiPackage.dependencies ?? {})) {
    const tested = rootPackage.devDependencies?.[name] ?? rootPackage.dependencies?.[name];
    if (tested !== version) problems.push(`extensions/app/${dir}/package.json asks for ${name} ${version}, but the repo builds and tests the ${dir} with ${tested ?? 'nothing'}`);
  }
}

if (problems.length > 0) {
  console.error(`The HubSpot project in ${config.srcDir}/ has problems:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`HubSpot project OK (${config.platformVersion}, HubSpot's parser with first100's local schemas): ${nodes.map((n) => `${n.componentType}:${n.uid}`).join(', ')}`);
