/** An error that knows its HTTP answer; only the error handler turns it into a response. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Extra facts for the client, e.g. which checklist items a refusal is about. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}
