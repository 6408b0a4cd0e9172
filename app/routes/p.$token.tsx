// Public page behind a contact point's QR code: no login, works without JavaScript and on phones. Read the draft
// clause by clause, comment on a clause (?clause=第十二条) or in general, get a receipt number (回执号).
// The form contract (fields, honeypot, limits) is described in app/comments/public-form.ts and the README.
import { json, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { getPrisma } from "~/utils/db.server";
import { invariantResponse } from "~/utils/http.server";
import { quoteForLog } from "~/utils/log.server";
import { getActionOutcome, setActionOutcome } from "~/utils/action-outcome.server";
import { hitRateLimits, retryInWords } from "~/utils/rate-limit.server";
import { getReaderClauses } from "~/models/reader-clauses.server";
import { countCommentsByClause } from "~/models/comment.server";
import { CommentRefusedError, isOpen, submitComment } from "~/commands/submit-comment.server";
import { newReceiptNo } from "~/comments/receipt.server";
import { claimSubmission, newSubmissionKey, recordSubmission, releaseSubmission } from "~/comments/submission-key.server";
import { readPublicForm, validatePublicForm, type PublicFormValues } from "~/comments/public-form";
import { findPublicConsultation, findReceiver, publicCommentLimits, publicHeader, type PublicConsultation, type PublicHeader } from "~/comments/public-consultation.server";
import { clauseTarget, normaliseCitation } from "~/components/public/clause-target";
import { PublicMain } from "~/components/public/public-main";
import { PublicFormPage } from "~/components/public/public-form-page";
import { CommentSubmitted } from "~/components/public/submitted";
import { PublicConsultationHeader } from "~/components/public/public-header";

const NOT_FOUND = "该征求意见链接无效或已失效。请核对二维码或网址。";
const NO_STORE = { "Cache-Control": "no-store" };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.header.title ?? "征求意见"} · 征求意见` }];

export const headers: HeadersFunction = ({ actionHeaders, loaderHeaders }) => {
  const merged = new Headers(loaderHeaders);
  actionHeaders.forEach((value, name) => merged.set(name, value));
  return merged;
};

/** After a submission the page shows the answer; reloading the whole draft would be wasted (and slow under load). */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionResult, defaultShouldRevalidate }) => (actionResult ? false : defaultShouldRevalidate);

type Outcome = { view: "done"; header: PublicHeader } | { view: "form"; consultation: PublicConsultation; header: PublicHeader; citation: string };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const outcome = getActionOutcome<Outcome>(context);
  if (outcome?.view === "done") return json({ view: "done" as const, header: outcome.header }, { headers: NO_STORE });
  const prisma = getPrisma();
  const consultation = outcome?.consultation ?? (await findPublicConsultation(prisma, params.token));
  invariantResponse(consultation, NOT_FOUND);
  const url = new URL(request.url);
  let header = outcome?.header;
  if (!header) {
    const via = url.searchParams.get("via") ?? "";
    // A stale or foreign deputy code still opens the page, only without the deputy.
    const deputy = via ? await findReceiver(prisma, { via, contactPointId: consultation.contactPointId }) : null;
    header = publicHeader(consultation, isOpen(consultation), deputy && { displayName: deputy.displayName, via });
  }
  const clauses = await getReaderClauses(prisma, { draftVersionId: consultation.draftVersionId, published: true });
  const clauseParam = outcome ? outcome.citation : url.searchParams.get("clause");
  if (clauseParam !== null) {
    const citation = normaliseCitation(clauseParam);
    const target = citation ? clauseTarget(clauses, citation) : null;
    invariantResponse(!citation || target || outcome, `草案中没有“${citation}”。请返回草案，从条文旁的“对本条提意见”进入。`);
    return json({ view: "form" as const, header, target, unknownCitation: citation && !target ? citation : undefined, submissionKey: newSubmissionKey() });
  }
  const counts = await countCommentsByClause(prisma, { consultationId: consultation.id });
  return json({
    view: "main" as const,
    header,
    clauses,
    counts: Object.fromEntries([...counts].map(([clauseId, n]) => [clauseId ?? "general", n])),
    query: (url.searchParams.get("q") ?? "").slice(0, 60),
    submissionKey: newSubmissionKey(),
  });
}

type Failure = { ok: false; message: string; fieldErrors: Record<string, string>; values: PublicFormValues; via: string; submission: string; closed: boolean };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const prisma = getPrisma();
  const consultation = await findPublicConsultation(prisma, params.token);
  invariantResponse(consultation, NOT_FOUND);
  const input = readPublicForm(await request.formData());
  const { values } = input;
  const open = isOpen(consultation);
  const where = `consultation ${consultation.id} from ${quoteForLog(context.clientIp)}`;
  let header = publicHeader(consultation, open, null);
  const fail = (status: number, message: string, fieldErrors: Record<string, string> = {}, extraHeaders: Record<string, string> = {}) => {
    setActionOutcome<Outcome>(context, { view: "form", consultation, header, citation: values.citation });
    const failure: Failure = { ok: false, message, fieldErrors, values, via: input.via, submission: input.submission, closed: status === 409 };
    return json(failure, { status, headers: { ...NO_STORE, ...extraHeaders } });
  };
  const answer = (receiptNo: string) => {
    setActionOutcome<Outcome>(context, { view: "done", header });
    return json({ ok: true as const, receiptNo, citation: normaliseCitation(values.citation) }, { headers: NO_STORE });
  };

  const limit = await hitRateLimits(publicCommentLimits(context.clientIp, consultation.id));
  if (!limit.allowed) {
    console.warn(`public comment: 429 (${limit.key.slice(0, 2).join(" ")}) on ${where}`);
    return fail(429, `提交过于频繁，请在${retryInWords(limit.retryAfterSeconds)}再试。您填写的内容仍保留在下方。`, {}, { "Retry-After": String(limit.retryAfterSeconds) });
  }
  let receiverId: string | null = null;
  if (input.via) {
    const deputy = await findReceiver(prisma, { via: input.via, contactPointId: consultation.contactPointId });
    if (!deputy) {
      console.warn(`public comment: 400 on ${where}: receiver ${quoteForLog(input.via)} is no deputy of the consultation's contact point`);
      return fail(400, "该代表二维码无效，或该代表不属于本联系点，意见未提交。请重新扫描代表的二维码。");
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
    return fail(409, "本次征求意见已截止，不再接收新的意见。您填写的内容仍保留在下方，可复制保存。");
  }
  const valid = validatePublicForm(values);
  if (!valid.ok) {
    console.warn(`public comment: 400 on ${where}: invalid ${Object.keys(valid.fieldErrors).join(", ")}`);
    return fail(400, "意见未提交，请按提示修改后再提交。", valid.fieldErrors);
  }
  const { comment } = valid;
  const claim = await claimSubmission(input.submission);
  if (claim.kind === "repeat") {
    console.info(`public comment: repeated post of one form on ${where} answered with its receipt`);
    return answer(claim.receiptNo);
  }
  if (claim.kind === "in-progress") return fail(409, "这条意见正在提交，请稍后刷新页面查看，不要重复提交。");
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
    return fail(error.status, error.status === 409 ? error.userMessage : "意见未提交，请按提示修改后再提交。", error.field ? { [error.field]: error.userMessage } : {});
  }
}

export default function PublicConsultation() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (actionData?.ok) {
    return (
      <main className="public">
        <CommentSubmitted header={data.header} receiptNo={actionData.receiptNo} citation={actionData.citation} />
      </main>
    );
  }
  if (data.view === "done") {
    return (
      <main className="public">
        <PublicConsultationHeader header={data.header} />
      </main>
    );
  }
  const failure = actionData && !actionData.ok ? actionData : undefined;
  if (failure || data.view === "form") {
    const target = data.view === "form" ? data.target : null;
    const unknownCitation = data.view === "form" ? data.unknownCitation : normaliseCitation(failure?.values.citation) ?? undefined;
    return <PublicFormPage header={data.header} target={target} unknownCitation={unknownCitation ?? undefined} failure={failure} submissionKey={"submissionKey" in data ? data.submissionKey : ""} />;
  }
  return <PublicMain header={data.header} clauses={data.clauses} counts={data.counts} query={data.query} submissionKey={data.submissionKey} />;
}
