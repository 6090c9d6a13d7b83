/**
 * The card API's answers: the contract between the server's views and the cards in extensions/app/cards,
 * which import these types only (erased when the cards are bundled), so both sides are checked against one shape.
 * No runtime code and no imports here.
 */

export interface Labeled {
  value: string;
  label: string;
}

export interface NextStep {
  kind: 'task' | 'email' | 'advance';
  dueAt: string;
  /** pending (emails wait for the sender, timed advances for their time), sending, done (created in HubSpot or sent), failed, cancelled. */
  status: string;
  title?: string;
  /** deal_owner, pm, fixed owner, unassigned. */
  assignee?: string;
  ownerId?: string | null;
  template?: string;
  survey?: string;
  touchpoint?: string;
  to?: string;
  toLabel?: string;
}

export interface HealthDetailView {
  /** One line per reason, most severe first, in the card's language; empty when on track. */
  reasons: string[];
  businessDaysInPhase: number;
  expectedBusinessDays: number | null;
  /** YYYY-MM-DD. */
  plannedGoLive: string | null;
  projectedGoLive: string | null;
  /** Business days later than planned (negative: earlier). */
  slipBusinessDays: number | null;
}

export interface DealCardView {
  dealId: string;
  locale: 'en' | 'it';
  phases: Labeled[];
  onboarding: {
    phase: string;
    phaseLabel: string;
    phaseIndex: number;
    enteredAt: string;
    daysInPhase: number;
    /** Day N of `of`, counted from day zero; null before the sale (assess). */
    day: number | null;
    of: number;
    dayZero: string | null;
  } | null;
  lost: boolean;
  health: Labeled | null;
  /** Why the deal has its health, and where go-live stands (src/domain/health/); absent or null until computed. */
  healthDetail?: HealthDetailView | null;
  /** The client's latest answer on any survey, with its scale. */
  lastFeedback: (ScaledScore & { at: string | null }) | null;
  /** The latest answer of each scale answered on this deal (as the first100_last_nps/csat/ces properties hold them). */
  lastScores: (ScaledScore & { at: string })[];
  /** Every touchpoint the team may rate on this deal: the team's view beside the client's. */
  touchpoints: TouchpointView[];
  nextSteps: NextStep[];
  handoff: { status: string; label: string; completeness: number };
  /**
   * Everything comes from first100's store. True when the store knew nothing of this deal and HubSpot could not be
   * asked in time whether it exists: the card shows the deal as not in onboarding and says HubSpot did not answer.
   */
  hubspotUnavailable: boolean;
}

export interface HandoffFieldView {
  name: string;
  label: string;
  type: 'text' | 'enum' | 'date';
  value: string;
  options?: Labeled[];
}

export interface HandoffItemView {
  key: string;
  label: string;
  required: boolean;
  status: 'incomplete' | 'filled' | 'accepted' | 'question';
  fields: HandoffFieldView[];
  thread: { kind: 'question' | 'answer'; by: string | null; at: string | null; text: string }[];
}

export interface HandoffView {
  dealId: string;
  status: 'not_started' | 'draft' | 'submitted' | 'changes_requested' | 'accepted';
  statusLabel: string;
  completeness: number;
  submittedBy: string | null;
  submittedAt: string | null;
  acceptedBy: string | null;
  acceptedAt: string | null;
  /** The viewer submitted it, so may not review it. */
  viewerSubmitted: boolean;
  items: HandoffItemView[];
  history: { at: string | null; by: string; action: 'save' | 'submit' | 'accept' | 'ask'; items: string[]; text: string | null }[];
}

export interface CompanyCardView {
  companyId: string;
  name: string | null;
  health: Labeled | null;
  segment: Labeled | null;
  deals: { dealId: string; name: string; phase: string; phaseLabel: string; day: number | null; health: Labeled | null }[];
  feedback: ({ dealId: string; dealName: string; at: string | null } & ScaledScore)[];
  /** Per deal, the touchpoints someone has scored: the team's view beside the client's. */
  touchpoints: (TouchpointView & { dealId: string; dealName: string })[];
  /** As on the deal card: first100 knew no deal of this company and HubSpot could not be asked in time about it. */
  hubspotUnavailable: boolean;
}

/** A score with its scale, as every card shows it: "NPS 9/10", "CSAT 4/5", "CES 2/7 (1 = least effort)". */
export interface ScaledScore {
  survey: string;
  score: number;
  label: string;
}

/** One surveyed touchpoint of a deal: the team's view and the client's on the same scale, and the gap between them. */
export interface TouchpointView {
  touchpoint: string;
  survey: string;
  /** "NPS 0–10", "CES 1–7 (1 = least effort)". */
  scale: string;
  min: number;
  max: number;
  /** What the lowest and the highest score mean. */
  ends: { low: string; high: string };
  /** The question the team answers about the client (team words: cards only). */
  question: string;
  /** The mean of each team member's rating; count: how many rated. */
  team: { score: number; label: string; count: number } | null;
  /** The mean of each client contact's latest answer; count: how many answered. */
  client: { score: number; label: string; count: number } | null;
  /** Set once both sides have scored; flagged at 2 points or more. */
  gap: { points: number; flagged: boolean; text: string } | null;
}

export interface ApiErrorBody {
  error: { code: string; message: string; details?: { items?: string[] } };
}
