import { companyHealth, dealHealth } from '../../domain/client-health.js';
import { companySegment } from '../../domain/client-segment.js';
import type { BatchAnswer } from '../../hubspot/batch-answer.js';
import type { RecordUpdate, TaskToCreate } from '../../hubspot/hubspot-port.js';
import { countWonDeals } from '../../store/company-purchases.js';
import { readCompanySignals } from '../../store/health-signals.js';
import type { ClaimedStepOf, StepKind } from '../../store/step-kinds.js';
import { markStepsDone, retrySteps } from '../../store/step-store.js';
import type { Engine } from '../engine.js';
import { settleCreatedTasks } from '../health/created-task-health.js';
import { planSegmentActions, type SegmentComputed } from './segment-actions.js';
import { groupBy, runHubSpotWrites, type HubSpotWrite, type WriteUnit } from './hubspot-writes.js';

/** Steps that make one input of a batch write together (several updates of one deal merge into one input). */
export interface StepUnit<K extends StepKind, I> extends WriteUnit {
  steps: ClaimedStepOf<K>[];
  input: I;
}

/** How a step's write settles, whatever its kind: done with HubSpot's id, or retried by the one retry rule. */
export function settleSteps<K extends StepKind, I>(engine: Engine): Pick<HubSpotWrite<StepUnit<K, I>>, 'done' | 'later'> {
  return {
    done: (units) => markStepsDone(engine.db, units.flatMap(({ unit, hubspotId }) => unit.steps.map((s) => ({ id: s.id, hubspotId })))),
    later: (units, failure) => retrySteps(engine.db, units.flatMap((u) => u.steps), failure, engine.clock(), engine.settings.maxAttempts),
  };
}

export const single = <K extends StepKind, I>(step: ClaimedStepOf<K>, key: string, input: I): StepUnit<K, I> => ({ key, dealId: step.dealId, inDoubt: step.inDoubt, steps: [step], input });

/** A create carries its marker: the same write, found again by that marker when HubSpot's answer was lost. */
async function createMarked<K extends StepKind, T extends { marker: string }>(
  engine: Engine,
  what: string,
  steps: ClaimedStepOf<K>[],
  itemOf: (step: ClaimedStepOf<K>) => T,
  port: { create(items: T[]): Promise<BatchAnswer>; find(dealId: string, markers: string[]): Promise<Map<string, string>> },
  settle: Pick<HubSpotWrite<StepUnit<K, T>>, 'done' | 'later'> = settleSteps(engine),
): Promise<void> {
  await runHubSpotWrites<StepUnit<K, T>>(
    engine,
    { what, write: (units) => port.create(units.map((u) => u.input)), find: (dealId, markers) => port.find(dealId, markers), ...settle },
    steps.map((s) => single(s, itemOf(s).marker, itemOf(s))),
  );
}

export async function createTasks(engine: Engine, steps: ClaimedStepOf<'task'>[]): Promise<void> {
  const { hubspot } = engine;
  await createMarked<'task', TaskToCreate>(engine, 'tasks', steps, (s) => s.payload.task, { create: (t) => hubspot.createTasks(t), find: (d, m) => hubspot.findTasksByMarker(d, m) }, {
    ...settleSteps(engine),
    done: (units) => settleCreatedTasks(engine, units.flatMap(({ unit, hubspotId }) => unit.steps.map((s) => ({ stepId: s.id, dealId: s.dealId, dueAt: unit.input.dueAt, retried: s.attempts > 1, hubspotId })))),
  });
}

export async function createNotes(engine: Engine, steps: ClaimedStepOf<'note'>[]): Promise<void> {
  const { hubspot } = engine;
  await createMarked(engine, 'notes', steps, (s) => s.payload.note, { create: (n) => hubspot.createNotes(n), find: (d, m) => hubspot.findNotesByMarker(d, m) });
}

/** One input per deal: later updates of the same deal win, in the order they were planned. Setting a value twice is harmless. */
export async function updateDeals(engine: Engine, steps: ClaimedStepOf<'deal-update'>[]): Promise<void> {
  const units = [...groupBy(steps, (s) => s.dealId)].map(([dealId, ofDeal]) => {
    const ordered = [...ofDeal].sort((a, b) => Number(a.id) - Number(b.id));
    const properties = Object.assign({}, ...ordered.map((s) => s.payload.properties)) as Record<string, string>;
    return { key: dealId, dealId, inDoubt: false, steps: ordered, input: { id: dealId, properties } };
  });
  await runHubSpotWrites<StepUnit<'deal-update', RecordUpdate>>(
    engine,
    { what: 'deal updates', write: (batch) => engine.hubspot.updateDeals(batch.map((u) => u.input)), ...settleSteps(engine) },
    units,
  );
}

/**
 * Recomputes each company's `first100_health` and `first100_segment` over its deals in onboarding when the step
 * runs, not when it was planned: answers on two deals of one company, recorded at once, cannot leave the older sum
 * in HubSpot, and several steps for one company share one input.
 */
export async function updateCompanies(engine: Engine, steps: ClaimedStepOf<'company-update'>[]): Promise<void> {
  if (steps.length === 0) return;
  const byCompany = groupBy(steps, (s) => s.payload.companyId);
  const signals = await readCompanySignals(engine.db, [...byCompany.keys()]);
  const won = await countWonDeals(engine.db, [...byCompany.keys()]);
  const units: StepUnit<'company-update', RecordUpdate>[] = [];
  const nothingToSay: ClaimedStepOf<'company-update'>[] = [];
  const entered: SegmentComputed[] = [];
  for (const [companyId, ofCompany] of byCompany) {
    const deals = signals.get(companyId) ?? [];
    const health = companyHealth(deals.map(dealHealth));
    // No deal in onboarding any more: leave what HubSpot shows.
    if (health === null) nothingToSay.push(...ofCompany);
    else {
      const segment = companySegment({ wonDeals: won.get(companyId) ?? 0, deals });
      units.push({ key: companyId, dealId: ofCompany[0]!.dealId, inDoubt: false, steps: ofCompany, input: { id: companyId, properties: { first100_health: health, first100_segment: segment } } });
      const latest = ofCompany.reduce((a, b) => (Number(b.id) > Number(a.id) ? b : a));
      entered.push({ companyId, dealId: latest.dealId, segment });
    }
  }
  // A segment just entered plans its action (playbook `segments`) before the write: the write's retries plan nothing twice.
  await planSegmentActions(engine, entered);
  await markStepsDone(engine.db, nothingToSay.map((s) => ({ id: s.id })));
  await runHubSpotWrites<StepUnit<'company-update', RecordUpdate>>(
    engine,
    { what: 'company updates', write: (batch) => engine.hubspot.updateCompanies(batch.map((u) => u.input)), ...settleSteps(engine) },
    units,
  );
}
