import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Running } from '../../src/boot.js';
import { surveyLinksInEml } from '../../src/email/outbox-reader.js';
import { CHROMIUM_SKIP, HAS_CHROMIUM, launchChromium } from '../support/chromium.js';
import { deliver, stageEvent } from '../support/deliveries.js';
import { fakeHubSpot } from '../support/fake-hubspot.js';
import { isolateNetwork } from '../support/isolate-network.js';
import { PUBLIC_URL, startServer } from '../support/start-server.js';
import { outboxFiles } from '../support/outbox.js';

const wonAt = Date.parse('2026-12-04T14:00:00Z'); // Friday 15:00 in Rome: the kickoff survey falls due Monday 09:00
const monday = Date.parse('2026-12-07T08:01:00Z');
const SCREENSHOT = fileURLToPath(new URL('../../docs/survey-page.png', import.meta.url));
const onCleanUp = isolateNetwork();

/**
 * The link the client's email carries, as the client clicks it: the deal enters activate through a signed stage
 * change, its kickoff survey falls due the next business day and is written to the outbox, and the link of the
 * clicked score is read from that .eml file.
 */
async function surveyLinkFromOutbox(server: Running & { dataDir: string }, clock: { now: number }, dealId: string, score: number): Promise<string> {
  await deliver(server.url, [stageEvent(dealId, '111', wonAt)], clock.now);
  await server.worker.drain();
  clock.now = monday;
  await server.worker.drain();
  const [email] = await outboxFiles(server.dataDir);
  if (!email) throw new Error('no survey email in the outbox');
  const link = (await surveyLinksInEml(email)).scores.find((s) => s.score === score);
  if (!link) throw new Error(`the survey email has no link for the score ${score}`);
  return link.url;
}

describe.skipIf(!HAS_CHROMIUM)(`the survey page in Chromium${CHROMIUM_SKIP}`, () => {
  it('opens the emailed link with its score preselected, records nothing until sent, then thanks and tells HubSpot', { timeout: 120_000 }, async () => {
    const hubspot = fakeHubSpot({
      deals: { '42': { properties: { dealname: 'Acme rollout', pipeline: '987654', dealstage: '111', hubspot_owner_id: '100', first100_pm_owner: '200', closedate: null }, companyId: '7', contactIds: ['9'] } },
      companies: { '7': 'Acme' },
      contacts: { '9': { email: 'sam@example.com', firstname: 'Sam', lastname: 'Carter', hs_language: null } },
    });
    const clock = { now: wonAt + 5000 };
    const server = await startServer({ clock: () => clock.now });
    const browser = await launchChromium();
    const shots = await mkdtemp(join(tmpdir(), 'first100-shots-'));
    onCleanUp(async () => {
      await browser.close();
      await server.cleanUp();
      hubspot.stop();
      await rm(shots, { recursive: true, force: true });
    });
    const link = (await surveyLinkFromOutbox(server, clock, '42', 4)).replace(PUBLIC_URL, server.url);
    expect(link).toMatch(/\/feedback\/[A-Za-z0-9_-]{43}\?score=4$/);
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

    await page.getByRole('group', { name: 'How satisfied are you with “Kickoff meeting”?' }).getByRole('radio', { name: '2' }).check();
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
    // The computed health's reasons go with it: the answer first, then any overdue task (src/domain/health/).
    expect(sent('/crm/v3/objects/deals/batch/update').flatMap((b) => b.inputs)).toContainEqual({ id: '42', properties: {
      first100_last_feedback_score: '2', first100_last_feedback_at: '2026-12-07T08:01:00.000Z', first100_last_csat: '2', first100_last_csat_at: '2026-12-07T08:01:00.000Z',
      first100_health: 'at_risk', first100_health_reasons: expect.stringMatching(/^detractor answer: CSAT 2 on 2026-12-07(; |$)/),
    } });
    expect(sent('/crm/v3/objects/companies/batch/update')).toEqual([
      { inputs: [{ id: '7', properties: { first100_health: 'at_risk', first100_segment: 'at_risk' } }] },
    ]);
  });
});
