import type { AnalyticsView, PortfolioDeal, PortfolioView, SettingsView } from '../../src/server/page-api-types';

/** Page answers shaped as the server gives them, with the figures of tests/support/portfolio-seed.ts. */
const deal = (over: Partial<PortfolioDeal> & Pick<PortfolioDeal, 'dealId'>): PortfolioDeal => ({
  dealName: null,
  companyName: null,
  pmOwnerId: '201',
  pipelineId: 'default',
  phase: { value: 'activate', label: 'Activate' },
  day: 10,
  health: { value: 'on_track', label: 'On track', reasons: [] },
  overdueTasks: null,
  daysInPhase: 1,
  expectedDays: null,
  lastAnswers: [],
  projectedGoLive: null,
  slipBusinessDays: null,
  nextStep: null,
  paused: false,
  ...over,
});

export function portfolioView(over: Partial<PortfolioView> = {}): PortfolioView {
  return {
    locale: 'en',
    filters: { pm: null, phase: null, health: null, pipeline: null },
    choices: {
      pms: ['201', '202', '203'],
      phases: [{ value: 'activate', label: 'Activate' }, { value: 'acclimate', label: 'Acclimate' }, { value: 'accomplish', label: 'Accomplish' }, { value: 'adopt', label: 'Adopt' }],
      healths: [{ value: 'at_risk', label: 'At risk' }, { value: 'silent', label: 'Silent' }, { value: 'stuck', label: 'Stuck' }, { value: 'behind', label: 'Behind' }, { value: 'needs_attention', label: 'Needs attention' }, { value: 'on_track', label: 'On track' }],
      pipelines: ['987654', 'default'],
    },
    // HubSpot's owners as the owners refresh stored them; 203 is not (yet) among them.
    pmNames: { '201': 'Giulia Bianchi', '202': 'Sara Conti' },
    chart: [
      { phase: 'activate', health: 'at_risk', count: 1 },
      { phase: 'activate', health: 'needs_attention', count: 1 },
      { phase: 'acclimate', health: 'silent', count: 1 },
      { phase: 'acclimate', health: 'on_track', count: 1 },
      { phase: 'accomplish', health: 'at_risk', count: 1 },
      { phase: 'adopt', health: 'stuck', count: 1 },
    ],
    total: 6,
    start: 0,
    next: null,
    deals: [
      deal({ dealId: '107', dealName: 'Gamma unhappy', companyName: 'Gamma', pmOwnerId: '203', day: 23, daysInPhase: 10, health: { value: 'at_risk', label: 'At risk', reasons: ['detractor answer: NPS 3 on 2026-12-01'] }, lastAnswers: [{ survey: 'NPS', score: 3, at: '2026-12-01T09:00:00.000Z' }] }),
      deal({ dealId: '102', dealName: 'Borealis ERP', companyName: 'Borealis', pmOwnerId: '202', phase: { value: 'accomplish', label: 'Accomplish' }, day: 33, daysInPhase: 0, health: { value: 'at_risk', label: 'At risk', reasons: ['detractor answer: CSAT 2 on 2026-11-25'] }, lastAnswers: [{ survey: 'CSAT', score: 2, at: '2026-11-25T09:00:00.000Z' }] }),
      deal({ dealId: '106', dealName: 'Fjord quiet', companyName: 'Fjord', pmOwnerId: '202', phase: { value: 'acclimate', label: 'Acclimate' }, day: 19, daysInPhase: 7, health: { value: 'silent', label: 'Silent', reasons: ['no contact from the client since 2026-11-30'] } }),
      deal({ dealId: '108', dealName: 'Helix platform', companyName: 'Helix', pmOwnerId: '203', phase: { value: 'adopt', label: 'Adopt' }, day: 95, daysInPhase: 48, expectedDays: 40, overdueTasks: 2, health: { value: 'stuck', label: 'Stuck', reasons: ['Adopt: 48 business days in the phase, 8 over the expected 40'] }, projectedGoLive: '2027-03-01', slipBusinessDays: 5 }),
      deal({ dealId: '103', dealName: 'Cobalt CRM', companyName: 'Cobalt', pipelineId: '987654', day: 26, daysInPhase: 14, health: { value: 'needs_attention', label: 'Needs attention', reasons: ['lukewarm answer: NPS 7 on 2026-11-20'] }, nextStep: { kind: 'task', dueAt: '2026-12-09T08:00:00.000Z', text: 'Hold the kickoff with Cobalt' } }),
      deal({ dealId: '101', dealName: 'Acme rollout', companyName: 'Acme', phase: { value: 'acclimate', label: 'Acclimate' }, day: 33, daysInPhase: 14, lastAnswers: [{ survey: 'CSAT', score: 4, at: '2026-11-11T09:00:00.000Z' }, { survey: 'NPS', score: 9, at: '2026-11-21T09:00:00.000Z' }], nextStep: { kind: 'email', dueAt: '2026-12-07T08:00:00.000Z', text: 'email "milestone-update"' } }),
    ],
    ...over,
  };
}

