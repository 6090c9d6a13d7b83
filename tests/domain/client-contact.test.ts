import { describe, expect, it } from 'vitest';
import { isClientContact, latestClientContact, type DealEngagement } from '../../src/domain/client-contact.js';

const now = Date.parse('2026-12-15T12:00:00Z');
const hoursAgo = (h: number) => now - h * 3600_000;
const e = (kind: DealEngagement['kind'], at: number | null, state: string | null): DealEngagement => ({ kind, at, state });

describe('what counts as the client in contact, for silence', () => {
  it('an email the client sent; never one sent to them (first100\'s logged emails are outgoing)', () => {
    expect(isClientContact(e('incoming-email', hoursAgo(1), 'INCOMING_EMAIL'), now)).toBe(true);
    expect(isClientContact(e('incoming-email', hoursAgo(1), 'EMAIL'), now)).toBe(false);
    expect(isClientContact(e('incoming-email', hoursAgo(1), 'FORWARDED_EMAIL'), now)).toBe(false);
  });

  it('a call that connected (or logged by hand, without a status); not one that never did', () => {
    expect(isClientContact(e('call', hoursAgo(1), 'COMPLETED'), now)).toBe(true);
    expect(isClientContact(e('call', hoursAgo(1), null), now)).toBe(true);
    for (const status of ['NO_ANSWER', 'BUSY', 'FAILED', 'MISSED', 'CANCELED', 'no answer']) expect(isClientContact(e('call', hoursAgo(1), status), now)).toBe(false);
  });

  it('a meeting that took place; not one cancelled, missed, moved, or still to come', () => {
    expect(isClientContact(e('meeting', hoursAgo(1), 'COMPLETED'), now)).toBe(true);
    expect(isClientContact(e('meeting', hoursAgo(1), 'SCHEDULED'), now)).toBe(true); // held, its outcome not updated
    for (const outcome of ['NO_SHOW', 'CANCELED', 'RESCHEDULED', 'no show']) expect(isClientContact(e('meeting', hoursAgo(1), outcome), now)).toBe(false);
    expect(isClientContact(e('meeting', now + 3600_000, 'SCHEDULED'), now)).toBe(false);
    expect(isClientContact(e('meeting', null, 'COMPLETED'), now)).toBe(false);
  });

  it('the latest contact among them, or none', () => {
    expect(latestClientContact([e('call', hoursAgo(5), 'COMPLETED'), e('call', hoursAgo(1), 'NO_ANSWER'), e('call', hoursAgo(3), null)], now)).toBe(hoursAgo(3));
    expect(latestClientContact([e('incoming-email', hoursAgo(1), 'EMAIL')], now)).toBeNull();
    expect(latestClientContact([], now)).toBeNull();
  });
});
