import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTick } from '../../src/jobs/schedules/scheduled-job.js';
import { clientLink } from '../support/client-page.js';
import { fakeHubSpot } from '../support/fake-hubspot.js';
import { fakeOwners, PM_OWNER, REP_OWNER } from '../support/fake-owners.js';
import { isolateNetwork } from '../support/isolate-network.js';
import { startServer } from '../support/start-server.js';

const at = Date.parse('2026-12-07T10:00:00Z');
const onCleanUp = isolateNetwork();

/** The default English playbook, with these lines of `team:` when given. */
async function playbook(team = ''): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'first100-team-')), 'playbook.en.yml');
  writeFileSync(path, readFileSync('playbooks/default.en.yml', 'utf8') + (team ? `\nteam:\n${team}\n` : ''));
  return path;
}

async function setUp(teamLines = '') {
  const hubspot = fakeHubSpot({
    deals: { '42': { properties: { dealname: 'Acme rollout', pipeline: 'default', dealstage: 'closedwon', hubspot_owner_id: REP_OWNER.id, first100_pm_owner: PM_OWNER.id, closedate: null }, companyId: '7', contactIds: ['9'] } },
    companies: { '7': 'Acme S.p.A.' },
    contacts: { '9': { email: 'anna@acme.example', firstname: 'Anna', lastname: 'Verdi', hs_language: 'en' } },
  });
  const directory = fakeOwners([PM_OWNER, REP_OWNER]);
  const clock = { now: at };
  const server = await startServer({ clock: () => clock.now, env: { PLAYBOOK: await playbook(teamLines) } });
  onCleanUp(async () => {
    await server.cleanUp();
    hubspot.stop();
  });
  const token = await clientLink(server, at, '42', 'activate', '9');
  const team = async () => {
    const html = await (await fetch(`${server.url}/c/${token}`)).text();
    return html.slice(html.indexOf('Your team'), html.indexOf('</section>', html.indexOf('Your team')));
  };
  const refresh = () => runTick(server.engine, server.jobs['owners-refresh'], clock.now);
  return { server, clock, directory, team, refresh };
}

describe('the client page\'s team, from HubSpot\'s owners', () => {
  it('names the PM and the rep with HubSpot\'s name and email once the owners are stored, and never shows an owner id', async () => {
    const { directory, team, refresh } = await setUp();
    expect(directory.reads).toEqual([]); // nothing read the owners yet
    const before = await team();
    expect(before).not.toContain('Giulia');
    expect(before).not.toMatch(/\b(201|101)\b/);
    expect(before).toContain('Your project manager will introduce themselves here soon.');
    expect(await refresh()).toBe('ran');
    const after = await team();
    expect(after).toContain('<h3>Giulia Bianchi</h3><p class="hint">Project manager</p>');
    expect(after).toContain(`<a href="mailto:${PM_OWNER.email}">${PM_OWNER.email}</a>`);
    expect(after).toContain('<h3>Marco Rossi</h3><p class="hint">Your contact from the sale</p>');
    expect(after).not.toContain('tel:');
  });

  it('adds the playbook\'s phone and what the person does; a name the playbook gives replaces HubSpot\'s', async () => {
    const { team, refresh } = await setUp(`  "201": {phone: "+39 02 1234 5678", does: "Runs your rollout and chairs every steering meeting."}\n  "101": {name: "Marco R."}`);
    await refresh();
    const html = await team();
    expect(html).toContain('<h3>Giulia Bianchi</h3><p class="hint">Project manager</p><p>Runs your rollout and chairs every steering meeting.</p>');
    expect(html).toContain('<a href="tel:+390212345678">+39 02 1234 5678</a>');
    expect(html).toContain('<h3>Marco R.</h3>');
    expect(html).toContain(`mailto:${REP_OWNER.email}`);
  });

  it('leaves out a PM HubSpot no longer lists (archived), or falls back to the playbook\'s entry when it names them', async () => {
    const { directory, team, refresh, clock } = await setUp(`  "101": {name: "Marco Rossi", email: "sales@acme-vendor.example"}`);
    await refresh();
    directory.owners = [];
    clock.now = at + 86_400_000;
    expect(await refresh()).toBe('ran');
    const html = await team();
    expect(html).not.toContain('Giulia');
    expect(html).not.toContain('Project manager');
    expect(html).toContain('<h3>Marco Rossi</h3>');
    expect(html).toContain('mailto:sales@acme-vendor.example');
  });
});
