import { hubspot } from '@hubspot/ui-extensions';

/**
 * The first100 server, as HubSpot reaches it: the same URL as the cards' (extensions/app/cards/lib/backend.ts).
 * HubSpot builds each component directory on its own, so the pages and the settings page keep their own copy of
 * this file (byte for byte the same: `npm run check:hubspot` compares them, `first100 project set-url` writes all).
 */
export const BACKEND_URL = 'https://first100.example.com';

/** HubSpot allows 15 s by default; the settings page's checks take a few seconds at most. */
const TIMEOUT_MS = 15_000;

/** What went wrong, enough for the page to say what to do. */
export interface Problem {
  /** HTTP status, or null when the server could not be reached. */
  status: number | null;
  code: string | null;
  message: string | null;
}

/** GETs a page API path through hubspot.fetch, which signs the request and adds who is asking. */
export async function getFromBackend<T>(path: string): Promise<T> {
  let response: Response;
  try {
    response = await hubspot.fetch(`${BACKEND_URL}${path}`, { method: 'GET', timeout: TIMEOUT_MS });
  } catch (error) {
    throw { status: null, code: 'UNREACHABLE', message: (error as Error).message } satisfies Problem;
  }
  if (!response.ok) {
    const answer = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    throw { status: response.status, code: answer?.error?.code ?? null, message: answer?.error?.message ?? null } satisfies Problem;
  }
  return (await response.json()) as T;
}

/** A Problem thrown by getFromBackend, or anything else that went wrong, as a Problem. */
export function problemOf(error: unknown): Problem {
  const e = error as Partial<Problem> | null;
  if (e && typeof e === 'object' && 'status' in e && 'code' in e) return { status: e.status ?? null, code: e.code ?? null, message: e.message ?? null };
  return { status: null, code: 'UNEXPECTED', message: String(error) };
}

export type Load<T> = { kind: 'loading' } | { kind: 'ready'; data: T } | { kind: 'error'; problem: Problem };

const en = {
  unreachable: 'The first100 server did not answer. Try again in a minute; if it keeps failing, ask your HubSpot admin to run "first100 doctor".',
  refused: 'The first100 server refused this request. Ask your HubSpot admin to check the app\'s client secret and account with "first100 doctor".',
  answered: (status: number) => `The first100 server answered ${status}.`,
};

const it: typeof en = {
  unreachable: 'Il server di first100 non ha risposto. Riprova tra un minuto; se continua, chiedi all\'amministratore HubSpot di eseguire "first100 doctor".',
  refused: 'Il server di first100 ha rifiutato la richiesta. Chiedi all\'amministratore HubSpot di verificare client secret e account dell\'app con "first100 doctor".',
  answered: (status) => `Il server di first100 ha risposto ${status}.`,
};

/** What to tell the user about a failed load, in their language (the cards' words); the server's own message when it gave one. */
export function problemText(p: Problem, locale: 'en' | 'it' = 'en'): string {
  const t = locale === 'it' ? it : en;
  if (p.status === null || p.status === 502 || p.status === 503) return p.message ?? t.unreachable;
  if (p.status === 401 || p.status === 403) return t.refused;
  return p.message ?? t.answered(p.status);
}
