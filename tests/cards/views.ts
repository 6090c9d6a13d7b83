import type { CompanyCardView, DealCardView, HandoffView } from '../../src/server/card-api-types';
import { scaledScore } from '../../src/domain/feedback-scales';
import { HANDOFF_ITEMS, HANDOFF_STATUS_LABELS } from '../../src/domain/handoff-items';
import { PHASES, phaseLabel, type Locale } from '../../src/domain/phases';

/** Card API answers shaped like the server's, built from the domain's real labels. */
export function dealView(locale: Locale = 'en', overrides: Partial<DealCardView> = {}): DealCardView {
  return {
    dealId: '123',
    locale,
    phases: PHASES.map((p) => ({ value: p, label: phaseLabel(p, locale) })),
    onboarding: {
      phase: 'admit',
      phaseLabel: phaseLabel('admit', locale),
      phaseIndex: 1,
      enteredAt: '2026-12-04T14:00:00.000Z',
      daysInPhase: 3,
      day: 4,
      of: 100,
      dayZero: '2026-12-04',
    },
    lost: false,
    health: { value: 'needs_attention', label: 'Needs attention' },
    lastFeedback: { survey: 'NPS', score: 8, label: scaledScore('NPS', 8, locale), at: '2026-12-06T10:00:00.000Z' },
    lastScores: [{ survey: 'NPS', score: 8, label: scaledScore('NPS', 8, locale), at: '2026-12-06T10:00:00.000Z' }],
    touchpoints: [],
    nextSteps: [
      { kind: 'task', dueAt: '2026-12-07T08:00:00.000Z', status: 'done', title: 'Celebrate Acme', assignee: 'deal_owner', ownerId: '100' },
      { kind: 'email', dueAt: '2026-12-07T08:00:00.000Z', status: 'planned', template: 'welcome' },
      { kind: 'advance', dueAt: '2026-12-07T08:00:00.000Z', status: 'pending', to: 'affirm', toLabel: phaseLabel('affirm', locale) },
    ],
    handoff: { status: 'draft', label: HANDOFF_STATUS_LABELS.draft[locale], completeness: 0 },
    hubspotUnavailable: false,
    ...overrides,
  };
}

export function inPhase(view: DealCardView, index: number): DealCardView {
  const phase = PHASES[index]!;
  return { ...view, onboarding: { ...view.onboarding!, phase, phaseIndex: index, phaseLabel: phaseLabel(phase, view.locale), daysInPhase: 0 } };
}

type ItemStatus = HandoffView['items'][number]['status'];

export function handoffView(status: HandoffView['status'], itemStatus: ItemStatus, overrides: Partial<HandoffView> = {}): HandoffView {
  const filled = itemStatus !== 'incomplete';
  return {
    dealId: '123',
    status,
    statusLabel: HANDOFF_STATUS_LABELS[status].en,
    completeness: itemStatus === 'accepted' ? 100 : 0,
    submittedBy: status === 'not_started' || status === 'draft' ? null : 'rep@acme.example',
    submittedAt: null,
    acceptedBy: status === 'accepted' ? 'pm@acme.example' : null,
    acceptedAt: null,
    viewerSubmitted: false,
    items: HANDOFF_ITEMS.map((spec) => ({
      key: spec.key,
      label: spec.label.en,
      required: spec.required,
      status: spec.required ? itemStatus : 'incomplete',
      fields: spec.fields.map((f) => ({
        name: f.name,
        label: f.label.en,
        type: f.type,
        value: filled && spec.required ? (f.type === 'enum' ? Object.keys(f.options!)[0]! : f.type === 'date' ? '2026-12-14' : `${spec.key} text`) : '',
        ...(f.options ? { options: Object.entries(f.options).map(([value, l]) => ({ value, label: l.en })) } : {}),
      })),
      thread: [],
    })),
    history: [],
    ...overrides,
  };
}

export function withItem(view: HandoffView, key: string, change: Partial<HandoffView['items'][number]>): HandoffView {
  return { ...view, items: view.items.map((i) => (i.key === key ? { ...i, ...change } : i)) };
}

export function companyView(overrides: Partial<CompanyCardView> = {}): CompanyCardView {
  return {
    companyId: '123',
    name: 'Acme',
    health: { value: 'at_risk', label: 'At risk' },
    segment: { value: 'occasional', label: 'Occasional' },
    deals: [
      { dealId: '42', name: 'Acme renewal', phase: 'activate', phaseLabel: 'Activate', day: 12, health: { value: 'on_track', label: 'On track' } },
      { dealId: '43', name: 'Acme pilot', phase: 'assess', phaseLabel: 'Assess', day: null, health: null },
    ],
    feedback: [{ dealId: '42', dealName: 'Acme renewal', survey: 'NPS', score: 9, label: scaledScore('NPS', 9, 'en'), at: '2026-12-10T10:00:00.000Z' }],
    touchpoints: [],
    hubspotUnavailable: false,
    ...overrides,
  };
}
