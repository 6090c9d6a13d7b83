import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCOPES } from '../../src/hubspot/scopes.js';

const manifest = join(import.meta.dirname, '../../extensions/app/app-hsmeta.json');
const requested = async () => JSON.parse(await readFile(manifest, 'utf8')).config.auth.requiredScopes as string[];

describe('the scopes the app asks HubSpot for', () => {
  it('are exactly those src/hubspot/scopes.ts gives a call for', async () => {
    expect([...(await requested())].sort()).toEqual(Object.keys(SCOPES).sort());
  });

  it('leave out the schema read scopes: property and pipeline reads take the object read scopes', async () => {
    const scopes = await requested();
    expect(scopes.filter((s) => s.startsWith('crm.schemas.') && s.endsWith('.read'))).toEqual([]);
  });

  it('include the owners read: the PM introduction names the project manager from HubSpot\'s owners', async () => {
    expect(await requested()).toContain('crm.objects.owners.read');
  });
});
