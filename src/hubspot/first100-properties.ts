import { SCALE_PROPERTIES, scaleRange } from '../domain/feedback-scales.js';
import { SURVEY_KINDS } from '../domain/feedback-scoring.js';
import { HANDOFF_ITEMS, HANDOFF_STATUS_LABELS, REMORSE_LABELS } from '../domain/handoff-items.js';
import { ACCOMPLISH_OUTCOME_LABELS } from '../domain/pm-records.js';
import type { Labels } from '../domain/locale.js';
import { PHASE_LABELS, type Locale } from '../domain/phases.js';
import { HEALTH_LABELS, SEGMENT_LABELS } from '../domain/status-labels.js';
import type { CrmObjectType } from './hubspot-port.js';

/** HubSpot's PropertyCreate, as far as first100 uses it (HUBSPOT-FACTS §4.5). */
export interface PropertyDefinition {
  name: string;
  label: string;
  description: string;
  groupName: string;
  type: 'enumeration' | 'string' | 'number' | 'date' | 'datetime';
  fieldType: 'select' | 'text' | 'textarea' | 'number' | 'date';
  options?: { label: string; value: string; displayOrder: number; hidden: boolean }[];
  externalOptions?: boolean;
  referencedObjectType?: 'OWNER';
}

export const PROPERTY_GROUP = { name: 'first100', label: 'first100 onboarding', displayOrder: -1 };

const options = <T extends string>(labels: Labels<T>, locale: Locale) =>
  Object.entries(labels).map(([value, label], i) => ({ label: (label as Record<Locale, string>)[locale], value, displayOrder: i, hidden: false }));

type Def = Omit<PropertyDefinition, 'groupName' | 'description'> & { description?: string };
const enumeration = (name: string, label: string, labels: Labels<string>, locale: Locale): Def => ({ name, label, type: 'enumeration', fieldType: 'select', options: options(labels, locale) });

const MIXED_SCORE_DESCRIPTION: Record<Locale, string> = {
  en: 'Written by first100: the latest answer on any scale (NPS 0–10, CSAT 1–5, CES 1–7), kept for existing reports. Do not average it: use Last NPS, Last CSAT and Last CES.',
  it: 'Scritto da first100: l\'ultima risposta su qualsiasi scala (NPS 0–10, CSAT 1–5, CES 1–7), mantenuto per i report esistenti. Non farne la media: usa Ultimo NPS, Ultimo CSAT e Ultimo CES.',
};

/** The latest answer of each scale and its time: numbers a report can average, one scale each. */
function scaleProperties(locale: Locale): Def[] {
  const en = locale === 'en';
  return SURVEY_KINDS.flatMap((kind): Def[] => [
    { name: SCALE_PROPERTIES[kind].score, label: `${en ? 'Last' : 'Ultimo'} ${scaleRange(kind, locale)}`, type: 'number', fieldType: 'number' },
    { name: SCALE_PROPERTIES[kind].at, label: en ? `Last ${kind} at` : `Ultimo ${kind} il`, type: 'datetime', fieldType: 'date' },
  ]);
}

/** Every first100_* property on deals and companies: what `first100 setup` creates and `doctor` checks. */
export function first100Properties(locale: Locale): Record<CrmObjectType, PropertyDefinition[]> {
  const en = locale === 'en';
  const deals: Def[] = [
    enumeration('first100_phase', en ? 'Onboarding phase' : 'Fase di onboarding', PHASE_LABELS, locale),
    { name: 'first100_phase_entered_at', label: en ? 'Phase entered at' : 'Fase iniziata il', type: 'datetime', fieldType: 'date' },
    { name: 'first100_day_zero', label: en ? 'Onboarding day zero' : 'Giorno zero onboarding', type: 'date', fieldType: 'date' },
    // An owner ("HubSpot user") property: HubSpot's PropertyCreate requires `options` on every enumeration, empty
    // here, since externalOptions with referencedObjectType OWNER pulls the choices from the account's users.
    { name: 'first100_pm_owner', label: en ? 'Project manager' : 'Project manager', type: 'enumeration', fieldType: 'select', options: [], externalOptions: true, referencedObjectType: 'OWNER' },
    enumeration('first100_handoff_status', en ? 'Handoff status' : 'Stato passaggio di consegne', HANDOFF_STATUS_LABELS, locale),
    { name: 'first100_handoff_completeness', label: en ? 'Handoff completeness (%)' : 'Completezza passaggio di consegne (%)', type: 'number', fieldType: 'number' },
    ...HANDOFF_ITEMS.flatMap((item) =>
      item.fields.map((field): Def => {
        const label = `${en ? 'Handoff' : 'Consegne'}: ${item.fields.length > 1 ? field.label[locale] : item.label[locale]}`;
        if (field.type === 'enum') return enumeration(field.property, label, field.options!, locale);
        if (field.type === 'date') return { name: field.property, label, type: 'date', fieldType: 'date' };
        return { name: field.property, label, type: 'string', fieldType: 'textarea' };
      }),
    ),
    enumeration('first100_health', en ? 'Onboarding health' : 'Stato di salute dell\'onboarding', HEALTH_LABELS, locale),
    { name: 'first100_health_reasons', label: en ? 'Onboarding health reasons' : 'Motivi dello stato di salute', type: 'string', fieldType: 'textarea' },
    { name: 'first100_projected_go_live', label: en ? 'Projected go-live' : 'Go-live previsto', type: 'date', fieldType: 'date' },
    { name: 'first100_slip_business_days', label: en ? 'Go-live slip (business days)' : 'Slittamento go-live (giorni lavorativi)', type: 'number', fieldType: 'number' },
    // Kept for the reports and workflows built on it; it mixes NPS, CSAT and CES, so new reports use the per-scale ones.
    { name: 'first100_last_feedback_score', label: en ? 'Last feedback score' : 'Ultimo punteggio feedback', type: 'number', fieldType: 'number', description: MIXED_SCORE_DESCRIPTION[locale] },
    { name: 'first100_last_feedback_at', label: en ? 'Last feedback at' : 'Ultimo feedback il', type: 'datetime', fieldType: 'date' },
    { name: 'first100_client_last_seen', label: en ? 'Client last used their page' : 'Ultimo uso della pagina cliente', type: 'datetime', fieldType: 'date' },
    ...scaleProperties(locale),
    enumeration('first100_accomplish_outcome', en ? 'Onboarding result (recorded by the PM)' : 'Esito dell’onboarding (registrato dal PM)', ACCOMPLISH_OUTCOME_LABELS, locale),
    { name: 'first100_kickoff_held_at', label: en ? 'Kickoff held on' : 'Kickoff svolto il', type: 'date', fieldType: 'date' },
    enumeration('first100_remorse_type', en ? 'Client doubt (confirmed by the PM)' : 'Dubbio del cliente (confermato dal PM)', REMORSE_LABELS, locale),
  ];
  const companies: Def[] = [
    enumeration('first100_phase', en ? 'Onboarding phase (latest deal)' : 'Fase di onboarding (ultima trattativa)', PHASE_LABELS, locale),
    enumeration('first100_health', en ? 'Client health' : 'Salute del cliente', HEALTH_LABELS, locale),
    enumeration('first100_segment', en ? 'Client segment' : 'Segmento cliente', SEGMENT_LABELS, locale),
  ];
  const describe = (d: Def): PropertyDefinition => ({ description: 'Written by first100; see the first100 README.', ...d, groupName: PROPERTY_GROUP.name });
  return { deals: deals.map(describe), companies: companies.map(describe) };
}
