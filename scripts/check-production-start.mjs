#!/usr/bin/env node
// The image's start path, without Docker (which cannot build or pull on our CI machines): copies the repository
// the way the Dockerfile does (.dockerignore applied), installs it as the image does (npm ci --omit=dev, so a
// runtime import of a dev dependency fails here), runs the Dockerfile's exact CMD with its ENV, waits for /healthz,
// runs the Dockerfile's HEALTHCHECK command, reads the status page, then stops the server with SIGTERM, which must
// end it cleanly. Exit 0 and one summary line, or 1 with what went wrong. Needs the npm registry.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dockerfile = fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8').replace(/\\\n/g, ' ');
const started = Date.now();
const seconds = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;

/** A Dockerfile instruction in exec form: ["node", "--import", …]. */
function execForm(instruction) {
  const line = dockerfile.split('\n').find((l) => l.startsWith(`${instruction} `));
  const json = line?.match(/\[.*\]\s*$/)?.[0];
  if (!json) throw new Error(`Dockerfile: no ${instruction} in exec form (["…", "…"])`);
  return JSON.parse(json);
}

function imageEnv() {
  const env = {};
  for (const line of dockerfile.split('\n').filter((l) => l.startsWith('ENV '))) {
    for (const [, key, value] of line.slice(4).matchAll(/(\w+)=("[^"]*"|\S+)/g)) env[key] = value.replace(/^"|"$/g, '');
  }
  return env;
}

function copyAsDockerDoes(target) {
  const ignored = fs.readFileSync(path.join(root, '.dockerignore'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  const matches = (rel) => ignored.some((pattern) => (pattern.startsWith('*.') ? rel.endsWith(pattern.slice(1)) : rel === pattern || rel.startsWith(`${pattern}/`)));
  fs.cpSync(root, target, { recursive: true, filter: (source) => !matches(path.relative(root, source)) });
}

const freePort = () =>
  new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'first100-image-'));
let server;
try {
  const app = path.join(work, 'app');
  copyAsDockerDoes(app);
  execFileSync('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: app, stdio: ['ignore', 'ignore', 'inherit'] });
  const installed = seconds();
  if (fs.existsSync(path.join(app, 'node_modules/vitest'))) throw new Error('npm ci --omit=dev installed dev dependencies');

  const [command, ...args] = execForm('CMD');
  if (command !== 'node') throw new Error(`the image must start node itself, not ${command}: signals would stop a wrapper and leave first100 running`);
  const port = await freePort();
  const env = { PATH: process.env.PATH, ...imageEnv(), DATA_DIR: path.join(work, 'data'), PORT: String(port), LOG_LEVEL: 'warn' };
  const output = [];
  server = spawn(command, args, { cwd: app, env, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout.on('data', (c) => output.push(c.toString()));
  server.stderr.on('data', (c) => output.push(c.toString()));
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}:\n${output.join('')}`);
    if (Date.now() - started > 300_000) throw new Error(`the server did not answer /healthz:\n${output.join('')}`);
    if (await fetch(`${url}/healthz`).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const [checkCommand, ...checkArgs] = execForm('HEALTHCHECK');
  execFileSync(checkCommand, checkArgs, { cwd: app, env, stdio: 'inherit' });
  const status = await fetch(`${url}/`, { headers: { accept: 'application/json' } }).then((r) => r.json());
  const exited = new Promise((resolve) => server.once('exit', (code, signal) => resolve(code ?? signal)));
  server.kill('SIGTERM');
  const code = await exited;
  if (code !== 0) throw new Error(`SIGTERM ended the server with ${code}, not 0:\n${output.join('')}`);
  console.log(`production start OK: npm ci --omit=dev (${installed}), "${[command, ...args].join(' ')}" answered /healthz, the HEALTHCHECK passed, first100 ${status.version} ${status.mode}, stopped cleanly on SIGTERM (${seconds()} in all)`);
} catch (error) {
  server?.kill('SIGKILL');
  console.error(`production start FAILED: ${error.message}`);
  process.exitCode = 1;
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
