import { SURVEY_SCALES, type SurveyKind } from '../../domain/feedback-scoring.js';
import type { Locale } from '../../domain/phases.js';
import { scaleEnds } from '../../domain/survey-questions.js';
import { escapeHtml } from '../../domain/user-text.js';

/**
 * The score of a survey as radio buttons in a fieldset, the question as its legend and the ends' meaning under it:
 * one markup for the survey page and the client's page, so the client sees the same scale and words in both.
 */
export function scaleFieldset(v: { survey: SurveyKind; locale: Locale; question: string; selected: number | null; invalid?: boolean }): string {
  const { min, max } = SURVEY_SCALES[v.survey];
  const { low, high } = scaleEnds(v.survey, v.locale);
  const radios = [];
  for (let n = min; n <= max; n++) {
    const end = n === min ? low : n === max ? high : '';
    radios.push(
      `<label><input type="radio" name="score" value="${n}" required${n === v.selected ? ' checked' : ''}>` +
        `<span>${n}${end ? `<span class="vh"> (${escapeHtml(end)})</span>` : ''}</span></label>`,
    );
  }
  return (
    // The ends' meaning is in the first and last radio's name; the visible line repeats it for sighted readers.
    `<fieldset${v.invalid ? ' aria-describedby="form-error" aria-invalid="true"' : ''}>` +
    `<legend>${escapeHtml(v.question)}</legend>` +
    `<div class="scale scale-${max - min + 1}">${radios.join('')}</div>` +
    `<p class="ends" id="scale-ends" aria-hidden="true"><span>${min} = ${escapeHtml(low)}</span><span>${max} = ${escapeHtml(high)}</span></p>` +
    `</fieldset>`
  );
}

/** The scale's style, in both pages' style sheets; 11 points go on one row on wide screens. */
export const SCALE_CSS = `fieldset{border:0;padding:0;margin:0 0 1.25rem;min-width:0}
legend{font-weight:700;font-size:1.1rem;padding:0;margin-bottom:.75rem}
.scale{display:grid;gap:.4rem;grid-template-columns:repeat(var(--n),1fr)}
.scale-11{--n:6}.scale-7{--n:7}.scale-5{--n:5}
.scale label{position:relative;display:block}
.scale input{position:absolute;opacity:0;inset:0;margin:0;width:100%;height:100%;cursor:pointer}
.scale span{display:flex;align-items:center;justify-content:center;min-height:3rem;border:2px solid #8a96a3;border-radius:.5rem;font-weight:700;font-size:1.1rem;background:#fff}
.scale input:checked+span{background:#2d5bd7;border-color:#2d5bd7;color:#fff}
.scale input:focus-visible+span{outline:3px solid #f0a500;outline-offset:2px}
.ends{display:flex;justify-content:space-between;gap:1rem;font-size:.9rem;color:#44505e;margin:.5rem 0 0}
.ends span:last-child{text-align:right}`;
