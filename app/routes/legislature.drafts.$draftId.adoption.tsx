// 采纳情况 for the committee: every suggestion of the reports contact points submitted on a version, re-anchored on the
// next published version with the legal engine (原文未变 / 已移动 / 措辞微调 / 已改写 / 已删除或无法对应), answered
// one by one or several at once — 采纳 / 部分采纳 / 未采纳, an explanation, the clause of the new version. Residents
// appear masked, as the reports have them. Only the committee whose draft it is (others 404; other roles 403).
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { getPrisma } from "~/utils/db.server";
import { requireUserWithRole } from "~/utils/auth.server";
import { invariantResponse } from "~/utils/http.server";
import { getClauses } from "~/models/draft.server";
import { pickComparedPair } from "~/models/draft-comparison.server";
import { listSubmittedReportContents } from "~/models/feedback-report-list.server";
import { getPublishedVersionPair } from "~/models/version-pair.server";
import { recordAdoption } from "~/commands/record-adoption.server";
import { ReportRefusedError } from "~/commands/report-refused-error.server";
import { fieldErrors } from "~/comments/input";
import { readReportDocument } from "~/components/report/report-document";
import { buildSuggestionUnits, type SubmittedReport } from "~/components/adoption/suggestion-units";
import { placeSuggestion } from "~/components/adoption/reanchor-unit";
import { AdoptionFields, adoptionFormValues, unitValue, ADOPTION_LABELS } from "~/components/adoption/adoption-fields";
import { SuggestionAnswer, CITATIONS_LIST_ID, type SuggestionAnswerView } from "~/components/adoption/suggestion-answer";
import { BulkAnswer } from "~/components/adoption/bulk-answer";
import { versionName } from "~/components/legislature/comparison-panel";
import type { AdoptionDecision } from "~/generated/prisma/enums";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `采纳情况 · ${data?.draft.title ?? "法规草案"} · 立法意见征集平台` }];

const PAGE_SIZE = 30;
const SHOW = ["all", "unanswered", "answered"] as const;
type Show = (typeof SHOW)[number];

