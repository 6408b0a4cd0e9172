// 报送: staff review what they are about to send — which version, when it was compiled, its counts and SHA-256 —
// and submit it. POST submits the latest compiled version (the form carries nothing else: there is one thing to
// submit). Refusals (nothing compiled, compiling, failed, already submitted) answer 409 with the reason on this page;
// deputies and other roles 403; other contact points 404.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { getPrisma } from "~/utils/db.server";
import { requireUserWithRole } from "~/utils/auth.server";
import { invariantResponse } from "~/utils/http.server";
import { getConsultationForUser } from "~/models/consultation.server";
import { getLatestCompiledReport, getLatestReport } from "~/models/feedback-report-list.server";
import { submitFeedbackReport } from "~/commands/submit-feedback-report.server";
import { ReportRefusedError } from "~/commands/report-refused-error.server";
import { readReportDocument } from "~/components/report/report-document";
import { ReportCover } from "~/components/report/report-preview";
import { ReportHash } from "~/components/report/report-hash";
import { REPORT_STATUS_LABELS } from "~/components/report/report-labels";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `报送汇总报告 · ${data?.title ?? "征求意见"} · 立法意见征集平台` }];

async function requireOwnConsultation(request: Request, consultationId: string | undefined) {
  const user = await requireUserWithRole(request, ["staff"]);
  const prisma = getPrisma();
  const consultation = await getConsultationForUser(prisma, { id: consultationId ?? "", user });
  invariantResponse(consultation, "未找到该征求意见任务，或您无权查看。");
  return { user, prisma, consultation };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { prisma, consultation } = await requireOwnConsultation(request, params.consultationId);
  const [latest, compiled] = await Promise.all([
    getLatestReport(prisma, { consultationId: consultation.id }),
    getLatestCompiledReport(prisma, { consultationId: consultation.id }),
  ]);
  const doc = compiled && latest?.version === compiled.version ? readReportDocument(compiled.content) : null;
  return json({
    consultationId: consultation.id,
    title: consultation.draftVersion.draft.title,
    latest: latest && { version: latest.version, status: latest.status, fileSha256: latest.fileSha256 },
    doc,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, prisma, consultation } = await requireOwnConsultation(request, params.consultationId);
  try {
    const submitted = await submitFeedbackReport(prisma, { consultationId: consultation.id, userId: user.id });
    return redirect(`/consultations/${consultation.id}/report?submitted=${submitted.version}`, 303);
  } catch (error) {
    if (error instanceof ReportRefusedError) {
      console.warn(`report submission refused (${error.status}) for user ${user.username}: ${error.message}`);
      return json({ message: error.userMessage }, { status: error.status });
    }
    throw error;
  }
}

export default function SubmitReportPage() {
  const { consultationId, title, latest, doc } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  const navigation = useNavigation();
  const back = `/consultations/${consultationId}/report`;
  const ready = latest?.status === "compiled" && doc;
  return (
    <main className="report-page">
      <div className="breadcrumb">
        <Link to="/staff">工作台</Link> / <Link to={`/consultations/${consultationId}`}>{title}</Link> / <Link to={back}>意见汇总报送</Link> / 报送
      </div>
      <h1>报送汇总报告</h1>
      {refused ? <p className="error" role="alert">{refused.message}</p> : null}
      {!latest ? (
        <p className="card">还没有汇总报告。请先<Link to={back}>汇总意见</Link>，核对后再报送。</p>
      ) : !ready ? (
        <p className="card">
          最新的第 {latest.version} 版{REPORT_STATUS_LABELS[latest.status]}，现在不能报送。<Link to={back}>返回意见汇总</Link>
        </p>
      ) : (
        <section className="card report-submit" aria-labelledby="confirm-heading">
          <h2 id="confirm-heading">将报送第 {latest.version} 版</h2>
          <ReportCover doc={doc} />
          <dl className="report-facts">
            <div><dt>SHA-256</dt><dd><ReportHash sha256={latest.fileSha256} /></dd></div>
          </dl>
          <p>报送后该版报告即被冻结，不能再修改；法工委将看到同一 SHA-256 校验值。如需更正，可重新汇总后报送新的版本。</p>
          <Form method="post" className="form-actions">
            <button type="submit" className="button" disabled={navigation.state !== "idle"}>确认报送</button>
            <Link to={back}>返回核对</Link>
          </Form>
        </section>
      )}
    </main>
  );
}
