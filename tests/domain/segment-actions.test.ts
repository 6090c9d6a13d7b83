import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from '../../src/domain/business-calendar.js';
import type { DealSnapshot } from '../../src/domain/deal.js';
import type { Locale } from '../../src/domain/phases.js';
import { planSegmentTasks, resolveSegmentOwner } from '../../src/domain/plan-segment.js';
import { parsePlaybook } from '../../src/domain/playbook-loader.js';
import type { Playbook } from '../../src/domain/playbook-schema.js';

const load = (file: string) => parsePlaybook(readFileSync(file, 'utf8'), file);
const PLAYBOOKS: Record<Locale, Playbook> = { en: load('playbooks/default.en.yml'), it: load('playbooks/default.it.yml') };
const calendar = createBusinessCalendar({ timezone: 'Europe/Rome', holidays: 'IT', dueTime: '09:00' });
const friday = Date.parse('2026-12-04T14:00:00Z');
const names = { companyName: 'Rossi & Figli', dealName: 'ERP rollout' };
const deal: DealSnapshot = { id: '42', name: 'ERP rollout', pipeline: 'default', ownerId: '100', pmOwnerId: '200', closeDate: null, company: { id: '7', name: 'Rossi & Figli' }, contactIds: [] };

describe('each segment\'s action in the default playbooks', () => {
  it('loyal → the deal owner asks for a review or a referral', () => {
    const [en] = planSegmentTasks('loyal', PLAYBOOKS.en, names, calendar, friday);
    const [it_] = planSegmentTasks('loyal', PLAYBOOKS.it, names, calendar, friday);
    expect(en).toMatchObject({ stepId: 'loyal-review-or-referral', assignee: 'deal_owner', subject: 'Rossi & Figli came back and speaks well of us: ask for a review or a referral' });
    expect(it_!.subject).toBe('Rossi & Figli ha acquistato di nuovo e parla bene di noi: chiedi una recensione o una segnalazione');
    expect(en!.dueAt).toBe(Date.parse('2026-12-09T08:00:00Z')); // two business days from Friday, 09:00 in Rome (8 Dec is a holiday)
  });

  it('occasional → the PM gives them something worth telling, for word of mouth', () => {
    const [en] = planSegmentTasks('occasional', PLAYBOOKS.en, names, calendar, friday);
    const [it_] = planSegmentTasks('occasional', PLAYBOOKS.it, names, calendar, friday);
    expect(en).toMatchObject({ assignee: 'pm', subject: 'Give Rossi & Figli a reason to speak well of us' });
    expect(en!.body).toContain('they will talk about us');
    expect(it_).toMatchObject({ assignee: 'pm', subject: 'Dai a Rossi & Figli un motivo per parlare bene di noi' });
    expect(it_!.body).toContain('di noi parleranno');
  });

  it('at risk → an urgent retention call for the PM\'s manager', () => {
    const [en] = planSegmentTasks('at_risk', PLAYBOOKS.en, names, calendar, friday);
    const [it_] = planSegmentTasks('at_risk', PLAYBOOKS.it, names, calendar, friday);
    expect(en).toMatchObject({ assignee: 'pm_manager', priority: 'HIGH', type: 'CALL', subject: 'Retention: Rossi & Figli is at risk, step in before they leave' });
    expect(en!.body).toContain("As the PM's manager, call the client yourself");
    expect(it_).toMatchObject({ assignee: 'pm_manager', subject: 'Trattenere Rossi & Figli: il cliente è a rischio, intervieni prima che se ne vada' });
  });

  it('the PM\'s manager is the playbook\'s pmManager; without one the PM gets the task, with a warning', () => {
    expect(resolveSegmentOwner('pm_manager', deal, { owner: '300' })).toEqual({ ownerId: '300', role: 'pm_manager' });
    expect(resolveSegmentOwner('pm_manager', deal, undefined)).toMatchObject({ ownerId: '200', role: 'pm', warning: expect.stringContaining('no pmManager in the playbook') });
    expect(resolveSegmentOwner('deal_owner', deal, { owner: '300' })).toEqual({ ownerId: '100', role: 'deal_owner' });
  });

  it('the names in a task body are escaped as any outside text', () => {
    const [en] = planSegmentTasks('at_risk', { ...PLAYBOOKS.en, segments: { at_risk: { tasks: [{ ...PLAYBOOKS.en.segments.at_risk!.tasks[0]!, body: 'Call {{company.name}}' }] } } }, names, calendar, friday);
    expect(en!.body).toBe('Call Rossi &amp; Figli');
  });
});
