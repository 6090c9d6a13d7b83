import { join } from 'node:path';
import { rm } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createOutboxTransport, createSmtpTransport, type MailTransport } from '../../src/email/mail-transport.js';
import { deliver, stageEvent } from '../support/deliveries.js';
import { fakeHubSpot, type FakeData } from '../support/fake-hubspot.js';
import { isolateNetwork } from '../support/isolate-network.js';
import { outboxFiles } from '../support/outbox.js';
import { startSmtpSink } from '../support/smtp-sink.js';
import { freshDataDir, startServer } from '../support/start-server.js';

const onCleanUp = isolateNetwork();
const wonAt = Date.parse('2026-12-04T14:00:00Z');
const due = Date.parse('2026-12-07T08:01:00Z'); // the welcome falls due Monday 09:00 in Rome
const LEASE_MS = 60_000;

const data = (): FakeData => ({
  deals: {
    '42': {
      properties: { dealname: 'ERP rollout', pipeline: 'default', dealstage: 'closedwon', hubspot_owner_id: '100', first100_pm_owner: '200', closedate: null },
      companyId: '7',
      contactIds: ['11'],
    },
  },
  companies: { '7': 'Rossi Meccanica' },
  contacts: { '11': { email: 'anna@example.com', firstname: 'Anna', lastname: 'Rossi', hs_language: 'it' } },
});

/** A transport whose process dies during the send: before the message goes out, or after it went out but before we learn so. */
function dyingTransport(inner: MailTransport, dies: 'before-sending' | 'after-sending') {
  let reached!: () => void;
  const crashed = new Promise<void>((resolve) => (reached = resolve));
  const transport: MailTransport = {
    kind: inner.kind,
    async send(message) {
      if (dies === 'after-sending') await inner.send(message);
      reached();
      return new Promise<void>(() => {}); // never returns: the process is gone
    },
    delivered: (fileName) => inner.delivered(fileName),
    close: () => inner.close(),
  };
  return { transport, crashed };
}

function counting(inner: MailTransport) {
  const sends: string[] = [];
  const transport: MailTransport = { ...inner, kind: inner.kind, send: async (m) => (sends.push(m.fileName), inner.send(m)), delivered: (f) => inner.delivered(f), close: () => inner.close() };
  return { transport, sends };
}

type Dying = { transport: MailTransport; crashed: Promise<void> };

/** Runs a first process until its send "crashes", abandons it, and starts a second one on the same data directory. */
async function crashThenRestart(first: (outbox: string) => Dying, second: (outbox: string) => MailTransport, env: Record<string, string> = {}) {
  const hubspot = fakeHubSpot(data());
  const dataDir = await freshDataDir();
  onCleanUp(async () => {
    hubspot.stop();
    await rm(dataDir, { recursive: true, force: true });
  });
  const outbox = join(dataDir, 'outbox');
  const dyingTransport = first(outbox);
  const clock = { now: wonAt + 5000 };
  const dying = await startServer({ dataDir, env, clock: () => clock.now, mailTransport: dyingTransport.transport });
  await deliver(dying.url, [stageEvent('42', 'closedwon', wonAt)], clock.now);
  await dying.worker.drain();
  clock.now = due;
  void dying.worker.drain(); // hangs forever inside the send
  await dyingTransport.crashed;
  const [sending] = await dying.db.query<{ status: string }>('SELECT status FROM email_messages');
  expect(sending!.status).toBe('sending'); // committed before the transport was called
  await dying.stop(); // its memory is lost; the database keeps what was committed

  const next = await startServer({ dataDir, env, clock: () => clock.now, mailTransport: second(outbox) });
  onCleanUp(() => next.stop());
  await next.worker.drain(); // the dead worker's lease still holds: nobody touches the message
  expect((await next.db.query<{ status: string }>('SELECT status FROM email_messages'))[0]!.status).toBe('sending');
  clock.now += LEASE_MS + 1000;
  await next.worker.drain();
  clock.now += 3_600_000;
  await next.worker.drain();
  const [message] = await next.db.query<{ status: string; reason: string | null; log_status: string }>('SELECT status, reason, log_status FROM email_messages');
  return { hubspot, dataDir, message: message! };
}

