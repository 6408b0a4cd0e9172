import { RefusedError } from "./refused-error.server";

/** A refusal of forum work (bad attendees, a closed forum, a card that cannot become a comment). */
export class ForumRefusedError extends RefusedError {
  override name = "ForumRefusedError";
}
