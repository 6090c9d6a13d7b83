import { formatPoints, scaledScore, scaleRange } from '../domain/feedback-scales.js';
import { isSurveyKind, SURVEY_KINDS, SURVEY_SCALES } from '../domain/feedback-scoring.js';
import type { Locale } from '../domain/phases.js';
import { scaleEnds } from '../domain/survey-questions.js';
import { gapText, teamQuestion } from '../domain/touchpoint-words.js';
import { compareTouchpoints, rateableTouchpoints, type TouchpointComparison } from '../domain/touchpoint-views.js';
import type { Engine } from '../jobs/engine.js';
import { readAskedTouchpoints, readClientAnswers, readTeamRatings, type TouchpointScore } from '../store/touchpoint-reads.js';
import type { CompanyCardView, DealCardView, ScaledScore, TouchpointView } from './card-api-types.js';

/** A score as the cards show it, with its scale; a score of an unknown survey kind (never written by first100) shows bare. */
export function scaled(answer: { kind: string; score: number }, locale: Locale): ScaledScore {
  const label = isSurveyKind(answer.kind) ? scaledScore(answer.kind, answer.score, locale) : formatPoints(answer.score, locale);
  return { survey: answer.kind, score: answer.score, label };
}

/** The deal card's feedback parts: the latest answer of each scale, and every rateable touchpoint with both views. */
export async function dealFeedbackViews(engine: Engine, dealId: string, locale: Locale): Promise<Pick<DealCardView, 'lastScores' | 'touchpoints'>> {
  const [asked, client, team] = await Promise.all([readAskedTouchpoints(engine.db, dealId), readClientAnswers(engine.db, [dealId]), readTeamRatings(engine.db, [dealId])]);
  const listed = rateableTouchpoints(engine.playbook, asked);
  return {
    lastScores: SURVEY_KINDS.flatMap((kind) => {
      const latest = client.filter((a) => a.survey === kind).sort((a, b) => b.at - a.at)[0];
      return latest ? [{ ...scaled({ kind, score: latest.score }, locale), at: new Date(latest.at).toISOString() }] : [];
    }),
    touchpoints: compareTouchpoints(listed, team, client).map((c) => touchpointView(c, locale)),
  };
}

/** The company card's comparison: per deal, the touchpoints someone (team or client) has scored. */
export async function companyTouchpointViews(engine: Engine, deals: { dealId: string; name: string }[], locale: Locale, limit: number): Promise<CompanyCardView['touchpoints']> {
  const ids = deals.map((d) => d.dealId);
  const [client, team] = await Promise.all([readClientAnswers(engine.db, ids), readTeamRatings(engine.db, ids)]);
  const of = (scores: TouchpointScore[], dealId: string) => scores.filter((s) => s.dealId === dealId);
  const rows = deals.flatMap((d) =>
    compareTouchpoints([], of(team, d.dealId), of(client, d.dealId)).map((c) => ({ dealId: d.dealId, dealName: d.name, ...touchpointView(c, locale) })),
  );
  // The gaps to talk about first.
  return rows.sort((a, b) => Number(b.gap?.flagged ?? false) - Number(a.gap?.flagged ?? false)).slice(0, limit);
}

function touchpointView(c: TouchpointComparison, locale: Locale): TouchpointView {
  const side = (v: TouchpointComparison['team']) => (v ? { score: v.mean, label: scaledScore(c.survey, v.mean, locale), count: v.count } : null);
  const text = gapText(c, locale);
  return {
    touchpoint: c.touchpoint,
    survey: c.survey,
    scale: scaleRange(c.survey, locale),
    ...SURVEY_SCALES[c.survey],
    ends: scaleEnds(c.survey, locale),
    question: teamQuestion(c.survey, c.touchpoint, locale),
    team: side(c.team),
    client: side(c.client),
    gap: c.gap === null || text === null ? null : { points: Math.round(c.gap * 10) / 10, flagged: c.flagged, text },
  };
}
