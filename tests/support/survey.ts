import type { Running } from '../../src/boot.js';
import type { SurveyKind } from '../../src/domain/feedback-scoring.js';
import type { Phase } from '../../src/domain/phases.js';
import { createFeedbackRequest } from '../../src/store/feedback-requests.js';
import { cardCall, newRequestId } from './card-requests.js';
import { deliver, stageEvent } from './deliveries.js';

export const DAY_MS = 86_400_000;

/** Wins the deal through a signed delivery and, past admit, moves it to `phase` from the card, as a PM would. */
export async function onboardDeal(server: Running, now: number, dealId: string, phase: Phase = 'admit'): Promise<void> {
  await deliver(server.url, [stageEvent(dealId, 'closedwon', now - 60_000)], now);
  await server.worker.drain();
  if (phase === 'admit') return;
  const body = { requestId: newRequestId(), to: phase, reason: 'Set up for the survey test' };
  const moved = await cardCall(server.url, 'POST', `/api/cards/deals/${dealId}/phase`, now, { userId: '2002', body });
  if (moved.status !== 200) throw new Error(`moving deal ${dealId} to ${phase} answered ${moved.status}: ${await moved.text()}`);
  await server.worker.drain();
}

export interface SurveyRequestOptions {
  dealId: string;
  companyId?: string | null;
  contactId?: string;
  survey: SurveyKind;
  touchpoint?: string;
  locale?: 'en' | 'it';
  phase?: Phase | null;
  now: number;
  ttlMs?: number;
}

/** A survey request as the email sender records it; returns the token that only the email carries. */
export async function surveyToken(server: Running, o: SurveyRequestOptions): Promise<string> {
  const created = await createFeedbackRequest(server.db, {
    effectKey: `${o.dealId}:${o.phase ?? 'none'}:${o.now}:${o.survey.toLowerCase()}-survey`,
    dealId: o.dealId,
    companyId: o.companyId === undefined ? '7' : o.companyId,
    contactId: o.contactId ?? '9',
    survey: o.survey,
    touchpoint: o.touchpoint ?? 'Kickoff meeting',
    phase: o.phase ?? null,
    locale: o.locale ?? 'en',
    now: o.now,
    ttlMs: o.ttlMs ?? 60 * DAY_MS,
  });
  if (!created) throw new Error('the survey request already existed');
  return created.token;
}

/** Posts the survey form as a browser without JavaScript does. */
export function postAnswer(serverUrl: string, token: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${serverUrl}/feedback/${token}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}