export function analyticsView(over: Partial<AnalyticsView> = {}): AnalyticsView {
  return {
    locale: 'en',
    rangeDays: 90,
    from: '2026-09-05',
    to: '2026-12-04',
    phaseDurations: [
      { phase: { value: 'admit', label: 'Admit' }, count: 3, median: 1, p80: 1.6 },
      { phase: { value: 'affirm', label: 'Affirm' }, count: 3, median: 4, p80: 9.4 },
      { phase: { value: 'activate', label: 'Activate' }, count: 2, median: 4.5, p80: 4.8 },
      { phase: { value: 'acclimate', label: 'Acclimate' }, count: 1, median: 5, p80: 5 },
    ],
    toActivate: { count: 4, median: 5.5, p80: 9.6 },
    toAccomplish: { count: 1, median: 24, p80: 24 },
    onTimeByPm: [{ key: '201', due: 4, onTime: 2, rate: 50 }, { key: '202', due: 1, onTime: 1, rate: 100 }],
    onTimeByPlaybookTask: [{ key: 'kickoff', due: 1, onTime: 0, rate: 0 }, { key: 'plan', due: 1, onTime: 0, rate: 0 }, { key: 'welcome-call', due: 3, onTime: 3, rate: 100 }],
    feedback: {
      bucket: 'week',
      points: [
        { period: '2026-11-09', series: 'Kickoff (CSAT)', average: 4, answers: 1 },
        { period: '2026-11-16', series: 'First 90 days (NPS)', average: 9, answers: 1 },
        { period: '2026-11-23', series: 'Kickoff (CSAT)', average: 2, answers: 1 },
      ],
      responseRates: [
        { series: 'First 90 days (NPS)', touchpoint: 'First 90 days', survey: 'NPS', sent: 1, answered: 1, rate: 100 },
        { series: 'Kickoff (CSAT)', touchpoint: 'Kickoff', survey: 'CSAT', sent: 3, answered: 2, rate: 66.7 },
      ],
    },
    handoff: { accepted: 2, averageCompleteness: 90, mostAsked: [{ item: 'goals', label: 'Goals and desired outcome', questions: 2 }, { item: 'risks', label: 'Risks', questions: 1 }] },
    ...over,
  };
}

export function settingsView(over: Partial<SettingsView> = {}): SettingsView {
  return {
    checks: [
      { check: 'token', status: 'ok', detail: 'valid for account 4242' },
      { check: 'deals properties', status: 'ok', detail: 'all 30 first100 properties exist' },
      { check: 'public URL', status: 'ok', detail: 'https://first100.example.com/healthz answers 200' },
    ],
    playbook: { name: 'Default onboarding (English)', locale: 'en', timezone: 'Europe/Rome', path: '/app/playbooks/default.en.yml' },
    stageMapping: [
      {
        pipelineId: 'default',
        pipelineLabel: 'Sales Pipeline',
        stages: [
          { stageId: 'contractsent', label: 'Contract Sent', kind: 'open', target: 'assess', flagged: false },
          { stageId: 'closedwon', label: 'Closed Won', kind: 'won', target: 'admit', flagged: false },
          { stageId: 'closedlost', label: 'Closed Lost', kind: 'lost', target: 'lost', flagged: false },
        ],
      },
    ],
    pipelinesProblem: null,
    email: { transport: 'SMTP via smtp.acme.example:587', from: 'Acme Onboarding <onboarding@acme.example>', replyTo: null, brandName: 'Acme' },
    exampleContent: [],
    ...over,
  };
}

export function failingSettingsView(): SettingsView {
  const passing = settingsView();
  return settingsView({
    checks: [
      passing.checks[0]!,
      { check: 'deals properties', status: 'fail', detail: '1 missing (first100_health): run "first100 setup"' },
      { check: 'public URL', status: 'fail', detail: 'https://first100.example.com/healthz answers 502: is it first100 behind that URL? Check the proxy in front of it' },
    ],
    stageMapping: [
      {
        pipelineId: '987654',
        pipelineLabel: 'Renewals',
        stages: [
          { stageId: '111', label: 'Renewal due', kind: 'open', target: 'activate', flagged: false },
          { stageId: '112', label: 'Renewed', kind: 'won', target: null, flagged: true },
          { stageId: '114', label: 'Churned', kind: 'lost', target: null, flagged: true },
        ],
      },
    ],
    exampleContent: [{ where: 'caseHistories.capability', title: 'Example – a 20-person manufacturer with no IT team' }],
  });
}
