import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { clientPageLinkIn, parseMessage } from '../../src/email/outbox-reader.js';
import { runTick } from '../../src/jobs/schedules/scheduled-job.js';
import { recordUnsubscribe } from '../../src/store/unsubscribes.js';
import { clientLink, clientPageServerWithMail, formTokenOf, PM, postForm } from '../support/client-page.js';
import { isolateNetwork } from '../support/isolate-network.js';
import { PUBLIC_URL } from '../support/start-server.js';

const at = (local: string) => DateTime.fromISO(local, { zone: 'Europe/Rome' }).toMillis();
// Monday 7 December 2026, 11:00 in Rome; Tuesday 8 is a holiday in Italy. In activate, "day-to-day-contact" is due in
// 2 business days (Thursday 10, 09:00): reminder on Monday 14 (2 business days later), PM task on Thursday 17 (5).
// "confirm-success-criteria" is due in 5 (Tuesday 15): the client marks it done first.
const enteredAt = at('2026-12-07T11:00');
const REMINDER_SUBJECT = 'A reminder: Name your day-to-day contact person';
const onCleanUp = isolateNetwork();

describe('the client-task sweep', { timeout: 120_000 }, () => {
  it('sends one reminder to the contact, then gives the PM one HIGH task; nothing before the limit, nothing for a done task, once however often it runs', async () => {
    const { hubspot, clock, sink, server } = await clientPageServerWithMail(enteredAt, onCleanUp);
    const job = server.jobs['client-task-sweep'];
    const tick = async (local: string) => {
      clock.now = at(local);
      expect(await runTick(server.engine, job, clock.now)).toBe('ran');
      await server.worker.drain();
    };
    const reminders = () => sink.messages.map((m) => parseMessage(m.raw)).filter((m) => m.headers.subject === REMINDER_SUBJECT);
    const overdueTasks = () => hubspot.tasks.filter((t) => t.properties.hs_task_subject?.startsWith('Client task overdue'));
    const sweepSteps = () => server.db.query<{ effect_key: string }>("SELECT effect_key FROM steps WHERE effect_key LIKE '42:client-task:%' ORDER BY effect_key");

    const token = await clientLink(server, enteredAt, '42', 'activate', '9');
    await tick('2026-12-14T08:59'); // overdue since Thursday, but the limit ends at 09:00
    expect(await sweepSteps()).toEqual([]);
    expect(reminders()).toEqual([]);

    clock.now = at('2026-12-14T09:10');
    const csrf = formTokenOf(await (await fetch(`${server.url}/c/${token}`)).text());
    expect((await postForm(`${server.url}/c/${token}/tasks/confirm-success-criteria`, { status: 'done', csrf })).status).toBe(303);

    await tick('2026-12-14T09:30');
    await tick('2026-12-14T10:30'); // the next tick finds it planned
    await Promise.all([job.run(at('2026-12-14T11:00')), job.run(at('2026-12-14T11:00'))]); // two replicas at once
    await server.worker.drain();
    expect(reminders()).toHaveLength(1);
    const [reminder] = reminders();
    expect(sink.messages.find((m) => parseMessage(m.raw).headers.subject === REMINDER_SUBJECT)!.to).toEqual(['anna@acme.example']);
    expect(reminder!.text).toContain('which was due on December 10, 2026: “Name your day-to-day contact person”.');
    expect(reminder!.text).toContain('Why it matters: One person on each side makes questions and decisions faster.');
    // The contact's current link, which opens their page of this deal.
    const link = clientPageLinkIn(reminder!.text)!;
    expect(link).toMatch(new RegExp(`^${PUBLIC_URL}/c/[A-Za-z0-9_-]{43}$`));
    const page = await fetch(`${server.url}/c/${link.slice(link.lastIndexOf('/') + 1)}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Name your day-to-day contact person');
    expect(overdueTasks()).toEqual([]);

    await tick('2026-12-17T08:30'); // the PM's limit ends at 09:00; the done task's reminder would be due now
    expect(overdueTasks()).toEqual([]);
    await tick('2026-12-17T09:30');
    await tick('2026-12-17T10:30');
    await Promise.all([job.run(at('2026-12-17T11:00')), job.run(at('2026-12-17T11:00'))]);
    await server.worker.drain();
    expect(overdueTasks()).toHaveLength(1);
    expect(overdueTasks()[0]!.properties).toMatchObject({ hs_task_priority: 'HIGH', hubspot_owner_id: PM.id, hs_task_subject: 'Client task overdue: Name your day-to-day contact person' });
    expect(overdueTasks()[0]!.properties.hs_task_body).toContain('first100 already sent the client one reminder by email');
    expect(reminders()).toHaveLength(1);
    // Nothing at all for the task the client marked done.
    expect((await sweepSteps()).map((s) => s.effect_key)).toEqual([
      expect.stringMatching(/^42:client-task:\d+:confirm-success-criteria:done$/),
      expect.stringMatching(/^42:client-task:\d+:day-to-day-contact:overdue$/),
      expect.stringMatching(/^42:client-task:\d+:day-to-day-contact:reminder$/),
    ]);
  });

  it('does not send a reminder the client made pointless by answering the task before it went out', async () => {
    const { hubspot, clock, sink, server } = await clientPageServerWithMail(enteredAt, onCleanUp);
    const token = await clientLink(server, enteredAt, '42', 'activate', '9');
    await server.worker.drain();
    clock.now = at('2026-12-14T09:30');
    // Planned, not yet sent: the client answers in between.
    expect(await server.jobs['client-task-sweep'].run(clock.now)).toMatchObject({ reminders: 1, pmTasks: 0 });
    const csrf = formTokenOf(await (await fetch(`${server.url}/c/${token}`)).text());
    expect((await postForm(`${server.url}/c/${token}/tasks/day-to-day-contact`, { status: 'done', csrf })).status).toBe(303);
    await server.worker.drain();
    expect(sink.messages.filter((m) => parseMessage(m.raw).headers.subject === REMINDER_SUBJECT)).toEqual([]);
    const [skipped] = await server.db.query<{ status: string; reason: string }>("SELECT m.status, m.reason FROM email_messages m JOIN steps s ON s.id = m.step_id WHERE s.step_id = 'client-task-reminder'");
    expect(skipped).toEqual({ status: 'skipped', reason: 'not sent: the client answered the task on their page before the reminder went out' });
  });

  it('tells the PM when the reminder could not reach the client (unsubscribed), instead of claiming it did', async () => {
    const { hubspot, clock, sink, server } = await clientPageServerWithMail(enteredAt, onCleanUp);
    await clientLink(server, enteredAt, '42', 'activate', '9');
    await recordUnsubscribe(server.db, '9', enteredAt, 'page');
    for (const local of ['2026-12-14T09:30', '2026-12-17T09:30']) {
      clock.now = at(local);
      expect(await runTick(server.engine, server.jobs['client-task-sweep'], clock.now)).toBe('ran');
      await server.worker.drain();
    }
    expect(sink.messages.filter((m) => parseMessage(m.raw).headers.subject === REMINDER_SUBJECT)).toEqual([]);
    const tasks = hubspot.tasks.filter((t) => t.properties.hs_task_subject === 'Client task overdue: Name your day-to-day contact person');
    expect(tasks).toHaveLength(1);
    expect(tasks[0]!.properties.hs_task_body).toContain('first100 could not remind the client by email');
    expect(tasks[0]!.properties.hs_task_body).not.toContain('already sent');
  });
});
