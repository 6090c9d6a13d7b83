#!/usr/bin/env node
// Checks the HubSpot project in extensions/ offline with HubSpot's own parser (@hubspot/project-parsing-lib,
// the library behind `hs project validate` and `hs project upload`), then what the parser leaves out.
//
// The parser validates each component's config against JSON schemas it downloads from HubSpot with an
// authenticated account. Offline, a module hook serves it scripts/hubspot-component-schemas.json instead
// (first100's own minimal schemas for app, card and webhooks; any other component type gets an empty schema).
// Everything else is HubSpot's code: hsproject.json, platform version, *-hsmeta.json discovery, JSON syntax,
// allowed top-level keys, uids, component directories, the app parent, duplicates.
// Then, first100's own checks: every card entrypoint exists; the URL the cards call, permittedUrls.fetch and
// the webhook target and the workflow actions' URLs name one server; the cards' package.json asks for the versions the repo tests with.
import fs from 'node:fs';
import path from 'node:path';
import { register } from 'node:module';
import { fileURLToPath } from 'node:url';

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

for (const card of nodes.filter((n) => n.componentType === 'CARD')) {
  if (!fs.existsSync(path.join(sourceDir, card.config.entrypoint))) problems.push(`card ${card.uid}: entrypoint ${card.config.entrypoint} does not exist under ${config.srcDir}/`);
}

const app = nodes.find((n) => n.componentType === 'APPLICATION');
const webhooks = nodes.find((n) => n.componentType === 'WEBHOOKS');
const backendSource = fs.readFileSync(path.join(sourceDir, 'app/cards/lib/backend.ts'), 'utf8');
const backend = backendSource.match(/export const BACKEND_URL = '([^']+)'/)?.[1];
if (!backend) problems.push('extensions/app/cards/lib/backend.ts: BACKEND_URL not found');
else {
  const origin = new URL(backend).origin;
  // Without an app node HubSpot's parser failed above and said why; its absence is not a second problem.
  if (app && !app.config.permittedUrls?.fetch?.some((u) => new URL(u).origin === origin)) {
    problems.push(`app-hsmeta.json permittedUrls.fetch does not include ${origin}, which the cards call (BACKEND_URL): HubSpot would block every card request`);
  }
  const target = webhooks?.config.settings?.targetUrl;
  if (target && (new URL(target).origin !== origin || new URL(target).pathname !== '/webhooks/hubspot')) {
    problems.push(`webhooks-hsmeta.json targetUrl ${target} should be ${origin}/webhooks/hubspot, the server the cards call`);
  }
}

// Each workflow action calls the same server, at /api/workflow-actions/<its file name without -hsmeta.json>.
for (const action of nodes.filter((n) => n.componentType === 'WORKFLOW_ACTION')) {
  const url = action.config.actionUrl;
  const slug = path.basename(action.metaFilePath ?? '', '-hsmeta.json');
  const expected = backend ? `${new URL(backend).origin}/api/workflow-actions/${slug}` : undefined;
  if (!slug || url !== expected) problems.push(`workflow action ${action.uid}: actionUrl ${url} should be ${expected ?? '<the cards\' server>/api/workflow-actions/<name>'}`);
  const labelled = action.config.labels ?? {};
  for (const locale of ['en', 'it']) if (!labelled[locale]) problems.push(`workflow action ${action.uid}: labels.${locale} is missing; first100 speaks English and Italian`);
}

const rootPackage = readJson(path.join(root, 'package.json'));
const cardsPackage = readJson(path.join(sourceDir, 'app/cards/package.json'));
for (const [name, version] of Object.entries(cardsPackage.dependencies ?? {})) {
  const tested = rootPackage.devDependencies?.[name] ?? rootPackage.dependencies?.[name];
  if (tested !== version) problems.push(`extensions/app/cards/package.json asks for ${name} ${version}, but the repo builds and tests the cards with ${tested ?? 'nothing'}`);
}

if (problems.length > 0) {
  console.error(`The HubSpot project in ${config.srcDir}/ has problems:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`HubSpot project OK (${config.platformVersion}, HubSpot's parser with first100's local schemas): ${nodes.map((n) => `${n.componentType}:${n.uid}`).join(', ')}`);
