// 意见汇总报送 for a contact point: staff compile the consultation's opinions into the report (a background job with a
// live progress bar), decide on proposed groups of similar opinions, review the compiled report (cover, statistics,
// the 汇总表 with red-lines), download it in every format, submit it (on its own page) and read the committee's
// answers. Deputies of the contact point may read it all and see the answers to their own opinions. Other roles
// 403, other contact points 404.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { getPrisma } from "~/utils/db.server";
import { requireUserWithRole } from "~/utils/auth.server";
import { invariantResponse } from "~/utils/http.server";
import { quoteForLog } from "~/utils/log.server";
import { getConsultationForUser } from "~/models/consultation.server";
import { getLatestCompiledReport, getLatestReport, listReportVersions } from "~/models/feedback-report-list.server";
import { readReportProgress } from "~/models/report-progress.server";
import { listGroupProposals } from "~/models/group-proposals.server";
import { countAnswers, countSatisfaction, listAnswers } from "~/models/adoption.server";
import { presentComment } from "~/comments/present";
import { startCompilingReport } from "~/commands/compile-feedback-report.server";
import { decideCommentGroup } from "~/commands/decide-comment-group.server";
import { ReportRefusedError } from "~/commands/report-refused-error.server";
import { CommentRefusedError } from "~/commands/submit-comment.server";
import { readReportDocument } from "~/components/report/report-document";
import { CompileProgress } from "~/components/report/compile-progress";
import { ReportCover, ReportTable } from "~/components/report/report-preview";
import { ReportStatistics } from "~/components/report/report-statistics";
import { ReportVersions } from "~/components/report/report-versions";
import { ReportHash } from "~/components/report/report-hash";
import { DownloadLinks } from "~/components/report/download-links";
import { GroupProposals, type ProposalView } from "~/components/report/group-proposals";
import { AnswerCounts, AnswersList } from "~/components/report/answers-list";
import { REPORT_STATUS_LABELS } from "~/components/report/report-labels";
import { formatChinaTime } from "~/utils/china-time";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `意见汇总报送 · ${data?.title ?? "征求意见"} · 立法意见征集平台` }];

/** Proposed groups shown at once; staff work through them a page at a time. */
const PROPOSALS_SHOWN = 20;
const RUNNING = new Set(["draft", "compiling"]);

async function requireConsultation(request: Request, consultationId: string | undefined, roles: Array<"staff" | "deputy">) {
  const user = await requireUserWithRole(request, roles);
  const prisma = getPrisma();
  const consultation = await getConsultationForUser(prisma, { id: consultationId ?? "", user });
  invariantResponse(consultation, "未找到该征求意见任务，或您无权查看。");
  return { user, prisma, consultation };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, prisma, consultation } = await requireConsultation(request, params.consultationId, ["staff", "deputy"]);
  const staff = user.role === "staff";
  const where = { consultationId: consultation.id };
  const [versions, latest, compiled, proposals, answerCounts, satisfaction, answers] = await Promise.all([
    listReportVersions(prisma, where),
    getLatestReport(prisma, where),
    getLatestCompiledReport(prisma, where),
    staff ? listGroupProposals(prisma, { ...where, draftVersionId: consultation.draftVersion.id, limit: PROPOSALS_SHOWN }) : null,
    countAnswers(prisma, where),
    countSatisfaction(prisma, where),
    listAnswers(prisma, { ...where, personId: staff ? undefined : user.id }),
  ]);
  const progress = latest && RUNNING.has(latest.status) ? await readReportProgress(latest) : null;
  const doc = compiled ? readReportDocument(compiled.content) : null;
  const url = new URL(request.url);
  return json(
    {
      consultationId: consultation.id,
      title: consultation.draftVersion.draft.title,
      versionLabel: consultation.draftVersion.label,
      contactPoint: consultation.contactPoint.name,
      staff,
      versions,
      latest: latest && { version: latest.version, status: latest.status, error: latest.error },
      progress,
      compiled: compiled && { version: compiled.version, status: compiled.status, fileSha256: compiled.fileSha256, submittedAt: compiled.submittedAt, submittedBy: compiled.submittedBy?.displayName ?? null },
      doc,
      proposals: proposals && {
        total: proposals.total,
        groups: proposals.groups.map((g): ProposalView => ({ key: g.key, citation: g.citation ?? "总体意见", similarity: g.similarity, comments: g.comments.map((c) => presentComment(c, user.role)) })),
      },
      answerCounts,
      satisfaction,
      answers: answers.map((a) => ({
        id: a.id,
        body: a.body,
        citation: a.clause?.citation ?? null,
        supporterCount: a.supporterCount,
        decision: a.adoption!.decision,
        explanation: a.adoption!.explanation,
        newCitation: a.adoption!.newClause?.citation ?? null,
        newVersionLabel: a.adoption!.newClause?.draftVersion.label ?? null,
        answeredAt: a.adoption!.updatedAt.toISOString(),
      })),
      submitted: url.searchParams.get("submitted"),
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

const GroupFields = z.object({
  commentIds: z.array(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "意见编号无效")).min(2, "一组相似意见至少有两条").max(500, "一组意见过多"),
});

type ActionResult = { ok: boolean; message: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, prisma, consultation } = await requireConsultation(request, params.consultationId, ["staff"]);
  const form = await request.formData();
  const intent = form.get("intent") ?? "compile";
  try {
    if (intent === "compile") {
      await startCompilingReport(prisma, { consultationId: consultation.id, userId: user.id });
      return redirect(`/consultations/${consultation.id}/report#compile`, 303);
    }
    if (intent === "group-merge" || intent === "group-split") {
      const fields = GroupFields.safeParse({ commentIds: form.getAll("commentIds") });
      if (!fields.success) return json<ActionResult>({ ok: false, message: fields.error.issues[0]?.message ?? "所选意见无效。" }, { status: 400 });
      const decision = intent === "group-merge" ? "merged" : "split";
      const result = await decideCommentGroup(prisma, { consultationId: consultation.id, commentIds: fields.data.commentIds, decision, userId: user.id });
      const message = result.merged ? `已合并为一条意见（${result.merged.supporterCount} 人提出）。重新汇总后报告随之更新。` : "已分开，这一组不再提示。";
      return json<ActionResult>({ ok: true, message });
    }
    console.warn(`report page: unknown intent ${quoteForLog(intent)} on consultation ${consultation.id}`);
    return json<ActionResult>({ ok: false, message: "无法识别的操作。" }, { status: 400 });
  } catch (error) {
    if (error instanceof ReportRefusedError || error instanceof CommentRefusedError) {
      console.warn(`report page ${quoteForLog(intent)} refused (${error.status}) on consultation ${consultation.id}: ${error.message}`);
      return json<ActionResult>({ ok: false, message: error.userMessage }, { status: error.status });
    }
    throw error;
  }
}

