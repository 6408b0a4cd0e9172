// Who may download which report (the GET URLs integrations and archiving use):
// - /consultations/<id>/report.<ext>: the contact point's own staff and deputies get its latest compiled report
//   (compiled, submitted or received); the committee that owns the draft gets the latest SUBMITTED one (submitted or
//   received). Anyone else: 404, as if the consultation did not exist. None yet: 409 with a Chinese message.
// - /legislature/drafts/<id>/aggregate.<ext>: the committee that owns the draft only.
// Scope is part of every query.
import type { Params } from "@remix-run/react";
import type { PrismaClient } from "~/utils/db.server";
import { requireUserWithRole } from "~/utils/auth.server";
import { invariantResponse } from "~/utils/http.server";
import type { SessionUser } from "~/models/user.server";
import { REPORT_SCHEMA, type ReportDocument } from "./report-document";
import type { SubmittedReport } from "./aggregate";

/** Ids are cuids: anything else is answered 404 before a query is made. */
const ID = /^[a-z0-9]{8,40}$/i;

const SUBMITTED = ["submitted", "received"] as const;
const COMPILED = ["compiled", ...SUBMITTED] as const;

export function conflict(message: string): Response {
  return new Response(message, { status: 409, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

export function readStoredReport(content: unknown): ReportDocument | null {
  const doc = content as ReportDocument | null;
  return doc && typeof doc === "object" && doc.schema === REPORT_SCHEMA && Array.isArray(doc.items) ? doc : null;
}

export interface DownloadableReport {
  user: SessionUser;
  report: { id: string; version: number; status: string; fileSha256: string | null; document: ReportDocument };
}

export async function requireReportForDownload(prisma: PrismaClient, request: Request, params: Params): Promise<DownloadableReport> {
  const user = await requireUserWithRole(request, ["staff", "deputy", "legislature"]);
  const id = params.consultationId ?? "";
  invariantResponse(ID.test(id));
  const isCommittee = user.role === "legislature";
  const consultation = await prisma.consultation.findFirst({
    where: isCommittee ? { id, draftVersion: { draft: { legislatureId: user.legislatureId ?? "-" } } } : { id, contactPointId: user.contactPointId ?? "-" },
    select: { id: true },
  });
  invariantResponse(consultation);
  const report = await prisma.feedbackReport.findFirst({
    where: { consultationId: id, status: { in: isCommittee ? [...SUBMITTED] : [...COMPILED] } },
    orderBy: { version: "desc" },
    select: { id: true, version: true, status: true, fileSha256: true, content: true },
  });
  if (!report) {
    throw conflict(isCommittee ? "该联系点尚未报送意见汇总报告，报送后即可下载。" : "本次征求意见尚未生成汇总报告：请先在“意见汇总”页面汇总意见，生成完成后即可下载。");
  }
  const document = readStoredReport(report.content);
  if (!document) throw new Error(`report ${report.id} (v${report.version}) has no readable content`);
  return { user, report: { id: report.id, version: report.version, status: report.status, fileSha256: report.fileSha256, document } };
}

export interface AggregateSource {
  user: SessionUser;
  legislature: { id: string; name: string };
  draft: { id: string; title: string };
  version: { id: string; label: string; versionNo: number };
  clauseOrder: string[];
  reports: SubmittedReport[];
  notSubmitted: Array<{ id: string; name: string }>;
}

/**
 * The draft's current consultation version (the latest one sent to contact points) with the latest submitted report
 * of each of its consultations. 409 while none is submitted.
 */
export async function requireAggregateSource(prisma: PrismaClient, request: Request, params: Params): Promise<AggregateSource> {
  const user = await requireUserWithRole(request, ["legislature"]);
  const id = params.draftId ?? "";
  invariantResponse(ID.test(id));
  const draft = await prisma.draft.findFirst({
    where: { id, legislatureId: user.legislatureId ?? "-" },
    select: { id: true, title: true, legislature: { select: { id: true, name: true } } },
  });
  invariantResponse(draft);
  const version = await prisma.draftVersion.findFirst({
    where: { draftId: draft.id, consultations: { some: {} } },
    orderBy: { versionNo: "desc" },
    select: { id: true, label: true, versionNo: true },
  });
  if (!version) throw conflict("该草案尚未发送联系点征求意见，没有可汇总的报告。");
  const consultations = await prisma.consultation.findMany({
    where: { draftVersionId: version.id },
    select: {
      id: true,
      contactPoint: { select: { id: true, name: true } },
      feedbackReports: {
        where: { status: { in: [...SUBMITTED] } },
        orderBy: { version: "desc" },
        take: 1,
        select: { id: true, version: true, status: true, fileSha256: true, submittedAt: true, content: true },
      },
    },
  });
  const reports: SubmittedReport[] = [];
  const notSubmitted: Array<{ id: string; name: string }> = [];
  for (const c of consultations) {
    const [latest] = c.feedbackReports;
    const document = latest ? readStoredReport(latest.content) : null;
    if (!latest || !document) {
      notSubmitted.push(c.contactPoint);
      continue;
    }
    reports.push({
      consultationId: c.id,
      contactPoint: c.contactPoint,
      reportVersion: latest.version,
      fileSha256: latest.fileSha256 ?? "",
      status: latest.status as SubmittedReport["status"],
      submittedAt: latest.submittedAt,
      document,
    });
  }
  if (reports.length === 0) throw conflict("尚无联系点报送意见汇总报告，报送后即可下载汇总。");
  const clauses = await prisma.clause.findMany({ where: { draftVersionId: version.id }, orderBy: { position: "asc" }, select: { id: true } });
  return {
    user,
    legislature: draft.legislature,
    draft: { id: draft.id, title: draft.title },
    version,
    clauseOrder: clauses.map((c) => c.id),
    reports,
    notSubmitted,
  };
}
