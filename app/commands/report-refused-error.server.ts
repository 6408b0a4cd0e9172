import { RefusedError } from "./refused-error.server";

/** A refusal of report and adoption work (submitting, receiving, answering, rating). */
export class ReportRefusedError extends RefusedError {
  override name = "ReportRefusedError";
}
