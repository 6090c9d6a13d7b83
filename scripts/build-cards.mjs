#!/usr/bin/env node
// Builds every card in extensions/app/cards, the app pages and the settings page with HubSpot's card bundler, @hubspot/ui-extensions-dev-server:
// its `remoteBuild`, the same function its `uie build` command runs after installing dependencies, and that
// mirrors HubSpot's own cloud build (vite, iife bundle, React and @remote-ui/react left to the page, minified,
// plus the manifest HubSpot reads). `uie build` itself first runs `npm install --package-lock-only` and `npm ci`
// inside the cards directory; here the dependencies are already installed at the repository root, so the build
// step is called directly and runs offline. The bundler's warnings about imports from outside the card directory
// or require() calls fail the build: HubSpot uploads only extensions/.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { remoteBuild } from '@hubspot/ui-extensions-dev-server/build';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const outRoot = path.join(root, '.build/cards');
const FATAL = [/outside of the extension directory/i, /require statements are not supported/i];

// The cards, the app pages and the settings page: each directory is built on its own, as HubSpot builds it.
const UI_DIRS = { cards: 'card', pages: 'page', settings: 'settings' };
const cards = Object.entries(UI_DIRS).flatMap(([dir, type]) => {
  const componentDir = path.join(root, 'extensions/app', dir);
  if (!fs.existsSync(componentDir)) return [];
  return fs
    .readdirSync(componentDir)
    .filter((f) => f.endsWith('-hsmeta.json'))
    .map((f) => ({ ...JSON.parse(fs.readFileSync(path.join(componentDir, f), 'utf8')), componentDir }))
    .filter((meta) => meta.type === type);
});

const fatal = [];
const warn = console.warn;
console.warn = (...args) => {
  const text = args.map(String).join(' ');
  if (FATAL.some((re) => re.test(text))) fatal.push(text);
  warn(...args);
};
try {
  for (const card of cards) {
    const entry = path.join(root, 'extensions', card.config.entrypoint);
    const outputDir = path.join(outRoot, card.uid);
    await remoteBuild({ root: card.componentDir, entryPoint: entry, outputDir, logLevel: 'warn' });
    const bundle = path.join(outputDir, `${path.parse(entry).name}.js`);
    const manifest = path.join(outputDir, `${path.parse(entry).name}-manifest.json`);
    if (!fs.existsSync(bundle) || !fs.existsSync(manifest)) throw new Error(`${card.uid}: the bundler produced no ${path.basename(bundle)} and manifest`);
    console.log(`built ${card.uid}: ${path.relative(root, bundle)} (${fs.statSync(bundle).size} bytes)`);
  }
} finally {
  console.warn = warn;
}
if (fatal.length > 0) {
  console.error(`The card bundler refused what HubSpot's build would refuse:\n${fatal.map((f) => `  - ${f}`).join('\n')}`);
  process.exit(1);
}
