import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Running } from '../../src/boot.js';
import { CHROMIUM_SKIP, HAS_CHROMIUM, launchChromium } from '../support/chromium.js';
import { fakeHubSpot } from '../support/fake-hubspot.js';
import { isolateNetwork } from '../support/isolate-network.js';
import { freshDataDir, PUBLIC_URL, startServer } from '../support/start-server.js';
import { onboardDeal, surveyToken } from '../support/survey.js';

const at = Date.parse('2026-12-04T14:00:00Z'); // Friday 15:00 in Rome
const SCREENSHOT = fileURLToPath(new URL('../../docs/survey-page.png', import.meta.url));
const onCleanUp = isolateNetwork();
// The embedded database's template (initdb) is made once per test process: in set-up time, not the first test's.
beforeAll(async () => rm(await freshDataDir(), { recursive: true, force: true }));

/**
 * The link the client's email carries, with the score they clicked. Until the sender is merged, the request is
 * recorded here as the sender records it; afterwards this reads the link from the outbox's .eml instead.
 */
async function surveyLinkFor(server: Running, dealId: string, score: number): Promise<string> {
  const token = await surveyToken(server, { dealId, survey: 'CSAT', phase: 'activate', touchpoint: 'Kickoff meeting', now: at });
  return `${PUBLIC_URL}/feedback/${token}?score=${score}`;
}

describe.skipIf(!HAS_CHROMIUM)(`the survey page in Chromium${CHROMIUM_SKIP}`, () => {
  it('opens the emailed link with its score preselected, records nothing until sent, then thanks and tells HubSpot', { timeout: 120_000 }, async () => {
    const hubspot = fakeHubSpot({
      deals: { '42': { properties: { dealname: 'Acme rollout', pipeline: 'default', dealstage: 'closedwon', hubspot_owner_id: '100', first100_pm_owner: '200', closedate: null }, companyId: '7', contactIds: ['9'] } },
      companies: { '7': 'Acme' },
    });
    const server = await startServer({ clock: () => at });
    const browser = await launchChromium();
    const shots = await mkdtemp(join(tmpdir(), 'first100-shots-'));
    onCleanUp(async () => {
      await browser.close();
      await server.cleanUp();
      hubspot.stop();
      await rm(shots, { recursive: true, force: true });
    });
    await onboardDeal(server, at, '42', 'activate');
    const link = (await surveyLinkFor(server, '42', 4)).replace(PUBLIC_URL, server.url);
    const sentBefore = hubspot.requests.length;
    const answers = async () => server.db.query<{ score: number; comment: string }>('SELECT score, comment FROM feedback_answers');

    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, javaScriptEnabled: false });
    const violations: string[] = [];
    page.on('console', (m) => violations.push(m.text()));
    const opened = await page.goto(link);
    expect(opened?.status()).toBe(200);
    await expect.poll(() => page.getByRole('radio', { name: '4' }).isChecked()).toBe(true);
    expect(await answers()).toEqual([]);
    await server.worker.drain();
    expect(hubspot.requests.slice(sentBefore)).toEqual([]);

    // The page's own style applies under its CSP: nothing blocked, no outside request.
    expect(await page.getByRole('button', { name: 'Send my answer' }).evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(45, 91, 215)');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await page.getByRole('group', { name: 'Overall, how satisfied are you?' }).getByRole('radio', { name: '2' }).check();
    await page.getByLabel('What is the main reason for your score? What could we do better?').fill('The agenda arrived late, the rest was fine.');
    const shot = join(shots, 'survey-page.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect((await readFile(shot)).subarray(1, 4).toString()).toBe('PNG');
    if (process.env.FIRST100_UPDATE_SCREENSHOT) await copyFile(shot, SCREENSHOT);

    await page.getByRole('button', { name: 'Send my answer' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Thank you!');
    expect(violations).toEqual([]);
    expect(await answers()).toEqual([{ score: 2, comment: 'The agenda arrived late, the rest was fine.' }]);

    await server.worker.drain();
    const sent = (path: string) => hubspot.requests.slice(sentBefore).filter((r) => r.path === path).map((r) => r.body);
    const [note] = sent('/crm/v3/objects/notes/batch/create').map((b) => b.inputs[0]);
    expect(note.properties.hs_note_body).toContain('Client feedback: CSAT 2/5');
    expect(note.properties.hs_note_body).toContain('The agenda arrived late, the rest was fine.');
    expect(note.associations.map((a: any) => [a.to.id, a.types[0].associationTypeId])).toEqual([['42', 214], ['7', 190]]);
    expect(sent('/crm/v3/objects/deals/batch/update').flatMap((b) => b.inputs)).toContainEqual({ id: '42', properties: { first100_last_feedback_score: '2', first100_last_feedback_at: '2026-12-04T14:00:00.000Z', first100_health: 'at_risk' } });
    expect(sent('/crm/v3/objects/companies/batch/update')).toEqual([
      { inputs: [{ id: '7', properties: { first100_health: 'at_risk', first100_segment: 'at_risk' } }] },
    ]);
  });
});
