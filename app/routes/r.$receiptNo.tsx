// /r/<回执号>: a resident looks up their comment by its receipt number, without an account. Lower case, spaces and
// dashes are accepted (redirected to the canonical form); lookups are rate-limited per client address so that
// receipt numbers cannot be guessed; unknown numbers answer 404. Once the committee has answered, the resident rates
// how it was handled (POST satisfaction=satisfied|basically|unsatisfied; rate-limited per address; 409 before an
// answer exists).
import { json, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { getEnv } from "~/utils/env.server";
import { rateSatisfaction } from "~/commands/rate-satisfaction.server";
import { ReportRefusedError } from "~/commands/report-refused-error.server";
import { RatingForm } from "~/components/adoption/rating-form";
import { SATISFACTIONS } from "~/components/adoption/satisfaction";
import { getPrisma } from "~/utils/db.server";
import { invariantResponse } from "~/utils/http.server";
import { quoteForLog } from "~/utils/log.server";
import { hitRateLimits, retryInWords } from "~/utils/rate-limit.server";
import { normaliseReceiptNo } from "~/comments/receipt.server";
import { findCommentByReceipt, receiptLookupLimits } from "~/comments/receipt-lookup.server";
import { ReceiptPage } from "~/components/public/receipt-page";

const NOT_FOUND = "没有找到这个回执号。请核对后再查：回执号为 12 位字母和数字（不含 0、1、I、L、O）。";

export const meta: MetaFunction = () => [{ title: "意见查询 · 立法意见征集平台" }, { name: "robots", content: "noindex" }];

// A refused rating's Retry-After (429) goes out with the page the loader renders.
export const headers: HeadersFunction = ({ actionHeaders, loaderHeaders }) => {
  const headers = new Headers(loaderHeaders);
  const retryAfter = actionHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};

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
        satisfaction: comment.satisfaction,
      },
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

const RatingFields = z.object({ satisfaction: z.enum(SATISFACTIONS, { errorMap: () => ({ message: "请选择满意、基本满意或不满意。" }) }) });

export async function action({ params, request, context }: ActionFunctionArgs) {
  const receiptNo = normaliseReceiptNo(params.receiptNo ?? "");
  invariantResponse(receiptNo, NOT_FOUND);
  const limit = await hitRateLimits([{ key: ["rating", "ip", context.clientIp], max: getEnv().RATING_LIMIT_PER_IP, windowSeconds: 3600 }]);
  if (!limit.allowed) {
    console.warn(`rating: 429 for ${quoteForLog(context.clientIp)}`);
    return json({ error: `评价次数过多，请在${retryInWords(limit.retryAfterSeconds)}再试。` }, { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) } });
  }
  const fields = RatingFields.safeParse(Object.fromEntries(await request.formData()));
  if (!fields.success) return json({ error: fields.error.issues[0]?.message ?? "请选择评价。" }, { status: 400 });
  try {
    await rateSatisfaction(getPrisma(), { receiptNo, satisfaction: fields.data.satisfaction });
  } catch (error) {
    if (error instanceof ReportRefusedError) {
      console.warn(`rating refused (${error.status}): ${error.message}`);
      return json({ error: error.userMessage }, { status: error.status });
    }
    throw error;
  }
  return redirect(`/r/${receiptNo}?rated=1`, 303);
}

export default function ReceiptRoute() {
  const { view, limited } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  const [search] = useSearchParams();
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
  const rating = view.adoption ? (
    <RatingForm current={view.satisfaction} justRated={search.has("rated") && !refused} error={refused?.error} />
  ) : refused ? (
    <p className="card receipt-card error" role="alert">{refused.error}</p>
  ) : null;
  return <ReceiptPage view={view} rating={rating} />;
}
