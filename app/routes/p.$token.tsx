// Public page behind a contact point's QR code: no login, works without JavaScript and on phones. Read the draft
// clause by clause, comment on a clause (?clause=第十二条) or in general, get a receipt number (回执号).
// The form contract (fields, honeypot, limits) is described in app/comments/public-form.ts and the README.
import { json, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { getPrisma } from "~/utils/db.server";
import { invariantResponse } from "~/utils/http.server";
import { getActionOutcome, setActionOutcome } from "~/utils/action-outcome.server";
import { getReaderClauses } from "~/models/reader-clauses.server";
import { countCommentsByClause } from "~/models/comment.server";
import { isOpen } from "~/commands/submit-comment.server";
import { handlePublicSubmission } from "~/comments/public-submission.server";
import { newSubmissionKey } from "~/comments/submission-key.server";
import type { PublicFormValues } from "~/comments/public-form";
import { findPublicConsultation, findReceiver, publicHeader, type PublicConsultation, type PublicHeader } from "~/comments/public-consultation.server";
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
  // The web server's fast path for plain form posts hands over the outcome it already reached (and counted).
  const outcome =
    context.publicSubmission ??
    (await handlePublicSubmission(getPrisma(), { token: params.token, form: await request.formData(), clientIp: context.clientIp }));
  if (outcome.kind === "not-found") throw new Response(NOT_FOUND, { status: 404 });
  if (outcome.kind === "answered") {
    setActionOutcome<Outcome>(context, { view: "done", header: outcome.header });
    return json({ ok: true as const, receiptNo: outcome.receiptNo, citation: outcome.citation }, { headers: NO_STORE });
  }
  const { status, message, fieldErrors, values, via, submission, headers, consultation, header } = outcome;
  setActionOutcome<Outcome>(context, { view: "form", consultation, header, citation: values.citation });
  const failure: Failure = { ok: false, message, fieldErrors, values, via, submission, closed: status === 409 };
  return json(failure, { status, headers: { ...NO_STORE, ...headers } });
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
