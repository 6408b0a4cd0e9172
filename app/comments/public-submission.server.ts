// What happens to one post of the public comment form (the contract of /p/<token>), decided in one place for both
// ways in: the Remix action (pages with JavaScript post data requests) and the web server's fast path for plain form
// posts (no JavaScript, integrations, load tests), which answers a stored comment without running the Remix page.
import type { PrismaClient } from "~/utils/db.server";
import { quoteForLog } from "~/utils/log.server";
import { hitRateLimits, retryInWords } from "~/utils/rate-limit.server";
import { CommentRefusedError, isOpen, submitComment } from "~/commands/submit-comment.server";
import { newReceiptNo } from "./receipt.server";
import { claimSubmission, recordSubmission, releaseSubmission } from "./submission-key.server";
import { readPublicForm, validatePublicForm, type PublicFormValues } from "./public-form";
import { findPublicConsultation, findReceiver, publicCommentLimits, publicHeader, type PublicConsultation, type PublicHeader } from "./public-consultation.server";
import { normaliseCitation } from "~/components/public/clause-target";

export type PublicSubmissionOutcome =
  | { kind: "not-found" }
  /** Stored (or a repeat of a stored form, or a bot that filled the honeypot): the answer shows the receipt. */
  | { kind: "answered"; receiptNo: string; citation: string | null; header: PublicHeader }
  | {
      kind: "refused";
      status: number;
      message: string;
      fieldErrors: Record<string, string>;
      values: PublicFormValues;
      via: string;
      submission: string;
      headers: Record<string, string>;
      consultation: PublicConsultation;
      header: PublicHeader;
    };

export async function handlePublicSubmission(
  prisma: PrismaClient,
  { token, form, clientIp }: { token: string | undefined; form: FormData; clientIp: string },
): Promise<PublicSubmissionOutcome> {
  const consultation = await findPublicConsultation(prisma, token);
  if (!consultation) return { kind: "not-found" };
  const input = readPublicForm(form);
  const { values } = input;
  const open = isOpen(consultation);
  const where = `consultation ${consultation.id} from ${quoteForLog(clientIp)}`;
  let header = publicHeader(consultation, open, null);
  const refuse = (status: number, message: string, fieldErrors: Record<string, string> = {}, headers: Record<string, string> = {}): PublicSubmissionOutcome => ({
    kind: "refused",
    status,
    message,
    fieldErrors,
    values,
    via: input.via,
    submission: input.submission,
    headers,
    consultation,
    header,
  });
  const answer = (receiptNo: string): PublicSubmissionOutcome => ({ kind: "answered", receiptNo, citation: normaliseCitation(values.citation), header });

  const limit = await hitRateLimits(publicCommentLimits(clientIp, consultation.id));
  if (!limit.allowed) {
    console.warn(`public comment: 429 (${limit.key.slice(0, 2).join(" ")}) on ${where}`);
    return refuse(429, `提交过于频繁，请在${retryInWords(limit.retryAfterSeconds)}再试。您填写的内容仍保留在下方。`, {}, { "Retry-After": String(limit.retryAfterSeconds) });
  }
  let receiverId: string | null = null;
  if (input.via) {
    const deputy = await findReceiver(prisma, { via: input.via, contactPointId: consultation.contactPointId });
    if (!deputy) {
      console.warn(`public comment: 400 on ${where}: receiver ${quoteForLog(input.via)} is no deputy of the consultation's contact point`);
      return refuse(400, "该代表二维码无效，或该代表不属于本联系点，意见未提交。请重新扫描代表的二维码。");
    }
    receiverId = deputy.id;
    header = publicHeader(consultation, open, { displayName: deputy.displayName, via: input.via });
  }
  if (input.honeypotFilled) {
    // A bot: it sees a success and a receipt number that was never stored.
    console.warn(`public comment: honeypot filled on ${where}; answered with an unstored receipt`);
    return answer(newReceiptNo());
  }
  if (!open) {
    console.warn(`public comment: 409 on ${where}: the consultation closed at ${consultation.deadline.toISOString()}`);
    return refuse(409, "本次征求意见已截止，不再接收新的意见。您填写的内容仍保留在下方，可复制保存。");
  }
  const valid = validatePublicForm(values);
  if (!valid.ok) {
    console.warn(`public comment: 400 on ${where}: invalid ${Object.keys(valid.fieldErrors).join(", ")}`);
    return refuse(400, "意见未提交，请按提示修改后再提交。", valid.fieldErrors);
  }
  const { comment } = valid;
  const claim = await claimSubmission(input.submission);
  if (claim.kind === "repeat") {
    console.info(`public comment: repeated post of one form on ${where} answered with its receipt`);
    return answer(claim.receiptNo);
  }
  if (claim.kind === "in-progress") return refuse(409, "这条意见正在提交，请稍后刷新页面查看，不要重复提交。");
  try {
    const stored = await submitComment(prisma, {
      consultation,
      citation: comment.citation,
      body: comment.body,
      suggestedText: comment.suggestedText,
      reason: comment.reason,
      source: "public",
      receiverId,
      submitter: comment.submitter ? { ...comment.submitter, consentAt: new Date() } : undefined,
      issueReceipt: true,
    });
    if (claim.kind === "first") await recordSubmission(input.submission, stored.receiptNo!);
    return answer(stored.receiptNo!);
  } catch (error) {
    if (claim.kind === "first") await releaseSubmission(input.submission);
    if (!(error instanceof CommentRefusedError)) throw error;
    console.warn(`public comment: ${error.status} on ${where}: ${error.message}`);
    return refuse(error.status, error.status === 409 ? error.userMessage : "意见未提交，请按提示修改后再提交。", error.field ? { [error.field]: error.userMessage } : {});
  }
}
