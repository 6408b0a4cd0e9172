// The public comment form's contract (what integrations and load tests post to /p/<token>), read and validated in
// one place. Pure: no I/O.
import { CommentFields, SubmitterFields, checkConsent, fieldErrors } from "./input";

/** The fields of the contract, as named in the form. citation is empty (or 总体意见) for a general comment. */
export const PUBLIC_FORM_FIELDS = ["citation", "body", "suggestedText", "reason", "submitterName", "submitterPhone", "submitterOccupation", "consent"] as const;
export type PublicFormField = (typeof PUBLIC_FORM_FIELDS)[number];
export type PublicFormValues = Record<PublicFormField, string>;

/**
 * Anti-abuse honeypot: a text field the page renders off-screen, hidden from screen readers and out of the tab
 * order. People leave it empty; a bot that fills every field gets a success page with a receipt number that was
 * never stored.
 */
export const HONEYPOT_FIELD = "website";
/** The deputy reached through their personal QR code (代表二维码): their QR token, checked on the server. */
export const RECEIVER_FIELD = "via";
/** A random key rendered with each form: a repeated post of the same form gets the first answer back (optional). */
export const SUBMISSION_FIELD = "submission";

/** Longest value echoed back into a re-rendered form (beyond the limits, so people see and shorten what they typed). */
const MAX_ECHOED = 20_000;

export interface PublicFormInput {
  values: PublicFormValues;
  honeypotFilled: boolean;
  via: string;
  submission: string;
}

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value.slice(0, MAX_ECHOED) : "";
}

export function readPublicForm(form: FormData): PublicFormInput {
  const values = Object.fromEntries(PUBLIC_FORM_FIELDS.map((name) => [name, text(form, name)])) as PublicFormValues;
  return {
    values,
    honeypotFilled: text(form, HONEYPOT_FIELD).trim() !== "",
    via: text(form, RECEIVER_FIELD).trim(),
    submission: text(form, SUBMISSION_FIELD).trim().slice(0, 100),
  };
}

export interface ValidPublicComment {
  citation: string;
  body: string;
  suggestedText?: string;
  reason?: string;
  submitter?: { name?: string; phone?: string; occupation?: string };
  consented: boolean;
}

export type PublicFormValidation = { ok: true; comment: ValidPublicComment } | { ok: false; fieldErrors: Record<string, string> };

/** Field errors in Chinese, one per field; personal data without consent is refused, never silently dropped. */
export function validatePublicForm(values: PublicFormValues): PublicFormValidation {
  const comment = CommentFields.safeParse(values);
  const submitter = SubmitterFields.safeParse({ ...values, consent: values.consent || undefined });
  const errors = { ...(comment.success ? {} : fieldErrors(comment.error)), ...(submitter.success ? {} : fieldErrors(submitter.error)) };
  if (submitter.success) {
    const consentError = checkConsent(submitter.data);
    if (consentError) errors.consent = consentError;
  }
  if (!comment.success || !submitter.success || Object.keys(errors).length > 0) return { ok: false, fieldErrors: errors };
  const { submitterName: name, submitterPhone: phone, submitterOccupation: occupation } = submitter.data;
  const givesData = Boolean(name || phone || occupation);
  return {
    ok: true,
    comment: {
      citation: (comment.data.citation ?? "").trim(),
      body: comment.data.body,
      suggestedText: comment.data.suggestedText,
      reason: comment.data.reason,
      submitter: givesData ? { name, phone, occupation } : undefined,
      consented: givesData,
    },
  };
}
