// A consultation as the people of its contact point work on it: the draft in the reader; deputies, staff and
// collectors annotate it (words selected, or a whole clause) and read each other's comments; staff and collectors
// enter opinions gathered from residents. The committee and admins read the text with its comment counts only.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation, useNavigate } from "@remix-run/react";
import { useCallback, useMemo, useRef, useState } from "react";
import { getPrisma } from "~/utils/db.server";
import { requireUserWithRole } from "~/utils/auth.server";
import { invariantResponse } from "~/utils/http.server";
import { quoteForLog } from "~/utils/log.server";
import { ROLE_HOME } from "~/utils/roles";
import { getConsultationForUser } from "~/models/consultation.server";
import { getClauses } from "~/models/draft.server";
import { countCommentsByClause } from "~/models/comment.server";
import { countCommentsBySourceAndStatus, listReceivedComments } from "~/models/comment-list.server";
import { presentComment } from "~/comments/present";
import { checkConsent, fieldErrors } from "~/comments/input";
import { AnnotationFields, GENERAL_CLAUSE, sourceFor } from "~/comments/annotation-input";
import { CommentRefusedError, isOpen, submitComment } from "~/commands/submit-comment.server";
import { DraftReader, type ReaderClause, type ReaderHighlight } from "~/components/reader/draft-reader";
import { anchorTexts, pickableClauses } from "~/components/annotate/clause-texts";
import { AnnotationPanel, type AnnotationResult, type AnnotationTarget } from "~/components/annotate/annotation-panel";
import { SelectionButton } from "~/components/annotate/selection-button";
import { ReceivedComments } from "~/components/annotate/received-comments";
import { DeadlineNote } from "~/components/annotate/deadline-note";
import { CommentCounts } from "~/components/curation/comment-counts";
import { formatDate } from "~/components/consultation-list";
import { LiveEvents } from "~/components/live/live-events";
import { countAnswers } from "~/models/adoption.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.consultation.draftVersion.draft.title ?? "征求意见"} · 立法意见征集平台` },
];

const ANNOTATORS = ["deputy", "staff", "collector"] as const;
type Annotator = (typeof ANNOTATORS)[number];

function isAnnotator(role: string): role is Annotator {
  return (ANNOTATORS as readonly string[]).includes(role);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithRole(request, ["staff", "deputy", "collector", "legislature", "admin"]);
  const prisma = getPrisma();
  const consultation = await getConsultationForUser(prisma, { id: params.consultationId ?? "", user });
  invariantResponse(consultation, "未找到该征求意见任务，或您无权查看。");
  const url = new URL(request.url);
  const clauses = await getClauses(prisma, { draftVersionId: consultation.draftVersion.id });
  const byClause = await countCommentsByClause(prisma, { consultationId: consultation.id });
  const counts: Record<string, number> = {};
  for (const [clauseId, n] of byClause) counts[clauseId ?? "general"] = n;
  const annotator = isAnnotator(user.role) ? user.role : null;
  // Comments stay inside the contact point: the committee sees them through the contact point's report.
  const received = annotator ? await listReceivedComments(prisma, { consultationId: consultation.id }) : null;
  const tallies = annotator ? await countCommentsBySourceAndStatus(prisma, { consultationId: consultation.id }) : null;
  // Once the draft has a newer published version, its 修改对照表 is open to everyone consulted on it.
  const publishedVersions = await prisma.draftVersion.count({ where: { draftId: consultation.draftVersion.draft.id, publishedAt: { not: null } } });
  const asked = url.searchParams.get("clause");
  const canSeePublicLink = user.role === "staff" || user.role === "collector";
  // The committee's answers (采纳情况), for the people who follow the report: staff and deputies.
  const answers = user.role === "staff" || user.role === "deputy" ? await countAnswers(prisma, { consultationId: consultation.id }) : null;
  return json({
    consultation: { ...consultation, publicToken: canSeePublicLink ? consultation.publicToken : null },
    clauses,
    counts,
    annotator,
    open: isOpen(consultation),
    comments: received ? received.comments.map((c) => presentComment(c, user.role)) : [],
    total: received?.total ?? 0,
    bySource: tallies?.bySource ?? null,
    byStatus: user.role === "staff" ? tallies?.byStatus ?? null : null,
    asked: asked === GENERAL_CLAUSE || clauses.some((c) => c.id === asked) ? asked : null,
    saved: url.searchParams.get("saved"),
    query: url.searchParams.get("q") ?? "",
    home: ROLE_HOME[user.role],
    hasComparison: publishedVersions > 1,
    answered: answers ? answers.answered.adopted + answers.answered.partly + answers.answered.declined : null,
  });
}

