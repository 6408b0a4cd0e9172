// A refusal of the committee's draft work (bad text, bad deadline, wrong state): what the user is told, in Chinese,
// with the HTTP status and the form field it concerns; the message of the Error is the English detail for the log.
export class DraftRefusedError extends Error {
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
    this.name = "DraftRefusedError";
  }
}
