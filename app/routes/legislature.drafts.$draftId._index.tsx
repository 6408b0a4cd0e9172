// A draft as the committee manages it: its versions and their publish state, the consultations of the version
// shown (one per contact point), the 起草说明, the text as contact points read it, and what to do next.
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getPrisma } from "~/utils/db.server";
import { requireUserWithRole } from "~/utils/auth.server";
import { invariantResponse } from "~/utils/http.server";
import { countVersionComments, getClauses, getDraftForLegislature } from "~/models/draft.server";
import { DraftReader } from "~/components/reader/draft-reader";
import { DeadlineTag, formatDate } from "~/components/consultation-list";
import { RichTextView } from "~/components/rich-text/rich-text-view";
import { isEmptyRichText, sanitizeRichText } from "~/components/rich-text/rich-text";
import { DRAFT_STATUS_LABELS } from "~/components/legislature/labels";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.draft.title ?? "法规草案"} · 立法意见征集平台` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithRole(request, ["legislature"]);
  const prisma = getPrisma();
  const draft = await getDraftForLegislature(prisma, { id: params.draftId ?? "", legislatureId: user.legislatureId ?? "-" });
  invariantResponse(draft, "未找到该法规草案，或您无权查看。");
  const url = new URL(request.url);
  const versionId = url.searchParams.get("version");
  const version = draft.versions.find((v) => v.id === versionId) ?? draft.versions.find((v) => v.publishedAt) ?? draft.versions[0];
  invariantResponse(version, "该草案还没有文本。");
  const [clauses, counts] = await Promise.all([
    getClauses(prisma, { draftVersionId: version.id }),
    version.publishedAt ? countVersionComments(prisma, { draftVersionId: version.id }) : undefined,
  ]);
  const explanation = sanitizeRichText(draft.explanation);
  return json({
    draft: { ...draft, explanation: isEmptyRichText(explanation) ? null : explanation },
    version,
    clauses,
    counts,
    query: url.searchParams.get("q")?.slice(0, 100) ?? "",
    justPublished: url.searchParams.has("published"),
  });
}

export default function LegislatureDraft() {
  const { draft, version, clauses, counts, query, justPublished } = useLoaderData<typeof loader>();
  const base = `/legislature/drafts/${draft.id}`;
  const unpublished = draft.versions.find((v) => v.publishedAt === null);
  const ordered = [...draft.versions].sort((a, b) => a.versionNo - b.versionNo);
  const previousOf = (no: number) => [...ordered].reverse().find((v) => v.versionNo < no);
  return (
    <main className="legislature-page">
      <div className="breadcrumb"><Link to="/legislature">法规草案</Link> / {draft.title}</div>
      <h1>
        {draft.title}
        <span className={draft.status === "consulting" ? "tag open" : "tag"}>{DRAFT_STATUS_LABELS[draft.status]}</span>
      </h1>
      {justPublished ? <p className="notice" role="status">{version.label}已发布，已向 {version.consultations.length} 个联系点征求意见。</p> : null}

      <nav className="draft-actions" aria-label="草案操作">
        {unpublished ? (
          <>
            <Link className="button" to={`${base}/versions/${unpublished.id}/publish`}>发布{unpublished.label}</Link>
            <Link className="button secondary" to={`${base}/versions/${unpublished.id}/edit`}>修改{unpublished.label}</Link>
          </>
        ) : (
          <Link className="button secondary" to={`${base}/versions/new`}>添加新版本（二审稿、修改稿）</Link>
        )}
        {draft.versions.length > 1 ? <Link className="button secondary" to={`${base}/compare`}>修改对照表</Link> : null}
        {draft.versions.some((v) => v.publishedAt) ? <Link className="button secondary" to={`${base}/reports`}>报送情况</Link> : null}
        {draft.versions.filter((v) => v.publishedAt).length > 1 ? <Link className="button secondary" to={`${base}/adoption`}>采纳情况</Link> : null}
      </nav>

      <section className="card" aria-labelledby="versions-heading">
        <h2 id="versions-heading">版本</h2>
        <table className="list versions">
          <thead><tr><th>版本</th><th>状态</th><th>征求意见</th><th>操作</th></tr></thead>
          <tbody>
            {draft.versions.map((v) => {
              const previous = previousOf(v.versionNo);
              return (
                <tr key={v.id} className={v.id === version.id ? "current" : undefined}>
                  <td>
                    <Link to={`?version=${v.id}`} aria-current={v.id === version.id ? "true" : undefined}>{v.label}</Link>
                    <span className="muted small">　第 {v.versionNo} 版</span>
                  </td>
                  <td>{v.publishedAt ? <span className="tag open">{formatDate(v.publishedAt)} 发布</span> : <span className="tag warn">未发布</span>}</td>
                  <td>{v.consultations.length} 个联系点</td>
                  <td className="row-actions">
                    {v.publishedAt ? null : <Link to={`${base}/versions/${v.id}/publish`}>发布</Link>}
                    <Link to={`${base}/versions/${v.id}/edit`}>{v.publishedAt ? "原文与识别结果" : "预览与修改"}</Link>
                    {previous ? <Link to={`${base}/compare?from=${previous.id}&to=${v.id}`}>与{previous.label}对照</Link> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {draft.deadline ? <p className="muted small">建议截止日期：{formatDate(draft.deadline)}（发布时可为每个联系点单独设定）</p> : null}
      </section>

      <section className="card" aria-labelledby="consultations-heading">
        <h2 id="consultations-heading">{version.label}征求意见的联系点（{version.consultations.length}）</h2>
        {version.consultations.length === 0 ? (
          <p className="muted">{version.publishedAt ? "该版本发布时未向联系点征求意见。" : "该版本尚未发布。"}</p>
        ) : (
          <table className="list">
            <thead><tr><th>联系点</th><th>截止日期</th><th>意见</th></tr></thead>
            <tbody>
              {version.consultations.map((c) => (
                <tr key={c.id}>
                  <td><Link to={`/consultations/${c.id}`}>{c.contactPoint.name}</Link></td>
                  <td>{formatDate(c.deadline)} <DeadlineTag deadline={c.deadline} /></td>
                  <td>{c._count.comments} 条</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {draft.explanation ? (
        <section className="card explanation" aria-labelledby="explanation-heading">
          <h2 id="explanation-heading">起草说明</h2>
          <RichTextView doc={draft.explanation} />
        </section>
      ) : null}

      {version.publishedAt ? null : <p className="notice">以下是尚未发布的{version.label}，联系点还看不到。</p>}
      <DraftReader title={draft.title} clauses={clauses} counts={counts} query={query} />
    </main>
  );
}
