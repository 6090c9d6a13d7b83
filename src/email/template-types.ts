import type { SurveyKind } from '../domain/feedback-scoring.js';
import type { Locale, Phase } from '../domain/phases.js';
import type { CaseHistory } from '../domain/playbook-schema.js';
import type { AccomplishOutcome } from '../domain/pm-records.js';
import type { ProgressReport } from '../domain/progress-report.js';

export interface Brand {
  name: string;
  /** A hex colour for buttons and the header rule. */
  color: string;
}

export interface SurveyLinks {
  kind: SurveyKind;
  touchpoint: string;
  /** `${PUBLIC_BASE_URL}/feedback/${token}`: the survey page. */
  url: string;
  /** One link per score of the scale, lowest first: `${url}?score=N`. */
  scores: { score: number; url: string }[];
}

/** Everything a template may say; every string is plain text, escaped when it becomes HTML. */
export interface TemplateInput {
  locale: Locale;
  brand: Brand;
  firstName: string | null;
  companyName: string;
  dealName: string;
  /** The onboarding phase the deal is in; templates say it with client-phases.ts, never with the internal label. */
  phase: Phase | null;
  /** Day N of the first 100, when the deal has a day zero. */
  onboardingDay: number | null;
  /** The remorse type recorded at handoff (handoff-items REMORSE_TYPES), if any. */
  remorseType: string | null;
  /** The PM has accepted the handoff: what the client told sales has really been passed on. */
  handoffAccepted: boolean;
  caseHistories: CaseHistory[];
  /** Where the client started, in their words, as the handoff recorded it (the "before" shown back at day 90). */
  startingPoint?: string | null;
  /** What the deal's record says of its progress (milestone updates), with the time zone its dates are told in. */
  progress?: { report: ProgressReport; timezone: string } | null;
  survey: SurveyLinks | null;
  unsubscribeUrl: string;
  /**
   * `${PUBLIC_BASE_URL}/c/${token}`: the contact's own page of this project. The email job always passes it (every
   * email carries it); optional so that a template rendered on its own (tests, previews) need not make one up.
   */
  clientPageUrl?: string;
  /** How the PM recorded the end of the accomplish phase; absent or null while nobody has: no email claims a result then. */
  accomplishOutcome?: AccomplishOutcome | null;
  /** The adopter's own terms for the client's doubt (the playbook's remorseTerms), said in plain words. */
  remorseTerms?: string | null;
  /** The client's own task a reminder is about (the playbook's words), with the moment it fell due. */
  clientTask?: ClientTaskMention | null;
  /** The people the client deals with, from HubSpot's owners when the email is prepared. */
  team?: { pm: TeamMember | null; rep: TeamMember | null };
}

export interface ClientTaskMention {
  title: string;
  why: string;
  dueAt: number;
  /** The playbook's time zone, in which the due date is told. */
  timezone: string;
}

export interface TeamMember {
  name: string;
  email: string | null;
}

/** A template's words, structured so that one layout renders the HTML and the text alike. */
export interface EmailContent {
  subject: string;
  /** Shown by mail clients next to the subject. */
  preheader: string;
  heading: string;
  paragraphs: string[];
  stories?: { intro: string; items: CaseHistory[]; note: string };
  closing: string[];
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

export type Template = Record<Locale, (input: TemplateInput) => EmailContent>;
