// Feedback reports (意见建议汇总) as the report page and the committee list them. Callers have checked the
// consultation or draft is in the user's scope; every query is bound to it.
import type { PrismaClient } from "~/utils/db.server";

const VERSION_SELECT = {
  id: true,
  version: true,
  status: true,
  fileSha256: true,
  error: true,
  jobId: true,
  createdAt: true,
  compiledAt: true,
  submittedAt: true,
  receivedAt: true,
  createdBy: { select: { displayName: true } },
  submittedBy: { select: { displayName: true } },
  receivedBy: { select: { displayName: true } },
} as const;

/** Every version of a consultation's report, newest first, without their content. */
export async function listReportVersions(prisma: PrismaClient, { consultationId }: { consultationId: string }) {
  return prisma.feedbackReport.findMany({ where: { consultationId }, orderBy: { version: "desc" }, select: VERSION_SELECT });
}

/** The newest version whose content is compiled (compiled, submitted or received), with its content. */
export async function getLatestCompiledReport(prisma: PrismaClient, { consultationId }: { consultationId: string }) {
  return prisma.feedbackReport.findFirst({
    where: { consultationId, status: { in: ["compiled", "submitted", "received"] } },
    orderBy: { version: "desc" },
    select: { ...VERSION_SELECT, content: true },
  });
}

/** The newest version of a consultation's report, whatever its state (the one a compile is working on). */
export async function getLatestReport(prisma: PrismaClient, { consultationId }: { consultationId: string }) {
  return prisma.feedbackReport.findFirst({ where: { consultationId }, orderBy: { version: "desc" }, select: VERSION_SELECT });
}

const SUBMITTED = { status: { in: ["submitted" as const, "received" as const] } };

/**
 * The committee's view of a draft: each published version with the contact points consulted on it and, for each,
 * its latest submitted report (未报送 when none). Null when the draft is not the legislature's.
 */
export async function listIncomingReports(prisma: PrismaClient, { draftId, legislatureId }: { draftId: string; legislatureId: string }) {
  return prisma.draft.findFirst({
    where: { id: draftId, legislatureId },
    select: {
      id: true,
      title: true,
      versions: {
        where: { publishedAt: { not: null } },
        orderBy: { versionNo: "desc" },
        select: {
          id: true,
          label: true,
          versionNo: true,
          consultations: {
            orderBy: { contactPoint: { name: "asc" } },
            select: {
              id: true,
              deadline: true,
              contactPoint: { select: { name: true } },
              feedbackReports: {
                where: SUBMITTED,
                orderBy: { version: "desc" },
                take: 1,
                select: { id: true, version: true, status: true, fileSha256: true, submittedAt: true, receivedAt: true, submittedBy: { select: { displayName: true } }, receivedBy: { select: { displayName: true } } },
              },
            },
          },
        },
      },
    },
  });
}

/** The latest submitted report of each consultation on a version, with content, for answering its suggestions. */
export async function listSubmittedReportContents(prisma: PrismaClient, { draftVersionId }: { draftVersionId: string }) {
  const consultations = await prisma.consultation.findMany({
    where: { draftVersionId },
    orderBy: { contactPoint: { name: "asc" } },
    select: {
      id: true,
      contactPoint: { select: { name: true } },
      feedbackReports: { where: SUBMITTED, orderBy: { version: "desc" }, take: 1, select: { id: true, version: true, content: true } },
    },
  });
  return consultations.map((c) => ({ consultationId: c.id, contactPoint: c.contactPoint.name, report: c.feedbackReports[0] ?? null }));
}
