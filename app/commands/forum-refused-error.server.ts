// A refusal of forum work (bad attendees, a closed forum, a card that cannot become a comment): what the user is
// told, in Chinese, with the HTTP status and the form field it concerns; the Error's message is the English detail.
export class ForumRefusedError extends Error {
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
    this.name = "ForumRefusedError";
  }
}
