import { describe, expect, it } from 'vitest';
import { cadenceUpdateTimes, routeProgressUpdate } from '../../src/domain/progress-routing.js';

const DAY = 86_400_000;
const now = Date.parse('2027-01-20T08:00:00Z');

describe('a progress update follows the channel and cadence the client chose at the handoff', () => {
  it('by email, or as a call task for the PM when they chose the phone', () => {
    expect(routeProgressUpdate({ channel: 'email', cadence: 'weekly', atCheckpoint: false, lastUpdateAt: now - 8 * DAY, now })).toEqual({ kind: 'email' });
    expect(routeProgressUpdate({ channel: 'phone', cadence: 'weekly', atCheckpoint: false, lastUpdateAt: now - 8 * DAY, now })).toEqual({ kind: 'call' });
    expect(routeProgressUpdate({ channel: null, cadence: null, atCheckpoint: false, lastUpdateAt: now - DAY, now })).toEqual({ kind: 'email' });
  });

  it('never sooner than their cadence', () => {
    expect(routeProgressUpdate({ channel: 'email', cadence: 'every_two_weeks', atCheckpoint: true, lastUpdateAt: now - DAY, now })).toEqual({
      kind: 'skip', reason: 'the client asked for fortnightly updates (handoff) and the last one was 1 day ago',
    });
    expect(routeProgressUpdate({ channel: 'phone', cadence: 'monthly', atCheckpoint: false, lastUpdateAt: now - 20 * DAY, now }).kind).toBe('skip');
    expect(routeProgressUpdate({ channel: 'phone', cadence: 'monthly', atCheckpoint: false, lastUpdateAt: now - 26 * DAY, now }).kind).toBe('call');
    expect(routeProgressUpdate({ channel: 'email', cadence: 'weekly', atCheckpoint: false, lastUpdateAt: null, now }).kind).toBe('email');
  });

  it('"at milestones" means the checkpoints only', () => {
    expect(routeProgressUpdate({ channel: 'email', cadence: 'at_milestones', atCheckpoint: false, lastUpdateAt: null, now })).toEqual({ kind: 'skip', reason: 'the client asked for updates at milestones only (handoff)' });
    expect(routeProgressUpdate({ channel: 'email', cadence: 'at_milestones', atCheckpoint: true, lastUpdateAt: now - DAY, now })).toEqual({ kind: 'email' });
  });
});

describe('the updates of the client\'s cadence', () => {
  const plusBusinessDays = (from: number, n: number) => from + n * DAY; // a calendar without weekends, for the arithmetic
  it('fall every 5, 10 or 20 business days from the handoff until the end of the 100 days; none for "at milestones"', () => {
    expect(cadenceUpdateTimes('weekly', 0, 22 * DAY, plusBusinessDays)).toEqual([5 * DAY, 10 * DAY, 15 * DAY, 20 * DAY]);
    expect(cadenceUpdateTimes('every_two_weeks', 0, 22 * DAY, plusBusinessDays)).toEqual([10 * DAY, 20 * DAY]);
    expect(cadenceUpdateTimes('monthly', 0, 22 * DAY, plusBusinessDays)).toEqual([20 * DAY]);
    expect(cadenceUpdateTimes('at_milestones', 0, 22 * DAY, plusBusinessDays)).toEqual([]);
    expect(cadenceUpdateTimes(null, 0, 22 * DAY, plusBusinessDays)).toEqual([]);
  });

  it('stop once the client leads the relationship (adopt, advocate); the playbook\'s checkpoints still speak', () => {
    expect(routeProgressUpdate({ channel: 'email', cadence: 'weekly', atCheckpoint: false, byCadence: true, phase: 'adopt', lastUpdateAt: null, now })).toEqual({
      kind: 'skip', reason: 'from adopt on the client leads the relationship: no more scheduled progress updates',
    });
    expect(routeProgressUpdate({ channel: 'email', cadence: 'weekly', atCheckpoint: false, byCadence: true, phase: 'acclimate', lastUpdateAt: null, now }).kind).toBe('email');
  });
});
