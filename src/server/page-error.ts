import { HttpError } from './http-error.js';

/** An error answered with a page for people (the survey), not JSON; the error handler sends `html` as it is. */
export class PageError extends HttpError {
  constructor(
    status: number,
    code: string,
    message: string,
    readonly html: string,
  ) {
    super(status, code, message);
  }
}
