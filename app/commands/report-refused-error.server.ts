// A refusal of report and adoption work (submitting, receiving, answering, rating): what the user is told, in
// Chinese, with the HTTP status and the form field it concerns; the message of the Error is the English detail for
// the log.
export class ReportRefusedError extends Error {
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
    this.name = "ReportRefusedError";
  }
}
