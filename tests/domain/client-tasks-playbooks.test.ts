import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlaybook } from '../../src/domain/playbook-loader.js';
import type { Playbook } from '../../src/domain/playbook-schema.js';

const load = (file: string) => parsePlaybook(readFileSync(file, 'utf8'), file);
const en = load('playbooks/default.en.yml');
const it_ = load('playbooks/default.it.yml');

const clientShape = (p: Playbook) =>
  Object.fromEntries(
    Object.entries(p.phases).map(([phase, plan]) => [
      phase,
      {
        clientTasks: (plan!.clientTasks ?? []).map(({ id, due, who }) => ({ id, due, who })),
        visible: [...plan!.tasks, ...plan!.emails].filter((s) => s.clientTitle).map((s) => s.id),
      },
    ]),
  );

describe('the client tasks of the default playbooks', () => {
  it('ask the client to act before the kickoff, in activate and in acclimate, each with why it matters', () => {
    for (const playbook of [en, it_]) {
      for (const phase of ['affirm', 'activate', 'acclimate'] as const) {
        const tasks = playbook.phases[phase]!.clientTasks ?? [];
        expect(tasks.length, `${playbook.locale} ${phase}`).toBeGreaterThanOrEqual(2);
        for (const t of tasks) expect(t.why.length).toBeGreaterThan(20);
      }
    }
  });

  it('are the same in English and Italian, and Italian speaks to the client company (voi)', () => {
    expect(clientShape(it_)).toEqual(clientShape(en));
    const italian = Object.values(it_.phases).flatMap((p) => (p!.clientTasks ?? []).map((t) => t.title));
    for (const title of italian) expect(title).toMatch(/^(Indicateci|Inviateci|Confermate|Leggete|Fissate)\b/);
  });

  it('show the client the kickoff and the progress updates under "what comes next"', () => {
    expect(clientShape(en).activate!.visible).toContain('run-kickoff');
    expect(clientShape(en).acclimate!.visible).toContain('milestone-update-1');
  });

  it('refuse two client tasks with one id in a phase', () => {
    const yaml = readFileSync('playbooks/default.en.yml', 'utf8').replace('id: day-to-day-contact', 'id: confirm-success-criteria');
    expect(() => parsePlaybook(yaml, 'dup.yml')).toThrow(/client task ids must be unique/);
  });
});
