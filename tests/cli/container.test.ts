import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/cli.js';

// Docker cannot build or pull on our machines: scripts/check-production-start.mjs (run by .ci/run) runs the image's
// start path for real. These checks keep the files it cannot exercise (compose, Caddy) in step with it.
const read = (file: string) => readFile(join(REPO, file), 'utf8');

describe('the container files', () => {
  it('Dockerfile: Node 20 slim, production dependencies, a non-root user, the data volume, /readyz health, node started directly', async () => {
    const dockerfile = (await read('Dockerfile')).replace(/\\\n/g, ' ');
    expect(dockerfile).toMatch(/^FROM node:20-slim$/m);
    expect(dockerfile).toMatch(/^RUN npm ci --omit=dev /m);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/DATA_DIR=\/data/);
    expect(dockerfile).toMatch(/^VOLUME \["\/data"\]$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK .*\/readyz/m);
    const cmd = JSON.parse(dockerfile.match(/^CMD (\[.*\])$/m)![1]!);
    expect(cmd).toEqual(['node', '--import', 'tsx', 'src/main.ts']);
    const pkg = JSON.parse(await read('package.json'));
    expect(pkg.dependencies.tsx, 'tsx runs the server: a runtime dependency').toBeDefined();
    expect(await read('.dockerignore')).toMatch(/^\.env$/m);
  });

  it('compose.yaml: first100 behind Caddy on 80/443 for DOMAIN, on PostgreSQL, its URL taken from DOMAIN', async () => {
    const compose = parse(await read('compose.yaml'));
    expect(Object.keys(compose.services)).toEqual(['first100', 'postgres', 'caddy']);
    const first100 = compose.services.first100;
    expect(first100.environment.PUBLIC_BASE_URL).toMatch(/^https:\/\/\$\{DOMAIN/);
    expect(first100.environment.DATABASE_URL).toMatch(/^postgres:\/\/first100:\$\{POSTGRES_PASSWORD.*\}@postgres:5432\/first100$/);
    expect(first100.environment.TRUST_PROXY).toBe('1');
    expect(first100.volumes).toContain('first100-data:/data');
    expect(compose.services.caddy.ports).toEqual(expect.arrayContaining(['80:80', '443:443']));
    const caddyfile = await read('Caddyfile');
    expect(caddyfile).toMatch(/^\{\$DOMAIN\} \{$/m);
    expect(caddyfile).toContain(`reverse_proxy first100:${first100.environment.PORT}`);
  });
});
