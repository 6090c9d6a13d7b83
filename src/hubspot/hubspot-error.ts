export type HubSpotErrorCode =
  | 'RATE_LIMIT_10S'
  | 'RATE_LIMIT_DAILY'
  | 'SERVER_ERROR'
  | 'UNREACHABLE'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'VALIDATION'
  | 'UNEXPECTED';

/** A HubSpot call that failed, translated into a code the job runner decides on. */
export class HubSpotError extends Error {
  constructor(
    readonly code: HubSpotErrorCode,
    message: string,
    readonly details: {
      status?: number;
      category?: string;
      correlationId?: string;
      /** HubSpot's own words, for callers that must tell one refusal from another (never shown as is to a client). */
      hubspotMessage?: string;
      /** True when HubSpot may have applied a create it did not confirm (no answer, or a 5xx). */
      inDoubt?: boolean;
    } = {},
  ) {
    super(message);
    this.name = 'HubSpotError';
  }

  get retryable(): boolean {
    return ['RATE_LIMIT_10S', 'RATE_LIMIT_DAILY', 'SERVER_ERROR', 'UNREACHABLE'].includes(this.code);
  }

  get inDoubt(): boolean {
    return this.details.inDoubt === true;
  }
}

interface HubSpotErrorBody {
  message?: string;
  category?: string;
  correlationId?: string;
  policyName?: string;
}

/** Maps an error answer from HubSpot to a code and a message that says what to do. */
export function errorFromResponse(status: number, body: HubSpotErrorBody, what: string, create: { inDoubt: boolean } = { inDoubt: false }): HubSpotError {
  const details = { status, category: body.category, correlationId: body.correlationId, hubspotMessage: body.message };
  const said = body.message ? `: ${body.message}` : '';
  if (status === 429) {
    return body.policyName === 'DAILY'
      ? new HubSpotError('RATE_LIMIT_DAILY', `${what}: HubSpot's daily API limit for this account is used up; work resumes after midnight in the account's time zone`, details)
      : new HubSpotError('RATE_LIMIT_10S', `${what}: HubSpot's rate limit was hit${said}; lower HUBSPOT_CALLS_PER_10S if this repeats`, details);
  }
  // A create answered 5xx may have been applied before HubSpot failed (gateway timeouts): in doubt.
  if (status >= 500) return new HubSpotError('SERVER_ERROR', `${what}: HubSpot answered ${status}${said}; it will be retried`, { ...details, inDoubt: create.inDoubt });
  if (status === 401) return new HubSpotError('UNAUTHORIZED', `${what}: HubSpot refused the access token (401); check HUBSPOT_ACCESS_TOKEN`, details);
  if (status === 403) return new HubSpotError('FORBIDDEN', `${what}: the app lacks a scope for this (403${said}); add it in the app's auth settings and reinstall`, details);
  if (status === 404) return new HubSpotError('NOT_FOUND', `${what}: not found in HubSpot (404)${said}`, details);
  if (status === 400 || status === 409 || status === 422) {
    return new HubSpotError('VALIDATION', `${what}: HubSpot rejected the request (${status}${said}); if a first100_* property is missing, run "first100 setup"`, details);
  }
  return new HubSpotError('UNEXPECTED', `${what}: HubSpot answered ${status}${said}`, details);
}
