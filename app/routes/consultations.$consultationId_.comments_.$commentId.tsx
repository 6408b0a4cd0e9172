// One comment for the contact point's staff: correct its wording (the previous wording is kept and listed), hide or
// show it, see and undo what was merged into it.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { getPrisma } from "~/utils/db.server";
import { requireUserWithRole } from "~/utils/auth.server";
import { invariantResponse } from "~/utils/http.server";
import { getConsultationForUser } from "~/models/consultation.server";
import { getClauses } from "~/models/draft.server";
import { getCommentForCuration } from "~/models/comment-list.server";
import { presentComment } from "~/comments/present";
import { curationSearch, parseCurationQuery } from "~/comments/curation-query";
import { curateComments } from "~/commands/curate-comments.server";
import { anchorTexts } from "~/components/annotate/clause-texts";
import { CommentCard, formatTime } from "~/components/annotate/comment-card";
import { CuratedComment } from "~/components/curation/curated-comment";
import { FieldError } from "~/components/annotate/field-error";
import { RevisionHistory } from "~/components/curation/revision-history";

export const meta: MetaFunction = () => [{ title: "修改意见 · 立法意见征集平台" }];

async function requireOwnComment(request: Request, params: { consultationId?: string; commentId?: string }) {
  const user = await requireUserWithRole(request, ["staff"]);
  const prisma = getPrisma();
  const consultation = await getConsultationForUser(prisma, { id: params.consultationId ?? "", user });
  invariantResponse(consultation, "未找到该征求意见任务，或您无权查看。");
  const comment = await getCommentForCuration(prisma, { id: params.commentId ?? "", consultationId: consultation.id });
  invariantResponse(comment, "未找到该意见。");
  return { user, prisma, consultation, comment };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { prisma, consultation, comment } = await requireOwnComment(request, params);
  const originals = anchorTexts(await getClauses(prisma, { draftVersionId: consultation.draftVersion.id }));
  const back = new URL(request.url).searchParams.get("back") ?? "";
  return json({
    consultationId: consultation.id,
    title: consultation.draftVersion.draft.title,
    comment: presentComment(comment, "staff"),
    original: comment.clauseId ? originals.get(comment.clauseId) ?? null : null,
    revisions: comment.revisions.map((r) => ({ ...r, editedBy: r.editedBy.displayName, createdAt: r.createdAt.toISOString() })),
    mergedFrom: comment.mergedFrom.map((c) => ({ view: presentComment(c, "staff"), original: c.clauseId ? originals.get(c.clauseId) : undefined })),
    mergedInto: comment.mergedInto,
    // Only the list's own filters go back into the link: nothing else of the parameter reaches the page.
    backSearch: curationSearch(parseCurationQuery(new URLSearchParams(back.replace(/^\?/, "")))),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, prisma, consultation, comment } = await requireOwnComment(request, params);
  const form = await request.formData();
  form.set("commentId", comment.id);
  const result = await curateComments(prisma, { consultationId: consultation.id, userId: user.id, form });
  if (result.ok) return json({ ok: true as const, message: result.message, errors: {} as Record<string, string> });
  return json({ ok: false as const, message: result.message, errors: result.errors }, { status: result.status });
}

export default function CommentCurationPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const { comment } = data;
  const listPath = `/consultations/${data.consultationId}/comments`;
  const errors = result && !result.ok ? result.errors : {};
  return (
    <main className="curation-page">
      <div className="breadcrumb">
        <Link to="/staff">工作台</Link> / <Link to={`/consultations/${data.consultationId}`}>{data.title}</Link> /{" "}
        <Link to={`${listPath}${data.backSearch}`}>整理意见</Link> / {comment.citation}
      </div>
      <h1>修改意见</h1>
      {result ? <div className={result.ok ? "notice" : "error"} role={result.ok ? "status" : "alert"}>{result.message}</div> : null}

      <CuratedComment comment={comment} original={data.original ?? undefined} revisionCount={data.revisions.length} detailHref="#edit" busy={busy} mergeable={false} />
      {data.mergedInto ? (
        <p className="small">已合并到：<Link to={`${listPath}/${data.mergedInto.id}`}>{data.mergedInto.body.slice(0, 40)}</Link></p>
      ) : null}

      <section className="card" aria-labelledby="edit">
        <h2 id="edit">更正文字</h2>
        <p className="small muted">只用于更正错别字或记录错误，不改变意见的原意。修改前的内容会保存在修改记录中。</p>
        <Form method="post" className="annotation-form" key={`${comment.body}|${comment.suggestedText}|${comment.reason}`}>
          <input type="hidden" name="intent" value="edit" />
          <label className="field">
            <span>意见内容</span>
            <textarea name="body" rows={4} required maxLength={5000} defaultValue={comment.body} aria-describedby={errors.body ? "edit-body-error" : undefined} />
            <FieldError message={errors.body} id="edit-body-error" />
          </label>
          <label className="field">
            <span>建议修改为</span>
            <textarea name="suggestedText" rows={3} maxLength={5000} defaultValue={comment.suggestedText ?? ""} aria-describedby={errors.suggestedText ? "edit-suggested-error" : undefined} />
            <FieldError message={errors.suggestedText} id="edit-suggested-error" />
          </label>
          <label className="field">
            <span>理由</span>
            <textarea name="reason" rows={2} maxLength={2000} defaultValue={comment.reason ?? ""} aria-describedby={errors.reason ? "edit-reason-error" : undefined} />
            <FieldError message={errors.reason} id="edit-reason-error" />
          </label>
          <button type="submit" className="button" disabled={busy}>保存修改</button>
        </Form>
      </section>

      <RevisionHistory revisions={data.revisions} />

      {data.mergedFrom.length > 0 ? (
        <section aria-labelledby="merged-heading">
          <h2 id="merged-heading">合并到本条的意见（{data.mergedFrom.length} 条）</h2>
          <ol className="comment-list">
            {data.mergedFrom.map(({ view, original }) => (
              <li key={view.id}>
                <CommentCard comment={view} original={original} showStatus>
                  <Form method="post" action={`${listPath}/${view.id}`} className="inline-form">
                    <input type="hidden" name="intent" value="unmerge" />
                    <span className="muted small">提交于 {formatTime(view.createdAt)}</span>
                    <button type="submit" className="link-button" disabled={busy}>取消合并</button>
                  </Form>
                </CommentCard>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </main>
  );
}
