// /r/<回执号>: a resident looks up their comment by its receipt number, without an account. Lower case, spaces and
// dashes are accepted (redirected to the canonical form); lookups are rate-limited per client address so that
// receipt numbers cannot be guessed; unknown numbers answer 404.
import { json, redirect, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getPrisma } from "~/utils/db.server";
import { invariantResponse } from "~/utils/http.server";
import { quoteForLog } from "~/utils/log.server";
import { hitRateLimits, retryInWords } from "~/utils/rate-limit.server";
import { normaliseReceiptNo } from "~/comments/receipt.server";
import { findCommentByReceipt, receiptLookupLimits } from "~/comments/receipt-lookup.server";
import { ReceiptPage } from "~/components/public/receipt-page";

const NOT_FOUND = "没有找到这个回执号。请核对后再查：回执号为 12 位字母和数字（不含 0、1、I、L、O）。";

export const meta: MetaFunction = () => [{ title: "意见查询 · 立法意见征集平台" }, { name: "robots", content: "noindex" }];

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export async function loader({ params, context }: LoaderFunctionArgs) {
  const raw = params.receiptNo ?? "";
  const receiptNo = normaliseReceiptNo(raw);
  invariantResponse(receiptNo, NOT_FOUND);
  if (receiptNo !== raw) throw redirect(`/r/${receiptNo}`);
  const limit = await hitRateLimits(receiptLookupLimits(context.clientIp));
  if (!limit.allowed) {
    console.warn(`receipt lookup: 429 for ${quoteForLog(context.clientIp)}`);
    return json({ limited: `查询次数过多，请在${retryInWords(limit.retryAfterSeconds)}再试。`, view: null }, { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) } });
  }
  const comment = await findCommentByReceipt(getPrisma(), receiptNo);
  invariantResponse(comment, NOT_FOUND);
  const { consultation } = comment;
  return json(
    {
      limited: null,
      view: {
        receiptNo,
        createdAt: comment.createdAt.toISOString(),
        status: comment.status,
        kind: comment.kind,
        body: comment.body,
        suggestedText: comment.suggestedText,
        reason: comment.reason,
        citation: comment.clause?.citation ?? null,
        clauseText: comment.clauseText,
        receiver: comment.receiver?.displayName ?? null,
        title: consultation.draftVersion.draft.title,
        versionLabel: consultation.draftVersion.label,
        contactPoint: consultation.contactPoint.name,
        publicToken: consultation.publicToken,
        mergedSupporters: comment.mergedSupporters,
        adoption: comment.adoption ? { ...comment.adoption, createdAt: comment.adoption.createdAt.toISOString() } : null,
      },
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export default function ReceiptRoute() {
  const { view, limited } = useLoaderData<typeof loader>();
  if (!view) {
    return (
      <main className="public">
        <section className="card lookup-card" role="alert">
          <h1>请稍后再查</h1>
          <p>{limited}</p>
        </section>
      </main>
    );
  }
  return <ReceiptPage view={view} />;
}
