import { describe, expect, it } from 'vitest';
import { handoffNote, phaseMoveNote } from '../../src/domain/timeline-notes.js';
import { escapeHtml, neutraliseMarkers, userHtml } from '../../src/domain/user-text.js';
import { pauseNote } from '../../src/domain/workflow-actions.js';
import { planTemplates } from '../../src/domain/plan-phase-entry.js';
import { createBusinessCalendar } from '../../src/domain/business-calendar.js';
import { newHandoff } from '../../src/domain/handoff.js';

/** How first100 recognises its own marker in what it reads back from HubSpot (hubspot-port markerIn). */
const MARKERS = /first100 ref ([0-9a-f]{16})/g;
const markersIn = (html: string) => [...html.matchAll(MARKERS)].map((m) => m[1]);

describe('outside text as it enters HubSpot HTML', () => {
  it('escapes the five characters HTML gives a meaning to', () => {
    expect(escapeHtml(`<b onclick="x('y')">R&D</b>`)).toBe('&lt;b onclick=&quot;x(&#39;y&#39;)&quot;&gt;R&amp;D&lt;/b&gt;');
  });

  it('breaks a quoted first100 marker, whatever its case, spacing or invisible characters, and leaves other text alone', () => {
    for (const quoted of ['first100 ref 0123456789abcdef', 'FIRST100  Ref 0123456789abcdef', 'first100\u00a0ref 0123456789abcdef', 'first100\u200b ref\n0123456789abcdef']) {
      const shown = userHtml(`see ${quoted} please`);
      expect(markersIn(shown)).toEqual([]);
      expect(shown).toContain('first100 (quoted) ref');
      expect(shown.toLowerCase()).not.toMatch(/first100[\s\u200b]+ref/);
    }
    expect(neutraliseMarkers(neutraliseMarkers('first100 ref 0123456789abcdef'))).toBe('first100 (quoted) ref 0123456789abcdef');
    expect(userHtml('first100 is great; refunds are not')).toBe('first100 is great; refunds are not');
  });

  it('goes through the same rule in every note and task body that carries outside text', () => {
    const quoted = '<i>x</i> first100 ref 0123456789abcdef';
    const handoff = newHandoff();
    const bodies = [
      phaseMoveNote('activate', 'acclimate', quoted, quoted, 'en'),
      handoffNote(handoff, { action: 'ask', items: ['goals'], text: quoted }, false, quoted, 'en')!,
      pauseNote('pause', quoted, quoted, 'en'),
    ];
    for (const body of bodies) {
      expect(markersIn(body)).toEqual([]);
      expect(body).not.toContain('<i>');
      expect(body).toContain('&lt;i&gt;x&lt;/i&gt; first100 (quoted) ref 0123456789abcdef');
    }
  });
});

describe('a playbook task filled with CRM names', () => {
  it('puts the names into the rich-text body through the same rule, and into the plain-text subject as they are', () => {
    const calendar = createBusinessCalendar({ timezone: 'Europe/Rome', dueTime: '09:00' });
    const name = 'R&D <Labs> first100 ref 0123456789abcdef';
    const deal = { id: '42', name: 'Renewal', pipeline: 'default', ownerId: '100', pmOwnerId: null, closeDate: null, company: { id: '7', name }, contactIds: [] };
    const task = { id: 'call', title: 'Call {{company.name}}', body: "Ask {{company.name}} what's next for {{deal.name}}", assignee: 'deal_owner' as const, due: { businessDays: 0 }, priority: 'MEDIUM' as const, type: 'TODO' as const };
    const [planned] = planTemplates({ tasks: [task], emails: [] }, { deal, from: 0, calendar, now: 0 }).steps;
    expect(planned).toMatchObject({
      title: 'Call R&D <Labs> first100 ref 0123456789abcdef',
      body: "Ask R&amp;D &lt;Labs&gt; first100 (quoted) ref 0123456789abcdef what's next for Renewal",
    });
  });
});
