import { describe, expect, it } from 'vitest';
import { clientTeamMember } from '../../src/domain/client-team.js';
import { ownerName } from '../../src/domain/owner-name.js';
import { mineFilter } from '../../src/domain/portfolio.js';

const giulia = { firstName: 'Giulia', lastName: 'Bianchi', email: 'giulia@example.com', archived: false };

describe('"My onboardings" filter', () => {
  it('keeps the user\'s own owner, nothing when first100 knows none, and is absent when not asked', () => {
    expect(mineFilter(true, '201')).toEqual({ mine: ['201'] });
    expect(mineFilter(true, null)).toEqual({ mine: [] });
    expect(mineFilter(false, '201')).toEqual({});
  });
});

describe('an owner\'s name', () => {
  it('is first and last name, either alone, else the address, else none', () => {
    expect(ownerName(giulia)).toBe('Giulia Bianchi');
    expect(ownerName({ ...giulia, lastName: null })).toBe('Giulia');
    expect(ownerName({ firstName: null, lastName: null, email: 'pm@example.com' })).toBe('pm@example.com');
    expect(ownerName({ firstName: null, lastName: null, email: null })).toBeNull();
  });
});

describe('a member of the client\'s team', () => {
  it('takes name and email from HubSpot\'s owner, phone and what they do from the playbook', () => {
    expect(clientTeamMember(giulia, { phone: '+39 02 1234 5678', does: 'Runs your rollout.' })).toEqual({
      name: 'Giulia Bianchi', email: 'giulia@example.com', phone: '+39 02 1234 5678', does: 'Runs your rollout.',
    });
    expect(clientTeamMember(giulia, undefined)).toEqual({ name: 'Giulia Bianchi', email: 'giulia@example.com' });
  });

  it('lets the playbook\'s name or email replace HubSpot\'s', () => {
    expect(clientTeamMember(giulia, { name: 'Giulia B.', email: 'team@example.com' })).toEqual({ name: 'Giulia B.', email: 'team@example.com' });
  });

  it('falls back to the playbook\'s entry without an active owner, and is left out with no name from either', () => {
    expect(clientTeamMember({ ...giulia, archived: true }, undefined)).toBeNull();
    expect(clientTeamMember({ ...giulia, archived: true }, { name: 'Giulia Bianchi', phone: '+39 02 1234 5678' })).toEqual({ name: 'Giulia Bianchi', phone: '+39 02 1234 5678' });
    expect(clientTeamMember(undefined, { phone: '+39 02 1234 5678' })).toBeNull();
    expect(clientTeamMember(undefined, undefined)).toBeNull();
    expect(clientTeamMember({ firstName: null, lastName: null, email: null, archived: false }, undefined)).toBeNull();
  });
});