async function requireOwnDraft(request: Request, draftId: string | undefined) {
  const user = await requireUserWithRole(request, ["legislature"]);
  const prisma = getPrisma();
  const draft = await prisma.draft.findFirst({
    where: { id: draftId ?? "", legislatureId: user.legislatureId ?? "-" },
    select: { id: true, title: true, versions: { where: { publishedAt: { not: null } }, orderBy: { versionNo: "asc" }, select: { id: true, label: true, versionNo: true, publishedAt: true } } },
  });
  invariantResponse(draft, "未找到该法规草案，或您无权查看。");
  return { user, prisma, draft };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { prisma, draft } = await requireOwnDraft(request, params.draftId);
  const url = new URL(request.url);
  const pair = pickComparedPair(draft.versions, url.searchParams.get("from"), url.searchParams.get("to"));
  if (pair === "unknown") throw new Response("未找到该版本。", { status: 404 });
  const show: Show = (SHOW as readonly string[]).includes(url.searchParams.get("show") ?? "") ? (url.searchParams.get("show") as Show) : "all";
  const page = Math.max(1, Math.min(10_000, Number.parseInt(url.searchParams.get("page") ?? "1", 10) || 1));
  const base = { draft: { id: draft.id, title: draft.title }, versions: draft.versions, show, page };
  if (!pair || pair.from.versionNo >= pair.to.versionNo) return json({ ...base, pair: null, notSubmitted: [], counts: null, pages: 0, units: [], citations: [] });

  const [reports, fromClauses, toClauses, versionPair] = await Promise.all([
    listSubmittedReportContents(prisma, { draftVersionId: pair.from.id }),
    getClauses(prisma, { draftVersionId: pair.from.id }),
    getClauses(prisma, { draftVersionId: pair.to.id }),
    getPublishedVersionPair(prisma, { draftId: draft.id, fromId: pair.from.id, toId: pair.to.id }),
  ]);
  invariantResponse(versionPair, "未找到该版本。");
  const submitted: SubmittedReport[] = reports.flatMap((r) => {
    const doc = r.report ? readReportDocument(r.report.content) : null;
    return doc ? [{ consultationId: r.consultationId, contactPoint: r.contactPoint, doc }] : [];
  });
  const positions = new Map(fromClauses.map((c, i) => [c.stableKey, i]));
  const units = buildSuggestionUnits(submitted, (key) => positions.get(key));

  // A unit's answer is the answer on its first comment (answers are written on every comment of a unit at once).
  const leadAnswers = await prisma.adoption.findMany({
    where: { commentId: { in: units.map((u) => u.commentIds[0]) } },
    select: { commentId: true, decision: true, explanation: true, newClause: { select: { citation: true } } },
  });
  const answerOf = new Map(leadAnswers.map((a) => [a.commentId, a]));
  const counts: Record<AdoptionDecision, number> & { total: number; unanswered: number } = { total: units.length, unanswered: 0, adopted: 0, partly: 0, declined: 0 };
  for (const unit of units) {
    const answer = answerOf.get(unit.commentIds[0]);
    if (answer) counts[answer.decision] += 1;
    else counts.unanswered += 1;
  }
  const shown = units.filter((u) => show === "all" || (show === "answered") === answerOf.has(u.commentIds[0]));
  const pageUnits = shown.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);

  // The comments behind the page's units: which still stand on their own (the form names those; merged ones follow
  // them), and the anchor the first one quoted.
  const rows = await prisma.comment.findMany({
    where: { id: { in: pageUnits.flatMap((u) => u.commentIds) }, status: { in: ["active", "merged"] } },
    select: { id: true, status: true, mergedIntoId: true, anchor: true },
  });
  const rowOf = new Map(rows.map((r) => [r.id, r]));
  const views: SuggestionAnswerView[] = pageUnits.map((unit) => {
    const ids = new Set(unit.commentIds);
    const roots = unit.commentIds.filter((id) => rowOf.has(id) && !ids.has(rowOf.get(id)!.mergedIntoId ?? ""));
    const lead = rowOf.get(roots[0] ?? unit.commentIds[0]);
    const placement = placeSuggestion(versionPair, { stableKey: unit.stableKey, anchor: lead?.anchor });
    const answer = answerOf.get(unit.commentIds[0]);
    return {
      key: unit.key,
      unit: unitValue(roots.length ? roots : unit.commentIds.slice(0, 1), placement.newCitation),
      citation: unit.citation,
      kind: unit.kind,
      text: unit.text,
      suggestedText: unit.suggestedText,
      redline: unit.redline,
      reasons: unit.reasons,
      sources: unit.sources,
      contactPoints: unit.contactPoints,
      supporters: unit.supporters,
      status: placement.status,
      newCitation: placement.newCitation ?? null,
      answer: answer ? { decision: answer.decision, explanation: answer.explanation, newCitation: answer.newClause?.citation ?? null } : null,
    };
  });
  return json({
    ...base,
    pair: { from: pair.from, to: pair.to },
    notSubmitted: reports.filter((r) => !r.report).map((r) => r.contactPoint),
    counts,
    pages: Math.max(1, Math.ceil(shown.length / PAGE_SIZE)),
    units: views,
    citations: [...new Set(toClauses.map((c) => c.citation).filter(Boolean))],
  });
}

type ActionResult = { ok: boolean; message: string; key: string | null; errors?: Record<string, string> };

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, prisma, draft } = await requireOwnDraft(request, params.draftId);
  const url = new URL(request.url);
  const form = await request.formData();
  const key = typeof form.get("key") === "string" ? String(form.get("key")).slice(0, 64) : null;
  if (form.get("intent") !== "answer") return json<ActionResult>({ ok: false, message: "无法识别的操作。", key }, { status: 400 });
  const pair = pickComparedPair(draft.versions, url.searchParams.get("from"), url.searchParams.get("to"));
  if (!pair || pair === "unknown" || pair.from.versionNo >= pair.to.versionNo) throw new Response("未找到该版本。", { status: 404 });
  const parsed = AdoptionFields.safeParse(adoptionFormValues(form));
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error);
    console.warn(`adoption refused (400) for user ${user.username} on draft ${draft.id}: invalid fields ${Object.keys(errors).join(", ")}`);
    return json<ActionResult>({ ok: false, message: Object.values(errors)[0] ?? "请检查填写的内容。", key, errors }, { status: 400 });
  }
  try {
    const recorded = await recordAdoption(prisma, { draftId: draft.id, legislatureId: user.legislatureId ?? "-", toVersionId: pair.to.id, userId: user.id, input: parsed.data });
    const what = recorded.suggestions > 1 ? ` ${recorded.suggestions} 条意见` : "该条意见";
    return json<ActionResult>({ ok: true, message: `已答复${what}：${ADOPTION_LABELS[parsed.data.decision]}。`, key });
  } catch (error) {
    if (error instanceof ReportRefusedError) {
      console.warn(`adoption refused (${error.status}) for user ${user.username} on draft ${draft.id}: ${error.message}`);
      return json<ActionResult>({ ok: false, message: error.userMessage, key, errors: error.field ? { [error.field]: error.userMessage } : undefined }, { status: error.status });
    }
    throw error;
  }
}

