// 整理意见: the contact point's staff see every comment of their consultation in one list, in the draft's order,
// filter it, hide, merge, and enter opinions that came in on paper, by phone or by letter. Staff of this contact
// point only: other roles get 403, other contact points' staff 404.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { getPrisma } from "~/utils/db.server";
import { requireUserWithRole } from "~/utils/auth.server";
import { invariantResponse } from "~/utils/http.server";
import { getConsultationForUser } from "~/models/consultation.server";
import { getClauses } from "~/models/draft.server";
import { CURATION_PAGE_SIZE, countCommentsBySourceAndStatus, listCommentsForCuration, type CurationFilter } from "~/models/comment-list.server";
import { presentComment, type CommentView } from "~/comments/present";
import { articleCitations, curationSearch, parseCurationQuery } from "~/comments/curation-query";
import { checkConsent, fieldErrors } from "~/comments/input";
import { EntryFields } from "~/comments/annotation-input";
import { GATHERING_CHANNELS, GENERAL_CITATION } from "~/comments/labels";
import { CommentRefusedError, isOpen, submitComment } from "~/commands/submit-comment.server";
import { curateComments } from "~/commands/curate-comments.server";
import { anchorTexts, pickableClauses } from "~/components/annotate/clause-texts";
import { DeadlineNote } from "~/components/annotate/deadline-note";
import { CommentCounts } from "~/components/curation/comment-counts";
import { CurationFilters } from "~/components/curation/curation-filters";
import { CuratedComment } from "~/components/curation/curated-comment";
import { EntryForm } from "~/components/curation/entry-form";
import { MergeBar } from "~/components/curation/merge-bar";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `整理意见 · ${data?.title ?? "征求意见"} · 立法意见征集平台` }];

async function requireOwnConsultation(request: Request, consultationId: string | undefined) {
  const user = await requireUserWithRole(request, ["staff"]);
  const prisma = getPrisma();
  const consultation = await getConsultationForUser(prisma, { id: consultationId ?? "", user });
  invariantResponse(consultation, "未找到该征求意见任务，或您无权查看。");
  return { user, prisma, consultation };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { prisma, consultation } = await requireOwnConsultation(request, params.consultationId);
  const url = new URL(request.url);
  const query = parseCurationQuery(url.searchParams);
  const clauses = await getClauses(prisma, { draftVersionId: consultation.draftVersion.id });
  let clauseFilter: CurationFilter["clause"];
  let unknownClause = false;
  if (query.clause === GENERAL_CITATION) clauseFilter = "general";
  else if (query.clause) {
    const row = clauses.find((c) => c.citation === query.clause);
    if (row) clauseFilter = { path: row.path };
    else unknownClause = true;
  }
  const list = unknownClause
    ? { comments: [], total: 0 }
    : await listCommentsForCuration(prisma, { consultationId: consultation.id, filter: { ...query, clause: clauseFilter }, page: query.page });
  const originals = anchorTexts(clauses);
  const articleOf = articleCitations(clauses);
  const tallies = await countCommentsBySourceAndStatus(prisma, { consultationId: consultation.id });
  const entered = Number.parseInt(url.searchParams.get("entered") ?? "", 10);
  const channel = url.searchParams.get("channel");
  return json({
    consultationId: consultation.id,
    title: consultation.draftVersion.draft.title,
    versionLabel: consultation.draftVersion.label,
    contactPoint: consultation.contactPoint.name,
    deadline: consultation.deadline,
    open: isOpen(consultation),
    query,
    unknownClause,
    rows: list.comments.map((c) => ({
      comment: presentComment(c, "staff"),
      original: c.clauseId ? originals.get(c.clauseId) : undefined,
      group: c.clauseId ? articleOf.get(c.clauseId) ?? c.clause?.citation ?? "" : GENERAL_CITATION,
      revisionCount: c._count.revisions,
    })),
    total: list.total,
    pages: Math.max(1, Math.ceil(list.total / CURATION_PAGE_SIZE)),
    ...tallies,
    articles: clauses.filter((c) => c.kind === "article" && c.citation).map((c) => c.citation),
    citations: pickableClauses(clauses).map((c) => c.citation),
    entered: Number.isFinite(entered) && entered > 0 ? entered : null,
    channel: (GATHERING_CHANNELS as readonly string[]).includes(channel ?? "") ? channel! : "phone",
  });
}

/** The entry form's fields, echoed back (cut to a sane length) so a refused entry keeps what was typed. */
const ENTRY_FIELDS = ["intent", "citation", "channel", "kind", "submitterName", "submitterPhone", "consent", "body", "suggestedText", "reason"];