const FORM_FIELDS = ["clauseId", "quote", "near", "kind", "channel", "submitterName", "submitterPhone", "consent", "body", "suggestedText", "reason", "prefillFor", "js"];

/** The form's own fields as posted (first value each, cut to a sane length), echoed back so a refused form keeps what was typed. */
function echoedValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const key of FORM_FIELDS) {
    const value = form.get(key);
    if (typeof value === "string") values[key] = value.slice(0, 6000);
  }
  return values;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithRole(request, [...ANNOTATORS]);
  const role = user.role as Annotator;
  const prisma = getPrisma();
  const consultation = await getConsultationForUser(prisma, { id: params.consultationId ?? "", user });
  invariantResponse(consultation, "未找到该征求意见任务，或您无权查看。");
  const form = await request.formData();
  const values = echoedValues(form);
  const refuse = (errors: Record<string, string>, status: number, detail: string) => {
    console.warn(`annotation refused (${status}) for user ${user.username} on consultation ${consultation.id}: ${detail}`);
    return json<AnnotationResult>({ ok: false, errors, values }, { status });
  };
  const parsed = AnnotationFields.safeParse(values);
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error);
    return refuse(errors, 400, `invalid fields ${Object.keys(errors).join(", ")}`);
  }
  const input = parsed.data;
  const consentError = checkConsent(input);
  if (consentError) return refuse({ consent: consentError }, 400, "resident data without consent");
  const source = sourceFor(role, input.channel);
  if (!source) return refuse({ channel: "人大代表只能提出本人意见。" }, 400, `channel ${quoteForLog(input.channel)} not allowed for ${role}`);
  const own = source === role;
  if (own && (input.submitterName || input.submitterPhone || input.submitterOccupation)) {
    return refuse({ submitterName: "本人意见无需填写群众姓名和电话；代群众录入时请选择意见来源。" }, 400, "resident data on an own opinion");
  }
  const clauseId = input.clauseId && input.clauseId !== GENERAL_CLAUSE ? input.clauseId : undefined;
  if (input.quote && !clauseId) return refuse({ quote: "所选文字须属于某一条款。" }, 400, "quote without a clause");

  // The suggestion box starts with the clause's text: sent back untouched, it suggests nothing.
  let suggestedText = input.suggestedText;
  if (suggestedText && clauseId) {
    const originals = anchorTexts(await getClauses(prisma, { draftVersionId: consultation.draftVersion.id }));
    const untouched = [clauseId, values.prefillFor].some((id) => id && originals.get(id)?.trim() === suggestedText);
    if (untouched) suggestedText = undefined;
  }
  try {
    const saved = await submitComment(prisma, {
      consultation: { id: consultation.id, draftVersionId: consultation.draftVersion.id, deadline: consultation.deadline, status: consultation.status },
      clauseId,
      quote: input.quote ? { text: input.quote, near: input.near ?? 0 } : undefined,
      kind: input.kind,
      body: input.body,
      suggestedText,
      reason: input.reason,
      source,
      authorId: user.id,
      submitter: own
        ? undefined
        : { name: input.submitterName, phone: input.submitterPhone, consentAt: input.submitterName || input.submitterPhone ? new Date() : null },
    });
    if (values.js === "1") return json<AnnotationResult>({ ok: true, commentId: saved.id });
    return redirect(`/consultations/${consultation.id}?saved=${saved.id}#comment-${saved.id}`);
  } catch (error) {
    if (error instanceof CommentRefusedError) return refuse({ [error.field ?? "form"]: error.userMessage }, error.status, error.message);
    throw error;
  }
}