describe('an email job retried after a crash sends one email', { timeout: 180_000 }, () => {
  it('outbox: the file was written before the crash; the retry finds it and writes nothing', async () => {
    let sends: string[] = [];
    const { hubspot, dataDir, message } = await crashThenRestart(
      (outbox) => dyingTransport(createOutboxTransport(outbox), 'after-sending'),
      (outbox) => {
        const c = counting(createOutboxTransport(outbox));
        sends = c.sends;
        return c.transport;
      },
    );
    expect(sends).toHaveLength(0);
    expect(await outboxFiles(dataDir)).toHaveLength(1);
    // Live with the outbox chosen: the message reached nobody, so HubSpot never shows it sent.
    expect(message).toMatchObject({ status: 'sent', log_status: 'not-logged' });
    expect(hubspot.emails).toHaveLength(0);
  });

  it('outbox: the crash came before the file was written; the retry writes it, once', async () => {
    let sends: string[] = [];
    const { hubspot, dataDir, message } = await crashThenRestart(
      (outbox) => dyingTransport(createOutboxTransport(outbox), 'before-sending'),
      (outbox) => {
        const c = counting(createOutboxTransport(outbox));
        sends = c.sends;
        return c.transport;
      },
    );
    expect(sends).toHaveLength(1);
    expect(await outboxFiles(dataDir)).toHaveLength(1);
    expect(message).toMatchObject({ status: 'sent', log_status: 'not-logged' });
    expect(hubspot.emails).toHaveLength(0);
  });

  it('SMTP: a send cut short is never repeated; it is marked unknown and the PM gets a task to check', async () => {
    const sink = await startSmtpSink();
    onCleanUp(() => sink.stop());
    const env = { SMTP_URL: sink.url, EMAIL_FROM: 'Acme Onboarding <onboarding@acme.example>' };
    const { hubspot, message } = await crashThenRestart(
      () => dyingTransport(createSmtpTransport(sink.url), 'after-sending'),
      () => createSmtpTransport(sink.url),
      env,
    );
    expect(sink.messages).toHaveLength(1);
    expect(sink.messages[0]!.to).toEqual(['anna@example.com']);
    expect(sink.messages[0]!.raw).toMatch(/^Message-ID: <[0-9a-f]{32}@acme\.example>/m);
    expect(message.status).toBe('unknown');
    expect(hubspot.emails).toHaveLength(0);
    const check = hubspot.tasks.find((t) => t.properties.hs_task_subject === 'Check that the contact received the "welcome" email');
    expect(check?.properties.hubspot_owner_id).toBe('200');
    expect(check?.associations.map((a: any) => a.to.id)).toEqual(['42', '7', '11']);
  });

  it('SMTP without a crash: one delivery, logged once', async () => {
    const sink = await startSmtpSink();
    onCleanUp(() => sink.stop());
    const hubspot = fakeHubSpot(data());
    const clock = { now: wonAt + 5000 };
    const server = await startServer({ clock: () => clock.now, env: { SMTP_URL: sink.url, EMAIL_FROM: 'onboarding@acme.example' } });
    onCleanUp(async () => {
      await server.cleanUp();
      hubspot.stop();
    });
    await deliver(server.url, [stageEvent('42', 'closedwon', wonAt)], clock.now);
    await server.worker.drain();
    clock.now = due;
    await server.worker.drain();
    clock.now += 3_600_000;
    await server.worker.drain();
    expect(sink.messages).toHaveLength(1);
    expect(sink.messages[0]!.raw).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(hubspot.emails).toHaveLength(1);
  });

  it('SMTP refusing for now (451): the message stays unsent and goes out once on a later attempt', async () => {
    const sink = await startSmtpSink({ refuseFirst: 1 });
    onCleanUp(() => sink.stop());
    const hubspot = fakeHubSpot(data());
    const clock = { now: wonAt + 5000 };
    const server = await startServer({ clock: () => clock.now, env: { SMTP_URL: sink.url, EMAIL_FROM: 'onboarding@acme.example' } });
    onCleanUp(async () => {
      await server.cleanUp();
      hubspot.stop();
    });
    await deliver(server.url, [stageEvent('42', 'closedwon', wonAt)], clock.now);
    await server.worker.drain();
    clock.now = due;
    await server.worker.drain();
    expect(sink.refused).toBe(1);
    expect(sink.messages).toHaveLength(0);
    const [waiting] = await server.db.query<{ status: string; reason: string }>('SELECT status, reason FROM email_messages');
    expect(waiting).toMatchObject({ status: 'rendered', reason: expect.stringContaining('451') });
    clock.now += 60_000;
    await server.worker.drain();
    expect(sink.messages).toHaveLength(1);
    expect(hubspot.emails).toHaveLength(1);
  });
});
