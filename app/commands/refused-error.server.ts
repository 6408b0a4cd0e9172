// A refusal of a user's request by a command (bad input, wrong state, out of scope): what the user is told, in
// Chinese, with the HTTP status and the form field it concerns; the Error's message is the English detail for the
// log. Each area has its own subclass so that routes catch only the refusals of the work they do.
export class RefusedError extends Error {
  constructor(
    /** Shown to the user, in Chinese. */
    readonly userMessage: string,
    readonly status: number,
    /** For the log, in English. */
    detail: string,
    /** The form field the refusal is about, if any. */
    readonly field?: string,
  ) {
    super(detail);
  }
}
