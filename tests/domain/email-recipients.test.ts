import { describe, expect, it } from 'vitest';
import { contactLocale, primaryContactId, selectRecipients } from '../../src/domain/email-recipients.js';

const contacts = [
  { id: '30', labels: ['Decision maker'] },
  { id: '4', labels: [] },
  { id: '12', labels: ['Billing contact', 'decision  maker'] },
];

describe('email recipients', () => {
  it('primary contact: the one labelled "Primary", whatever its id', () => {
    expect(primaryContactId([...contacts, { id: '50', labels: ['Primary'] }])).toBe('50');
    expect(selectRecipients('primary_contact', [...contacts, { id: '50', labels: ['Contatto principale'] }])).toEqual(['50']);
  });

  it('primary contact without a label: the lowest contact id', () => {
    expect(selectRecipients('primary_contact', contacts)).toEqual(['4']);
    expect(selectRecipients('primary_contact', [])).toEqual([]);
  });

  it('all contacts, lowest id first', () => {
    expect(selectRecipients('all_contacts', contacts)).toEqual(['4', '12', '30']);
  });

  it('a label selects the contacts that carry it, ignoring case and spacing; an unknown label selects nobody', () => {
    expect(selectRecipients({ label: 'Decision Maker' }, contacts)).toEqual(['12', '30']);
    expect(selectRecipients({ label: 'Champion' }, contacts)).toEqual([]);
  });

  it("each contact's language from hs_language, the playbook's when it is empty", () => {
    expect(contactLocale('it', 'en')).toBe('it');
    expect(contactLocale('it-it', 'en')).toBe('it');
    expect(contactLocale('en-gb', 'it')).toBe('en');
    expect(contactLocale('de', 'it')).toBe('en');
    expect(contactLocale(null, 'it')).toBe('it');
    expect(contactLocale('  ', 'en')).toBe('en');
  });
});
