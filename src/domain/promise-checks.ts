import type { DealSnapshot } from './deal.js';
import type { Locale } from './phases.js';
import { resolveOwner, type PlannedTask } from './plan-phase-entry.js';
import { userHtml } from './user-text.js';

/** A handoff lists a handful of promises; beyond this many the rest are checked together in the last task. */
export const MAX_PROMISE_CHECKS = 8;
const MAX_SUBJECT_PROMISE = 120;

/**
 * The promises sales recorded at the handoff, one per line (or separated by ";"), list markers dropped. The text
 * is the rep's: a promise is whatever they wrote on one line.
 */
export function promisesIn(text: string | null | undefined): string[] {
  const all = (text ?? '')
    .split(/\r?\n|;/)
    .map((line) => line.replace(/^\s*(?:[-*•·]|\d+[.)])\s*/, '').trim())
    .filter((line) => line.length > 0);
  if (all.length <= MAX_PROMISE_CHECKS) return all;
  return [...all.slice(0, MAX_PROMISE_CHECKS - 1), all.slice(MAX_PROMISE_CHECKS - 1).join('; ')];
}

export type PromiseMoment = { kind: 'kickoff' } | { kind: 'checkpoint'; day: number };

/**
 * One task per promise for the PM, at the kickoff and at each checkpoint: is it kept, or at risk? A promise at risk
 * is told to the client before they have to ask, which is what keeps the "was I cheated?" doubt from growing.
 */
export function planPromiseChecks(promises: string[], o: { moment: PromiseMoment; deal: DealSnapshot; dueAt: number; locale: Locale }): { tasks: PlannedTask[]; warnings: string[] } {
  const owner = resolveOwner('pm', o.deal);
  const companyName = o.deal.company?.name ?? o.deal.name;
  const tasks = promises.map((promise, n): PlannedTask => {
    const short = promise.length > MAX_SUBJECT_PROMISE ? `${promise.slice(0, MAX_SUBJECT_PROMISE - 1)}…` : promise;
    return {
      kind: 'task',
      stepId: `promise-check-${n + 1}`,
      dueAt: o.dueAt,
      ownerId: owner.ownerId,
      assignee: owner.role,
      title: o.locale === 'it' ? `Promessa a ${companyName}: «${short}» – mantenuta o a rischio?` : `Promise to ${companyName}: “${short}” – kept or at risk?`,
      body: userHtml(promise) + ' ' + words(o.moment, o.locale),
      priority: 'MEDIUM',
      type: 'TODO',
    };
  });
  return { tasks, warnings: owner.warning && tasks.length > 0 ? [`promise checks: ${owner.warning}`] : [] };
}

function words(moment: PromiseMoment, locale: Locale): string {
  const when =
    moment.kind === 'kickoff'
      ? locale === 'it' ? 'prima del kickoff' : 'before the kickoff'
      : locale === 'it' ? `al giorno ${moment.day}` : `at day ${moment.day}`;
  return locale === 'it'
    ? `(promessa fatta in vendita e registrata nel passaggio di consegne). Verificala con il team ${when}: se è mantenuta, scrivi "mantenuta" nelle note del task e completalo; se è a rischio, scrivi "a rischio", avvisa il cliente adesso, prima che debba chiederlo, e concordate che cosa cambia.`
    : `(a promise made during the sale, recorded in the handoff). Check it with the team ${when}: if it is kept, write "kept" in the task's notes and complete it; if it is at risk, write "at risk", tell the client now, before they have to ask, and agree what changes.`;
}