export default function AdoptionPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const base = `/legislature/drafts/${data.draft.id}`;
  const query = (changes: Record<string, string | number>) => {
    const params = new URLSearchParams({ ...(data.pair ? { from: data.pair.from.id, to: data.pair.to.id } : {}), show: data.show, page: String(data.page) });
    for (const [k, v] of Object.entries(changes)) params.set(k, String(v));
    return `?${params}`;
  };
  return (
    <main className="legislature-page report-page adoption-page">
      <div className="breadcrumb">
        <Link to="/legislature">法规草案</Link> / <Link to={base}>{data.draft.title}</Link> / <Link to={`${base}/reports`}>报送情况</Link> / 采纳情况
      </div>
      <h1>采纳情况</h1>
      {!data.pair || !data.counts ? (
        <div className="card">
          <p><strong>尚无新版本。</strong></p>
          <p className="muted">发布下一版本（如二审稿）后，可在此对照新版本逐条答复各联系点报送的意见。</p>
        </div>
      ) : (
        <>
          <Form method="get" className="card comparison-controls">
            <label>
              <span>征求意见的版本</span>
              <select name="from" defaultValue={data.pair.from.id}>
                {data.versions.map((v) => <option key={v.id} value={v.id}>{versionName(v)}</option>)}
              </select>
            </label>
            <label>
              <span>新版本</span>
              <select name="to" defaultValue={data.pair.to.id}>
                {data.versions.map((v) => <option key={v.id} value={v.id}>{versionName(v)}</option>)}
              </select>
            </label>
            <button type="submit" className="button secondary">切换</button>
          </Form>
          <p className="adoption-summary" aria-live="polite">
            {data.pair.from.label}共收到 {data.counts.total} 条建议：采纳 {data.counts.adopted}，部分采纳 {data.counts.partly}，未采纳 {data.counts.declined}，尚未答复 {data.counts.unanswered}。
            {data.notSubmitted.length ? <span className="muted">（未报送：{data.notSubmitted.join("、")}）</span> : null}
            {" "}<Link to={`${base}/compare?from=${data.pair.from.id}&to=${data.pair.to.id}`}>修改对照表</Link>
          </p>
          <nav className="filter-links small" aria-label="筛选">
            {([["all", "全部"], ["unanswered", "尚未答复"], ["answered", "已答复"]] as const).map(([value, label]) =>
              value === data.show ? <strong key={value} aria-current="true">{label}</strong> : <Link key={value} to={query({ show: value, page: 1 })}>{label}</Link>,
            )}
          </nav>
          {result && (result.ok || !data.units.some((u) => u.key === result.key)) ? <p className={result.ok ? "notice" : "error"} role={result.ok ? "status" : "alert"}>{result.message}</p> : null}
          <BulkAnswer busy={busy} />
          <datalist id={CITATIONS_LIST_ID}>
            {data.citations.map((c) => <option key={c} value={c} />)}
          </datalist>
          {data.units.length === 0 ? <p className="muted card">{data.counts.total === 0 ? "该版本尚无联系点报送的意见。" : "没有符合条件的意见。"}</p> : null}
          <ol className="suggestion-answers">
            {data.units.map((s) => (
              <li key={s.key}>
                <SuggestionAnswer s={s} toLabel={data.pair!.to.label} busy={busy} error={result && !result.ok && result.key === s.key ? result.message : undefined} />
              </li>
            ))}
          </ol>
          {data.pages > 1 ? (
            <nav className="pagination" aria-label="分页">
              {data.page > 1 ? <Link to={query({ page: data.page - 1 })}>上一页</Link> : null}
              <span className="muted small">第 {data.page} / {data.pages} 页</span>
              {data.page < data.pages ? <Link to={query({ page: data.page + 1 })}>下一页</Link> : null}
            </nav>
          ) : null}
        </>
      )}
    </main>
  );
}
