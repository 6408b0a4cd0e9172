import { RefusedError } from "./refused-error.server";

/** A refusal of the committee's draft work (bad text, bad deadline, wrong state). */
export class DraftRefusedError extends RefusedError {
  override name = "DraftRefusedError";
}