export default function ConsultationPage() {
  const data = useLoaderData<typeof loader>();
  const returned = useActionData<typeof action>();
  const { consultation, clauses, annotator } = data;
  const { draftVersion } = consultation;
  const navigate = useNavigate();
  const location = useLocation();
  const readerRef = useRef<HTMLDivElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const refused = returned && !returned.ok ? returned : undefined;
  const [target, setTarget] = useState<AnnotationTarget | null>(() => {
    if (refused) {
      const clauseId = refused.values.clauseId || GENERAL_CLAUSE;
      return clauseId === GENERAL_CLAUSE ? { clauseId } : { clauseId, quote: refused.values.quote || undefined, near: Number(refused.values.near) || 0 };
    }
    return data.asked ? { clauseId: data.asked } : null;
  });
  const [savedId, setSavedId] = useState<string | null>(data.saved);

  const originals = useMemo(() => anchorTexts(clauses), [clauses]);
  const panelClauses = useMemo(() => {
    const out: Record<string, { citation: string; original: string }> = {};
    for (const c of clauses) out[c.id] = { citation: c.citation || c.label, original: originals.get(c.id) ?? "" };
    return out;
  }, [clauses, originals]);
  const pickable = useMemo(() => pickableClauses(clauses), [clauses]);
  const highlights = useMemo<ReaderHighlight[]>(
    () =>
      data.comments.flatMap((c) =>
        c.clauseId && c.quote ? [{ clauseId: c.clauseId, start: c.quote.start, end: c.quote.end, commentId: c.id, label: `${c.who}：${c.body.slice(0, 60)}` }] : [],
      ),
    [data.comments],
  );
  // The words being commented on stay marked while the form is open (the browser's own selection is gone by then).
  const shownHighlights = useMemo<ReaderHighlight[]>(() => {
    if (!target?.quote || target.clauseId === GENERAL_CLAUSE) return highlights;
    const start = target.near ?? 0;
    return [...highlights, { clauseId: target.clauseId, start, end: start + target.quote.length, commentId: "pending", label: "正在批注的文字" }];
  }, [highlights, target]);

  const openPanel = useCallback((next: AnnotationTarget) => {
    if (!target) opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setSavedId(null);
    setTarget(next);
  }, [target]);
  const closePanel = useCallback(() => {
    setTarget(null);
    if (location.search.includes("clause=")) navigate(location.pathname, { replace: true, preventScrollReset: true });
    opener.current?.focus();
  }, [location, navigate]);

  const canWrite = annotator !== null && data.open;
  const byId = useMemo(() => new Map(clauses.map((c) => [c.id, c])), [clauses]);
  const renderClauseActions = (c: ReaderClause) => {
    if (!canWrite || (c.kind !== "article" && c.kind !== "paragraph")) return null;
    // A one-paragraph article's 款 is the article itself: one button is enough.
    const parent = c.parentId ? byId.get(c.parentId) : undefined;
    if (c.kind === "paragraph" && parent?.kind === "article" && parent.citation === c.citation) return null;
    return (
      <a
        href={`?clause=${c.id}#annotate`}
        className={c.kind === "article" ? "clause-annotate" : "clause-annotate minor"}
        onClick={(e) => {
          e.preventDefault();
          openPanel({ clauseId: c.id });
        }}
      >
        批注{c.kind === "article" ? "本条" : "本款"}<span className="sr-only">（{c.citation}）</span>
      </a>
    );
  };

  return (
    <main className={target ? "consultation-page annotating" : "consultation-page"}>
      <div className="breadcrumb"><Link to={data.home}>工作台</Link> / {draftVersion.draft.title}</div>
      <div className="card consultation-head">
        <div>
          <strong>{consultation.contactPoint.name}</strong>
          <span className="tag">{draftVersion.label}</span>
        </div>
        <DeadlineNote deadline={consultation.deadline} open={data.open} />
        {data.bySource ? <CommentCounts bySource={data.bySource} byStatus={data.byStatus} /> : <p className="muted small">已收到意见 {consultation._count.comments} 条</p>}
        <ConsultationLinks consultationId={consultation.id} publicToken={consultation.publicToken} staff={annotator === "staff"} />
        {data.answered !== null ? (
          <p className="small">
            <Link to={`/consultations/${consultation.id}/report`} className={annotator === "staff" ? "button secondary" : undefined}>意见汇总报送</Link>
            {data.answered > 0 ? <>　法工委已答复 {data.answered} 条意见：<Link to={`/consultations/${consultation.id}/report#adoption`}>查看采纳情况</Link></> : null}
          </p>
        ) : null}
        {data.hasComparison ? (
          <p className="small">该草案已发布新的版本：<Link to={`/consultations/${consultation.id}/comparison`}>查看修改对照表</Link></p>
        ) : null}
        <h2>座谈会</h2>
        {annotator === "staff" && data.open ? <p className="small"><Link to={`/consultations/${consultation.id}/forums/new`} className="button secondary">组织座谈会</Link></p> : null}
        {consultation.forums.length === 0 ? <p className="muted">尚未安排座谈会。</p> : (
          <ul>
            {consultation.forums.map((f) => (
              <li key={f.id}>
                <Link to={`/forums/${f.id}`}>{f.title}</Link>
                <span className="muted small">　{formatDate(f.heldAt)} · {f.location} · {f.attendeeCount} 人</span>
              </li>
            ))}
          </ul>
        )}
      </div>

      {annotator ? <LiveEvents consultationId={consultation.id} /> : null}
      {savedId ? (
        <div className="notice" role="status">
          意见已提交。<a href={`#comment-${savedId}`}>查看</a>
        </div>
      ) : null}
      {canWrite ? (
        <div className="annotate-hint card">
          <p className="small">
            选中条文中的文字，点“批注所选文字”；或点条文下的“批注本条 / 批注本款”针对整条提意见。
            {annotator !== "deputy" ? "代群众录入意见时，在表单中选择意见来源并填写群众信息。" : null}
            <a href="#received-heading">查看已提出的意见（{data.total} 条）</a>
          </p>
          <a href={`?clause=${GENERAL_CLAUSE}#annotate`} className="button secondary" onClick={(e) => { e.preventDefault(); openPanel({ clauseId: GENERAL_CLAUSE }); }}>
            提出总体意见
          </a>
        </div>
      ) : annotator ? (
        <p className="error">本次征求意见已于{formatDate(consultation.deadline)}截止，不再接收新的意见。{annotator === "staff" ? "您仍可整理已收到的意见。" : null}</p>
      ) : (
        <p className="muted small">意见由各联系点整理后报送，此处只显示各条意见数量。</p>
      )}

      <div ref={readerRef} className="annotatable">
        <DraftReader
          title={draftVersion.draft.title}
          clauses={clauses}
          counts={data.counts}
          highlights={annotator ? shownHighlights : undefined}
          query={data.query}
          renderClauseActions={canWrite ? renderClauseActions : undefined}
        />
      </div>
      {canWrite ? <SelectionButton rootRef={readerRef} onAnnotate={(t) => openPanel(t)} /> : null}

      {annotator ? <ReceivedComments comments={data.comments} total={data.total} originals={Object.fromEntries(originals)} savedId={savedId} /> : null}

      {target && annotator ? (
        <AnnotationPanel
          key={refused ? "returned" : "panel"}
          action={`/consultations/${consultation.id}`}
          target={target}
          role={annotator}
          clauses={panelClauses}
          pickable={pickable}
          deadline={consultation.deadline}
          isOpen={data.open}
          returned={refused}
          closeHref={location.pathname}
          onTargetChange={setTarget}
          onClose={closePanel}
          onSubmitted={(id) => {
            setTarget(null);
            setSavedId(id);
            document.getSelection()?.removeAllRanges();
          }}
        />
      ) : null}
    </main>
  );
}

/** The public link, QR code and poster (staff, collectors) and the curation page (staff). */
function ConsultationLinks({ consultationId, publicToken, staff }: { consultationId: string; publicToken: string | null; staff: boolean }) {
  if (!publicToken && !staff) return null;
  return (
    <p className="consultation-links small">
      {staff ? <Link to={`/consultations/${consultationId}/comments`} className="button">整理意见</Link> : null}
      {publicToken ? (
        <>
          <span>群众意见征集链接：<Link to={`/p/${publicToken}`}>/p/{publicToken}</Link></span>
          <a href={`/consultations/${consultationId}/qr.png`} download>二维码（PNG）</a>
          <a href={`/consultations/${consultationId}/qr.svg`} download>二维码（SVG）</a>
          <a href={`/consultations/${consultationId}/poster`}>打印海报</a>
        </>
      ) : null}
    </p>
  );
}
