// 报送情况 for the committee: each published version of its draft with every contact point consulted on it — 未报送 /
// 已报送 / 已接收, when and by whom, the SHA-256 the contact point sees too, downloads of each report and of the
// aggregate across contact points; marking a report received (已接收). Answers and residents' ratings as counts.
// Only the committee whose draft it is (others 404; other roles 403).
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { getPrisma } from "~/utils/db.server";
import { requireUserWithRole } from "~/utils/auth.server";
import { invariantResponse } from "~/utils/http.server";
import { formatChinaTime } from "~/utils/china-time";
import { listIncomingReports } from "~/models/feedback-report-list.server";
import { countAnswers, countSatisfaction } from "~/models/adoption.server";
import { receiveFeedbackReport } from "~/commands/receive-feedback-report.server";
import { ReportRefusedError } from "~/commands/report-refused-error.server";
import { DownloadLinks } from "~/components/report/download-links";
import { ReportHash } from "~/components/report/report-hash";
import { incomingStatusLabel } from "~/components/report/report-labels";
import { AnswerCounts } from "~/components/report/answers-list";
import { DeadlineTag, formatDate } from "~/components/consultation-list";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `报送情况 · ${data?.draft.title ?? "法规草案"} · 立法意见征集平台` }];

async function requireOwnDraft(request: Request, draftId: string | undefined) {
  const user = await requireUserWithRole(request, ["legislature"]);
  const prisma = getPrisma();
  const draft = await listIncomingReports(prisma, { draftId: draftId ?? "", legislatureId: user.legislatureId ?? "-" });
  invariantResponse(draft, "未找到该法规草案，或您无权查看。");
  return { user, prisma, draft };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { prisma, draft } = await requireOwnDraft(request, params.draftId);
  // The committee answers what was reported to it: comments of contact points that have submitted a report.
  const ofDraft = { consultation: { draftVersion: { draftId: draft.id }, feedbackReports: { some: { status: { in: ["submitted" as const, "received" as const] } } } } };
  const [answers, satisfaction] = await Promise.all([countAnswers(prisma, ofDraft), countSatisfaction(prisma, ofDraft)]);
  return json({ draft, answers, satisfaction, hasNextVersion: draft.versions.length > 1 });
}

const ReceiveFields = z.object({ intent: z.literal("receive"), reportId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, prisma, draft } = await requireOwnDraft(request, params.draftId);
  const fields = ReceiveFields.safeParse(Object.fromEntries(await request.formData()));
  if (!fields.success) return json({ ok: false, message: "无法识别的操作。" }, { status: 400 });
  try {
    const received = await receiveFeedbackReport(prisma, { reportId: fields.data.reportId, draftId: draft.id, legislatureId: user.legislatureId ?? "-", userId: user.id });
    return json({ ok: true, message: `已接收${received.contactPoint}第 ${received.version} 版汇总报告。` });
  } catch (error) {
    if (error instanceof ReportRefusedError) {
      console.warn(`report receipt refused (${error.status}) for user ${user.username}: ${error.message}`);
      return json({ ok: false, message: error.userMessage }, { status: error.status });
    }
    throw error;
  }
}

export default function IncomingReports() {
  const { draft, answers, satisfaction, hasNextVersion } = useLoaderData<typeof loader>();
  // The aggregate covers the latest version sent to contact points (app/reports/report-access.server.ts).
  const aggregateVersionId = draft.versions.find((v) => v.consultations.length > 0)?.id;
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const base = `/legislature/drafts/${draft.id}`;
  return (
    <main className="legislature-wide report-page">
      <div className="breadcrumb"><Link to="/legislature">法规草案</Link> / <Link to={base}>{draft.title}</Link> / 报送情况</div>
      <h1>报送情况</h1>
      {result ? <p className={result.ok ? "notice" : "error"} role={result.ok ? "status" : "alert"}>{result.message}</p> : null}
      <nav className="draft-actions" aria-label="采纳情况">
        {hasNextVersion ? <Link className="button" to={`${base}/adoption`}>答复意见（采纳情况）</Link> : <span className="muted small">发布下一版本后，可在此答复各条意见的采纳情况。</span>}
      </nav>
      <section className="card" aria-labelledby="answers-heading">
        <h2 id="answers-heading">采纳情况与群众评价</h2>
        <AnswerCounts scope="本草案各联系点" answered={answers.answered} unanswered={answers.unanswered} satisfaction={satisfaction} />
      </section>
      {draft.versions.length === 0 ? <p className="card muted">该草案尚未发布。</p> : null}
      {draft.versions.map((version) => {
        const submitted = version.consultations.filter((c) => c.feedbackReports.length > 0).length;
        return (
          <section key={version.id} className="card" aria-labelledby={`version-${version.id}`}>
            <h2 id={`version-${version.id}`}>{version.label}（第 {version.versionNo} 版）</h2>
            {version.consultations.length === 0 ? (
              <p className="muted">该版本发布时未向联系点征求意见。</p>
            ) : (
              <>
                <p className="small">
                  {version.consultations.length} 个联系点，已报送 {submitted} 个，未报送 {version.consultations.length - submitted} 个。
                </p>
                {version.id === aggregateVersionId ? (
                  <>
                    <h3 className="downloads-heading">汇总下载（各联系点已报送的报告，按条款合并）</h3>
                    <DownloadLinks base={`${base}/aggregate`} label={`下载${version.label}意见汇总`} />
                  </>
                ) : null}
                <table className="list incoming-reports">
                  <thead>
                    <tr><th scope="col">联系点</th><th scope="col">状态</th><th scope="col">报送</th><th scope="col">SHA-256</th><th scope="col">下载与接收</th></tr>
                  </thead>
                  <tbody>
                    {version.consultations.map((c) => {
                      const report = c.feedbackReports[0] ?? null;
                      const label = incomingStatusLabel(report?.status ?? null);
                      return (
                        <tr key={c.id}>
                          <td>
                            {c.contactPoint.name}
                            <div className="small muted">截止 {formatDate(c.deadline)} <DeadlineTag deadline={c.deadline} /></div>
                          </td>
                          <td><span className={report ? "tag open" : "tag warn"} data-report-status={label}>{label}</span></td>
                          <td className="small">
                            {report?.submittedAt ? <>第 {report.version} 版 · {formatChinaTime(report.submittedAt)} · {report.submittedBy?.displayName}</> : "—"}
                            {report?.receivedAt ? <><br />{formatChinaTime(report.receivedAt)} 由{report.receivedBy?.displayName}接收</> : null}
                          </td>
                          <td><ReportHash sha256={report?.fileSha256 ?? null} /></td>
                          <td>
                            {report ? (
                              <>
                                <DownloadLinks compact base={`/consultations/${c.id}/report/versions/${report.version}`} label={`下载${c.contactPoint.name}第 ${report.version} 版汇总报告`} />
                                {report.status === "submitted" ? (
                                  <Form method="post" className="inline-form">
                                    <input type="hidden" name="intent" value="receive" />
                                    <input type="hidden" name="reportId" value={report.id} />
                                    <button type="submit" className="button" disabled={navigation.state !== "idle"}>
                                      标记已接收<span className="sr-only">（{c.contactPoint.name}）</span>
                                    </button>
                                  </Form>
                                ) : null}
                              </>
                            ) : (
                              <span className="muted small">尚未报送</span>
                            )}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </>
            )}
          </section>
        );
      })}
    </main>
  );
}