type ActionResult =
  | { ok: true; message: string }
  | { ok: false; message: string; errors: Record<string, string>; values?: Record<string, string> };

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, prisma, consultation } = await requireOwnConsultation(request, params.consultationId);
  const form = await request.formData();
  if (form.get("intent") !== "enter") {
    const result = await curateComments(prisma, { consultationId: consultation.id, userId: user.id, form });
    if (result.ok) return json<ActionResult>({ ok: true, message: result.message });
    return json<ActionResult>({ ok: false, message: result.message, errors: result.errors }, { status: result.status });
  }

  const values: Record<string, string> = {};
  for (const key of ENTRY_FIELDS) {
    const value = form.get(key);
    if (typeof value === "string") values[key] = value.slice(0, 6000);
  }
  const refuse = (errors: Record<string, string>, status: number, detail: string) => {
    console.warn(`staff entry refused (${status}) for user ${user.username} on consultation ${consultation.id}: ${detail}`);
    return json<ActionResult>({ ok: false, message: errors.form ?? "请检查填写的内容。", errors, values }, { status });
  };
  const parsed = EntryFields.safeParse(values);
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error);
    return refuse(errors, 400, `invalid fields ${Object.keys(errors).join(", ")}`);
  }
  const input = parsed.data;
  const consentError = checkConsent(input);
  if (consentError) return refuse({ consent: consentError }, 400, "resident data without consent");
  try {
    await submitComment(prisma, {
      consultation: { id: consultation.id, draftVersionId: consultation.draftVersion.id, deadline: consultation.deadline, status: consultation.status },
      citation: input.citation,
      kind: input.kind,
      body: input.body,
      suggestedText: input.suggestedText,
      reason: input.reason,
      source: input.channel,
      authorId: user.id,
      submitter: { name: input.submitterName, phone: input.submitterPhone, consentAt: input.submitterName || input.submitterPhone ? new Date() : null },
    });
  } catch (error) {
    if (error instanceof CommentRefusedError) return refuse({ [error.field ?? "form"]: error.userMessage }, error.status, error.message);
    throw error;
  }
  const url = new URL(request.url);
  const previous = Number.parseInt(url.searchParams.get("entered") ?? "0", 10) || 0;
  const next = new URLSearchParams(curationSearch(parseCurationQuery(url.searchParams)).slice(1));
  next.set("entered", String(previous + 1));
  next.set("channel", input.channel);
  return redirect(`/consultations/${consultation.id}/comments?${next}`);
}

/** Comments grouped under their article (总体意见 first), in the order the loader gave them. */
function groups<T extends { group: string }>(rows: T[]): Array<{ group: string; rows: T[] }> {
  const out: Array<{ group: string; rows: T[] }> = [];
  for (const row of rows) {
    const last = out[out.length - 1];
    if (last && last.group === row.group) last.rows.push(row);
    else out.push({ group: row.group, rows: [row] });
  }
  return out;
}

export default function CurationPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const location = useLocation();
  const busy = navigation.state === "submitting";
  const basePath = `/consultations/${data.consultationId}/comments`;
  const entryFailed = result && !result.ok && result.values?.intent === "enter";
  const pageLink = (page: number) => `${basePath}${curationSearch({ ...data.query, page })}`;
  return (
    <main className="curation-page">
      <div className="breadcrumb">
        <Link to="/staff">工作台</Link> / <Link to={`/consultations/${data.consultationId}`}>{data.title}</Link> / 整理意见
      </div>
      <h1>整理意见</h1>
      <div className="card">
        <div>
          <strong>{data.contactPoint}</strong>
          <span className="tag">{data.versionLabel}</span>
        </div>
        <DeadlineNote deadline={data.deadline} open={data.open} />
        {!data.open ? <p className="small muted">已截止：不再接收新意见，仍可修改、隐藏、合并已收到的意见。</p> : null}
        <CommentCounts bySource={data.bySource} byStatus={data.byStatus} />
      </div>

      <EntryForm
        citations={data.citations}
        channel={data.channel}
        enteredCount={data.entered}
        values={entryFailed ? result.values : undefined}
        errors={entryFailed ? result.errors : undefined}
        disabled={!data.open}
      />

      <CurationFilters query={data.query} articles={data.articles} basePath={basePath} />
      {result && !entryFailed ? (
        <div className={result.ok ? "notice" : "error"} role={result.ok ? "status" : "alert"}>{result.message}</div>
      ) : null}
      {data.unknownClause ? <p className="error">草案中没有“{data.query.clause}”，请检查条款。</p> : null}

      <p className="small muted">共 {data.total} 条{data.pages > 1 ? `，第 ${data.query.page} / ${data.pages} 页` : ""}</p>
      {data.rows.length > 0 ? <MergeBar busy={busy} /> : <p className="muted">没有符合条件的意见。</p>}
      {groups(data.rows).map(({ group, rows }) => (
        <section key={`${group}-${rows[0].comment.id}`} className="curation-group" aria-labelledby={`group-${rows[0].comment.id}`}>
          <h2 id={`group-${rows[0].comment.id}`}>{group}</h2>
          <ol className="comment-list">
            {rows.map(({ comment, original, revisionCount }) => (
              <li key={comment.id}>
                <CuratedComment
                  comment={comment as CommentView}
                  original={original}
                  revisionCount={revisionCount}
                  detailHref={`${basePath}/${comment.id}?back=${encodeURIComponent(location.search)}`}
                  busy={busy}
                />
              </li>
            ))}
          </ol>
        </section>
      ))}
      {data.pages > 1 ? (
        <nav className="pagination" aria-label="分页">
          {data.query.page > 1 ? <Link to={pageLink(data.query.page - 1)}>上一页</Link> : null}
          <span className="muted small">第 {data.query.page} / {data.pages} 页</span>
          {data.query.page < data.pages ? <Link to={pageLink(data.query.page + 1)}>下一页</Link> : null}
        </nav>
      ) : null}
    </main>
  );
}
