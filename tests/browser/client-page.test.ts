import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { clientPageLinkIn, readOutboxMessage } from '../../src/email/outbox-reader.js';
import { CHROMIUM_SKIP, HAS_CHROMIUM, launchChromium } from '../support/chromium.js';
import { clientPageHubSpot, clientPagePlaybook, formTokenOf, PM, postForm } from '../support/client-page.js';
import { isolateNetwork } from '../support/isolate-network.js';
import { sentSurvey } from '../support/sent-survey.js';
import { outboxFiles } from '../support/outbox.js';
import { PUBLIC_URL, startServer } from '../support/start-server.js';
import { onboardDeal } from '../support/survey.js';

const wonAt = Date.parse('2026-12-07T10:00:00Z'); // Monday 11:00 in Rome; the welcome falls due Wednesday (8 December is a holiday)
const wednesday = Date.parse('2026-12-09T08:05:00Z');
const DOCS = fileURLToPath(new URL('../../docs/', import.meta.url));
const AXE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const onCleanUp = isolateNetwork();

/** axe-core, injected into the page (the page's CSP allows no script; DevTools' evaluation is not subject to it). */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const result = await page.evaluate(() => (window as any).axe.run(document, { resultTypes: ['violations'] }));
  return (result.violations as { id: string; impact: string; nodes: unknown[] }[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}, ${v.nodes.length} nodes)`);
}

/** No serious or critical axe violation, and the page's pictures at phone and desktop width (into docs/ on request). */
async function checkedAndPictured(page: Page, lang: 'en' | 'it', shots: string): Promise<void> {
  expect(await seriousViolations(page), lang).toEqual([]);
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    const shot = join(shots, `client-page-${lang}-${width}.png`);
    await page.screenshot({ path: shot, fullPage: true });
    expect((await readFile(shot)).subarray(1, 4).toString()).toBe('PNG');
    if (process.env.FIRST100_UPDATE_SCREENSHOT) await copyFile(shot, join(DOCS, `client-page-${lang}-${width}.png`));
  }
  await page.setViewportSize({ width: 390, height: 844 });
}

describe.skipIf(!HAS_CHROMIUM)(`the client page in Chromium${CHROMIUM_SKIP}`, () => {
  it('follows the link of a real email: phase, next milestone, team, two tasks; done and stuck reach HubSpot once each', { timeout: 180_000 }, async () => {
    const hubspot = clientPageHubSpot();
    const clock = { now: wonAt };
    const server = await startServer({ clock: () => clock.now, env: { PLAYBOOK: await clientPagePlaybook() } });
    const browser = await launchChromium();
    const shots = await mkdtemp(join(tmpdir(), 'first100-client-shots-'));
    onCleanUp(async () => {
      await browser.close();
      await server.cleanUp();
      hubspot.stop();
      await rm(shots, { recursive: true, force: true });
    });
    // Won on Monday, moved to activate by the PM; Wednesday's welcome email carries the page link.
    await onboardDeal(server, wonAt, '42', 'activate');
    clock.now = wednesday;
    await server.worker.drain();
    const [email] = await outboxFiles(server.dataDir);
    const link = clientPageLinkIn((await readOutboxMessage(email!)).text)!.replace(PUBLIC_URL, server.url);
    // The kickoff survey, sent to the contact and not answered yet: the page asks it too.
    await sentSurvey(server, { dealId: '42', contactId: '9', survey: 'CSAT', touchpoint: 'Kickoff meeting', now: wednesday });
    const before = { notes: hubspot.notes.length, tasks: hubspot.tasks.length, dealWrites: hubspot.callsTo('/crm/v3/objects/deals/batch/update').length };
    const visits = () => server.db.query<{ contact_id: string }>('SELECT contact_id FROM client_visits');
    const seenWrites = () =>
      hubspot.callsTo('/crm/v3/objects/deals/batch/update').slice(before.dealWrites).flatMap((c) => c.body.inputs).filter((i: any) => i.properties.first100_client_last_seen).map((i: any) => [i.id, i.properties.first100_client_last_seen]);

    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, javaScriptEnabled: false });
    page.setDefaultTimeout(10_000);
    const console: string[] = [];
    page.on('console', (m) => console.push(m.text()));
    expect((await page.goto(link))?.status()).toBe(200);
    expect(await page.getByRole('listitem').filter({ hasText: 'Your kickoff' }).getAttribute('aria-current')).toBe('step');
    await expect.poll(() => page.getByRole('region', { name: 'What comes next' }).getByRole('listitem').first().textContent()).toContain('Kickoff meeting');
    expect(await page.getByRole('region', { name: 'Your team' }).getByRole('heading', { name: PM.name }).count()).toBe(1);
    const tasks = page.getByRole('region', { name: 'What we need from you' }).getByRole('article');
    expect(await tasks.count()).toBe(2);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // Without JavaScript, opening the page records nothing (as a mail scanner's GET records nothing).
    await page.waitForLoadState('networkidle');
    expect(await visits()).toEqual([]);

    // Accessibility and screenshots in English, phone and desktop (the Italian ones: the next test, on the Italian
    // playbook). axe runs on timers, so this page lets scripts run; the page's own CSP still allows none of its own.
    const checked = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
    checked.setDefaultTimeout(10_000);
    const checkedConsole: string[] = [];
    checked.on('console', (m) => checkedConsole.push(m.text()));
    await checked.goto(`${link}?lang=en`);
    // With JavaScript, the page shown to a person tells the server of the visit (the page's own beacon).
    await expect.poll(visits).toEqual([{ contact_id: '9' }]);
    await checkedAndPictured(checked, 'en', shots);
    await checked.goto(`${link}?lang=en`);
    await checked.waitForLoadState('networkidle');
    await checked.close();
    expect(checkedConsole).toEqual([]); // the policy blocked nothing: the beacon is our own script and our own address
    await server.worker.drain();
    // Two page loads within the hour: HubSpot hears of the visit once.
    expect(seenWrites()).toEqual([['42', new Date(wednesday).toISOString()]]);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${link}?lang=en`);
    const csrf = formTokenOf(await page.content());

    await tasks.filter({ hasText: 'Name your day-to-day contact person' }).getByRole('button', { name: 'Mark as done' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Thank you: we received it.');
    const stuck = page.getByRole('article').filter({ hasText: 'Confirm the goals and success criteria' });
    await stuck.getByText('Stuck? Ask for help').click();
    await stuck.getByLabel('What is in the way?').fill('Our board meets on the 15th; we cannot confirm before.');
    await stuck.getByRole('button', { name: 'Send to my project manager' }).click();
    await expect.poll(() => page.getByText('You asked for help on').count()).toBe(1);
    expect(await page.getByText(/^Done on /).count()).toBe(1);
    // The same forms posted again (a double click, a resent form): nothing more reaches HubSpot.
    const base = `${link.replace(/\?.*$/, '')}/tasks`;
    expect((await postForm(`${base}/day-to-day-contact`, { csrf, status: 'done' })).status).toBe(303);
    expect((await postForm(`${base}/confirm-success-criteria`, { csrf, status: 'stuck', comment: 'Our board meets on the 15th; we cannot confirm before.' })).status).toBe(303);

    // The open survey, answered on the page without JavaScript: thanks, and it is no longer asked.
    const survey = page.getByRole('group', { name: 'How satisfied are you with “Kickoff meeting”?' });
    await survey.getByRole('radio', { name: '5 (Very satisfied)' }).check();
    await page.getByLabel('What is the main reason for your score?').fill('A clear kickoff, thank you.');
    await page.getByRole('button', { name: 'Send my answer' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Thank you! Your answer is recorded, and the team will read it.');
    expect(await page.getByRole('button', { name: 'Send my answer' }).count()).toBe(0);

    await server.worker.drain();
    expect(await server.db.query('SELECT score, comment FROM feedback_answers')).toEqual([{ score: 5, comment: 'A clear kickoff, thank you.' }]);
    expect(hubspot.notes.slice(before.notes).filter((n) => n.properties.hs_note_body?.includes('A clear kickoff, thank you.'))).toHaveLength(1);
    expect(seenWrites()).toHaveLength(1);
    const notes = hubspot.notes.slice(before.notes).filter((n) => n.properties.hs_note_body?.includes('Client task done'));
    expect(notes).toHaveLength(1);
    const pmTasks = hubspot.tasks.slice(before.tasks).filter((t) => t.properties.hs_task_subject?.startsWith('The client is stuck'));
    expect(pmTasks).toHaveLength(1);
    expect(pmTasks[0]!.properties).toMatchObject({ hs_task_priority: 'HIGH', hubspot_owner_id: PM.id });
    expect(pmTasks[0]!.properties.hs_task_body).toContain('Our board meets on the 15th');
    expect(console).toEqual([]);
  });
  it('in Italian, for a client of an adopter whose playbook is Italian: the same page passes axe, and its pictures', { timeout: 180_000 }, async () => {
    const hubspot = clientPageHubSpot();
    const clock = { now: wonAt };
    const server = await startServer({ clock: () => clock.now, env: { PLAYBOOK: await clientPagePlaybook('it') } });
    const browser = await launchChromium();
    const shots = await mkdtemp(join(tmpdir(), 'first100-client-shots-'));
    onCleanUp(async () => {
      await browser.close();
      await server.cleanUp();
      hubspot.stop();
      await rm(shots, { recursive: true, force: true });
    });
    await onboardDeal(server, wonAt, '42', 'activate');
    clock.now = wednesday;
    await server.worker.drain();
    const [email] = await outboxFiles(server.dataDir);
    const link = clientPageLinkIn((await readOutboxMessage(email!)).text)!.replace(PUBLIC_URL, server.url);
    await sentSurvey(server, { dealId: '42', contactId: '9', survey: 'CSAT', touchpoint: 'Riunione di kickoff', locale: 'it', now: wednesday });
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
    page.setDefaultTimeout(10_000);
    const console: string[] = [];
    page.on('console', (m) => console.push(m.text()));
    expect((await page.goto(`${link}?lang=it`))?.status()).toBe(200);
    // The playbook's own Italian reaches the client: their tasks and the survey's touchpoint.
    const tasks = page.getByRole('region', { name: 'Cosa ci serve da voi' }).getByRole('article');
    expect(await tasks.count()).toBe(2);
    expect(await page.getByText('Riunione di kickoff').count()).toBeGreaterThan(0);
    await checkedAndPictured(page, 'it', shots);
    expect(console).toEqual([]);
  });
});
