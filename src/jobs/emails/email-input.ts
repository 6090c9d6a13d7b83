import { DateTime } from 'luxon';
import { onboardingDay } from '../../domain/onboarding-day.js';
import { checkpointStart } from '../../domain/plan-checkpoint.js';
import { progressReport, type ProgressReport } from '../../domain/progress-report.js';
import { isCadence, isChannel, type Cadence, type Channel } from '../../domain/progress-routing.js';
import { ownEntry } from '../../domain/own-entry.js';
import { isPhase, type Phase } from '../../domain/phases.js';
import type { CaseHistory, Playbook } from '../../domain/playbook-schema.js';
import type { DealSnapshot } from '../../domain/deal.js';
import { isAccomplishOutcome, type AccomplishOutcome } from '../../domain/pm-records.js';
import { readHandoff } from '../../store/handoff-store.js';
import { readPmRecords, type StoredPmRecord } from '../../store/pm-record-store.js';
import type { Queryable } from '../../store/db.js';

/** What a deal's emails say about it, read once per deal from our store. */
export interface DealFacts {
  companyName: string;
  dealName: string;
  companyId: string | null;
  phase: string | null;
  /** `phase` when it is one of the 8: templates name it in the client's words (client-phases.ts). */
  knownPhase: Phase | null;
  onboardingDay: number | null;
  /** Day zero, from which a client page link's life is counted. */
  dayZero: number | null;
  remorseType: string | null;
  handoffAccepted: boolean;
  caseHistories: CaseHistory[];
  /** The "before" the handoff recorded (starting_point), if sales wrote it. */
  startingPoint: string | null;
  /** The deal's progress as first100 recorded it: phases behind, the current one, what comes next with dates. */
  progress: ProgressReport;
  /** How and how often the client asked to be updated, as the handoff recorded it. */
  channel: Channel | null;
  cadence: Cadence | null;
  /** How the PM recorded the end of the accomplish phase, if they have. */
  accomplishOutcome: AccomplishOutcome | null;
  /** The adopter's terms for the client's doubt, from the playbook. */
  remorseTerms: string | null;
  /** The kickoff was marked held on the card. */
  kickoffHeld: boolean;
}

export async function readDealFacts(db: Queryable, deal: DealSnapshot, playbook: Playbook, now: number): Promise<DealFacts> {
  const [state] = await db.query<{ phase: string | null; day_zero: string | number | null }>('SELECT phase, day_zero FROM deal_onboarding WHERE deal_id = $1', [deal.id]);
  const phase = state?.phase ?? null;
  const handoff = await readHandoff(db, deal.id);
  const records = await readPmRecords(db, deal.id);
  // The PM's confirmation after the reassurance call ("Discovery") wins over sales' guess at the handoff.
  const remorseType = records.remorse_type?.value || handoff.items.fears?.values.remorse_type || null;
  const stories = playbook.caseHistories;
  return {
    companyName: deal.company?.name || deal.name,
    dealName: deal.name,
    companyId: deal.company?.id ?? null,
    phase,
    knownPhase: isPhase(phase) ? phase : null,
    onboardingDay: onboardingDay(state?.day_zero == null ? null : Number(state.day_zero), now, playbook.timezone),
    dayZero: state?.day_zero == null ? null : Number(state.day_zero),
    remorseType,
    handoffAccepted: handoff.status === 'accepted',
    startingPoint: handoff.items.starting_point?.values.starting_point?.trim() || null,
    channel: isChannel(handoff.items.channel?.values.channel) ? handoff.items.channel.values.channel : null,
    cadence: isCadence(handoff.items.channel?.values.cadence) ? handoff.items.channel.values.cadence : null,
    progress: await readProgress(db, deal.id, state?.day_zero == null ? null : Number(state.day_zero), handoff.items.kickoff_date?.values.kickoff_date || null, playbook, now),
    caseHistories: (remorseType ? ownEntry<CaseHistory[] | undefined>(stories, remorseType) : undefined) ?? stories.default ?? [],
    accomplishOutcome: outcomeOf(records.accomplish_outcome),
    remorseTerms: (remorseType ? ownEntry(playbook.remorseTerms, remorseType)?.terms : undefined) || null,
    kickoffHeld: records.kickoff_held !== undefined,
  };
}

/** The deal's phase entries, the playbook's checkpoints and the handoff's kickoff date, as a progress report. */
async function readProgress(db: Queryable, dealId: string, dayZero: number | null, kickoffDate: string | null, playbook: Playbook, now: number): Promise<ProgressReport> {
  const rows = await db.query<{ phase: string; entered_at: string | number }>('SELECT phase, entered_at FROM phase_entries WHERE deal_id = $1 ORDER BY entered_at, id', [dealId]);
  const entries = rows.flatMap((r) => (isPhase(r.phase) ? [{ phase: r.phase, enteredAt: Number(r.entered_at) }] : []));
  const checkpoints = dayZero === null ? [] : playbook.checkpoints.map((c) => ({ day: c.day, at: checkpointStart(dayZero, c.day, playbook.timezone) }));
  const kickoff = kickoffDate ? DateTime.fromISO(kickoffDate, { zone: playbook.timezone }) : null;
  return progressReport({ entries, checkpoints, kickoffAt: kickoff?.isValid ? kickoff.toMillis() : null, now });
}

function outcomeOf(record: StoredPmRecord | undefined): AccomplishOutcome | null {
  return isAccomplishOutcome(record?.value) ? record.value : null;
}