export default function ReportPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const base = `/consultations/${data.consultationId}`;
  const running = data.latest !== null && RUNNING.has(data.latest.status);
  const nextVersion = (data.versions[0]?.version ?? 0) + 1;
  const canSubmit = data.staff && data.latest?.status === "compiled";
  return (
    <main className="report-page">
      <div className="breadcrumb">
        <Link to={data.staff ? "/staff" : "/deputy"}>工作台</Link> / <Link to={base}>{data.title}</Link> / 意见汇总报送
      </div>
      <h1>意见汇总报送</h1>
      <p className="muted">
        {data.contactPoint}<span className="tag">{data.versionLabel}</span>
      </p>
      {data.submitted ? <p className="notice" role="status">第 {data.submitted} 版汇总报告已报送法工委。报送后的报告不再改变，其 SHA-256 校验值双方都可核对。</p> : null}
      {result ? <p className={result.ok ? "notice" : "error"} role={result.ok ? "status" : "alert"}>{result.message}</p> : null}

      <section className="card" id="compile" aria-labelledby="compile-heading">
        <h2 id="compile-heading">汇总</h2>
        {data.progress ? (
          <CompileProgress progressUrl={`${base}/report/progress`} initial={data.progress} />
        ) : data.latest?.status === "failed" ? (
          <p className="error" role="alert">第 {data.latest.version} 版汇总失败：{data.latest.error ?? "请重新汇总。"}</p>
        ) : data.compiled ? (
          <p>
            最新汇总：第 {data.compiled.version} 版 <span className="tag">{REPORT_STATUS_LABELS[data.compiled.status]}</span>
          </p>
        ) : (
          <p className="muted">还没有汇总。汇总会把本联系点收到的意见按条款整理成《意见建议汇总表》。</p>
        )}
        {data.staff ? (
          <Form method="post" className="compile-form">
            <input type="hidden" name="intent" value="compile" />
            <button type="submit" className="button" disabled={busy || running}>
              {running ? "正在汇总…" : `汇总意见（生成第 ${nextVersion} 版）`}
            </button>
            <span className="small muted">每次汇总生成新的一版；已报送的版本保持不变。</span>
          </Form>
        ) : null}
      </section>

      {data.proposals && data.proposals.total > 0 ? <GroupProposals proposals={data.proposals.groups} total={data.proposals.total} busy={busy} /> : null}

      {data.compiled && data.doc ? (
        <>
          <section className="card report-submit" aria-labelledby="submit-heading">
            <h2 id="submit-heading">报送</h2>
            {data.compiled.submittedAt ? (
              <p>
                第 {data.compiled.version} 版已于 {formatChinaTime(data.compiled.submittedAt)} 由 {data.compiled.submittedBy} 报送法工委
                <span className="tag open">{REPORT_STATUS_LABELS[data.compiled.status]}</span>
              </p>
            ) : (
              <p>第 {data.compiled.version} 版尚未报送。请核对下方内容，确认无误后报送。</p>
            )}
            <p className="small">SHA-256 校验值：<ReportHash sha256={data.compiled.fileSha256} /></p>
            {canSubmit ? <Link className="button" to={`${base}/report/submit`}>核对并报送第 {data.compiled.version} 版</Link> : null}
            <h3 className="downloads-heading">下载第 {data.compiled.version} 版</h3>
            <DownloadLinks base={`${base}/report`} label={`下载第 ${data.compiled.version} 版汇总报告`} />
          </section>

          <ReportStatistics doc={data.doc} />

          <section className="card report-preview" aria-labelledby="preview-heading">
            <h2 id="preview-heading">汇总报告预览（第 {data.compiled.version} 版）</h2>
            <ReportCover doc={data.doc} />
            <ReportTable doc={data.doc} />
          </section>
        </>
      ) : data.compiled ? (
        <p className="error">第 {data.compiled.version} 版的内容无法读取，请重新汇总。</p>
      ) : null}

      <section className="card" id="adoption" aria-labelledby="adoption-heading">
        <h2 id="adoption-heading">{data.staff ? "采纳情况" : "我的意见的采纳情况"}</h2>
        <AnswerCounts scope="本联系点" answered={data.answerCounts.answered} unanswered={data.answerCounts.unanswered} satisfaction={data.satisfaction} />
        <AnswersList answers={data.answers} empty={data.staff ? "法工委尚未答复本联系点报送的意见。" : "法工委尚未答复您提出的意见。"} />
      </section>

      <section className="card" aria-labelledby="versions-heading">
        <h2 id="versions-heading">汇总版本</h2>
        <ReportVersions versions={data.versions} base={`${base}/report/versions`} />
      </section>
    </main>
  );
}
