// Reads what a consultation's report is compiled from: the consultation, its draft version's clauses, every
// comment that may count (active and merged; hidden and withdrawn ones are left out in compile.ts), forums.
import type { PrismaClient } from "~/utils/db.server";
import type { TransactionClient } from "~/utils/transaction.server";
import type { ReportInput } from "./compile";

const PERSON = { select: { id: true, displayName: true, role: true } } as const;

export async function loadReportInput(
  prisma: PrismaClient | TransactionClient,
  { consultationId, reportVersion }: { consultationId: string; reportVersion: number },
): Promise<ReportInput | null> {
  const consultation = await prisma.consultation.findUnique({
    where: { id: consultationId },
    select: {
      id: true,
      deadline: true,
      createdAt: true,
      contactPoint: { select: { id: true, name: true } },
      draftVersion: { select: { id: true, label: true, versionNo: true, draft: { select: { id: true, title: true } } } },
    },
  });
  if (!consultation) return null;
  const [clauses, comments, forums] = await Promise.all([
    prisma.clause.findMany({
      where: { draftVersionId: consultation.draftVersion.id },
      orderBy: { position: "asc" },
      select: { id: true, parentId: true, kind: true, label: true, text: true, citation: true, path: true, stableKey: true },
    }),
    prisma.comment.findMany({
      where: { consultationId, status: { in: ["active", "merged"] } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        clauseId: true,
        forumId: true,
        source: true,
        kind: true,
        status: true,
        body: true,
        suggestedText: true,
        reason: true,
        anchor: true,
        submitterName: true,
        submitterPhone: true,
        submitterOccupation: true,
        supporterCount: true,
        mergedIntoId: true,
        createdAt: true,
        author: PERSON,
        speaker: PERSON,
        receiver: { select: { id: true, displayName: true } },
      },
    }),
    prisma.forum.findMany({
      where: { consultationId },
      orderBy: [{ heldAt: "asc" }, { id: "asc" }],
      select: { id: true, title: true, attendeeCount: true, _count: { select: { attendees: true } } },
    }),
  ]);
  const { draftVersion } = consultation;
  return {
    consultation: { id: consultation.id, deadline: consultation.deadline, createdAt: consultation.createdAt },
    contactPoint: consultation.contactPoint,
    draft: draftVersion.draft,
    version: { id: draftVersion.id, label: draftVersion.label, versionNo: draftVersion.versionNo },
    reportVersion,
    clauses,
    comments,
    forums: forums.map((f) => ({ id: f.id, title: f.title, listedAttendees: f._count.attendees, attendeeCount: f.attendeeCount })),
  };
}
