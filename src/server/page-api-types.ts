/**
 * The app pages' API answers (portfolio, analytics, settings): the contract between the server's views and the
 * pages in extensions/app/pages and extensions/app/settings, which import these types only. No runtime code here.
 */
import type { Labeled } from './card-api-types.js';

export interface PortfolioDeal {
  dealId: string;
  dealName: string | null;
  companyName: string | null;
  pmOwnerId: string | null;
  pipelineId: string | null;
  phase: Labeled;
  /** Day N of onboarding, counted from day zero. */
  day: number | null;
  health: Labeled & { reasons: string[] };
  /** null while first100 does not know which tasks are done. */
  overdueTasks: number | null;
  daysInPhase: number;
  /** Business days the playbook expects the phase to take; null when it says nothing. */
  expectedDays: number | null;
  /** The latest answer per scale (NPS, CSAT, CES), never mixed. */
  lastAnswers: { survey: string; score: number; at: string }[];
  /** ISO date; null until the computed health projects one. */
  projectedGoLive: string | null;
  slipBusinessDays: number | null;
  nextStep: { kind: string; dueAt: string; text: string } | null;
  paused: boolean;
}

export interface PortfolioView {
  locale: 'en' | 'it';
  filters: { pm: string | null; phase: string | null; health: string | null; pipeline: string | null; mine?: boolean };
  choices: { pms: string[]; phases: Labeled[]; healths: Labeled[]; pipelines: string[] };
  /** Owner id → name, from HubSpot's owners as first100 stored them, for the PMs on this answer (rows and filter). */
  pmNames?: Record<string, string>;
  /** The signed-in user's owner id; null while they are not a HubSpot owner first100 has stored. */
  me?: { ownerId: string | null };
  /** Deals per phase split by health, over the filtered portfolio. */
  chart: { phase: string; health: string; count: number }[];
  total: number;
  /** Where this page starts in the sorted, filtered portfolio. */
  start: number;
  /** Pass as `start` for the next page; null on the last page. */
  next: number | null;
  deals: PortfolioDeal[];
}

export interface Spread {
  count: number;
  median: number | null;
  p80: number | null;
}

export interface AnalyticsView {
  locale: 'en' | 'it';
  rangeDays: 30 | 90 | 365;
  from: string;
  to: string;
  /** When these figures were computed (they are stored and recomputed every few minutes): the page says so. */
  computed: { at: string; local: string; timezone: string };
  /** Business days spent in each phase, over the phase entries completed (left) within the range. */
  phaseDurations: (Spread & { phase: Labeled })[];
  /** Business days from day zero to the first entry into activate and into accomplish, entered within the range. */
  toActivate: Spread;
  toAccomplish: Spread;
  /** Tasks due within the range (and already due): share done by their due date, 0–100. */
  onTimeByPm: OnTimeRate[];
  onTimeByPlaybookTask: OnTimeRate[];
  /** Average score per touchpoint and scale, per period; response rate per touchpoint and scale. */
  feedback: {
    bucket: 'week' | 'month';
    points: { period: string; series: string; average: number; answers: number }[];
    responseRates: { series: string; touchpoint: string; survey: string; sent: number; answered: number; rate: number | null }[];
  };
  handoff: {
    accepted: number;
    /** Average share (0–100) of all checklist items accepted at acceptance, optional ones included. */
    averageCompleteness: number | null;
    mostAsked: { item: string; label: string; questions: number }[];
  };
}

export interface OnTimeRate {
  key: string;
  /** The PM's name, from HubSpot's owners as first100 stored them (by PM only, where known). */
  label?: string;
  due: number;
  onTime: number;
  /** 0–100; null when no task was due. */
  rate: number | null;
}

export interface SettingsView {
  checks: { check: string; status: 'ok' | 'warn' | 'fail'; detail: string }[];
  playbook: { name: string; locale: string; timezone: string; path: string };
  stageMapping: {
    pipelineId: string;
    pipelineLabel: string;
    stages: { stageId: string; label: string; kind: 'open' | 'won' | 'lost' | 'closed'; target: string | null; flagged: boolean }[];
  }[];
  /** Null when HubSpot could not be asked for the pipelines; says why. */
  pipelinesProblem: string | null;
  email: { transport: string; from: string; replyTo: string | null; brandName: string };
  exampleContent: { where: string; title: string }[];
}
