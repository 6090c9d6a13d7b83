import { hubspot } from '@hubspot/ui-extensions';
import type { ApiErrorBody } from '../../../../src/server/card-api-types';

/**
 * The first100 server, as HubSpot reaches it. It must also be listed in app-hsmeta.json's permittedUrls.fetch;
 * `first100 doctor` checks that both match PUBLIC_BASE_URL.
 */
export const BACKEND_URL = 'https://first100.example.com';

/** HubSpot allows 15 s by default; the API answers in well under a second. */
const TIMEOUT_MS = 15_000;

/** What went wrong with a call, enough for the card to say what to do. */
export interface Problem {
  /** HTTP status, or null when the server could not be reached. */
  status: number | null;
  code: string | null;
  message: string | null;
  items: string[];
}

export class BackendError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message ?? problem.code ?? `HTTP ${problem.status}`);
  }
}

/** Calls the card API through hubspot.fetch, which signs the request and adds who is asking. */
export async function callBackend<T>(path: string, body?: Record<string, unknown>): Promise<T> {
  let response: Response;
  try {
    response = await hubspot.fetch(`${BACKEND_URL}${path}`, body ? { method: 'POST', body, timeout: TIMEOUT_MS } : { method: 'GET', timeout: TIMEOUT_MS });
  } catch (error) {
    throw new BackendError({ status: null, code: 'UNREACHABLE', message: (error as Error).message, items: [] });
  }
  if (!response.ok) {
    const answer = (await response.json().catch(() => null)) as ApiErrorBody | null;
    const e = answer?.error;
    throw new BackendError({ status: response.status, code: e?.code ?? null, message: e?.message ?? null, items: e?.details?.items ?? [] });
  }
  return (await response.json()) as T;
}

export function problemOf(error: unknown): Problem {
  return error instanceof BackendError ? error.problem : { status: null, code: 'UNEXPECTED', message: String(error), items: [] };
}

/** One id per user action: HubSpot's automatic retry resends it, and the server acts once per id. */
export function newRequestId(): string {
  const random = globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
  return random.replace(/[^A-Za-z0-9_-]/g, '');
}
