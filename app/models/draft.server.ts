import type { PrismaClient } from "~/utils/db.server";

export async function listDraftsForLegislature(prisma: PrismaClient, { legislatureId }: { legislatureId: string }) {
  return prisma.draft.findMany({
    where: { legislatureId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      title: true,
      status: true,
      versions: {
        orderBy: { versionNo: "desc" },
        select: { id: true, label: true, versionNo: true, publishedAt: true, _count: { select: { consultations: true } } },
      },
    },
  });
}

export async function getDraftForLegislature(prisma: PrismaClient, { id, legislatureId }: { id: string; legislatureId: string }) {
  return prisma.draft.findFirst({
    where: { id, legislatureId },
    select: {
      id: true,
      title: true,
      status: true,
      versions: {
        orderBy: { versionNo: "desc" },
        select: {
          id: true,
          label: true,
          versionNo: true,
          consultations: {
            orderBy: { contactPoint: { name: "asc" } },
            select: { id: true, deadline: true, contactPoint: { select: { name: true } }, _count: { select: { comments: true } } },
          },
        },
      },
    },
  });
}

/** A stored clause as readers and anchors need it (path and stableKey rebuild the legal engine's node). */
export type ClauseRow = { id: string; parentId: string | null; kind: string; label: string; text: string; citation: string; path: string; stableKey: string };

/** A version's clauses in reading order, for rendering the text. */
export async function getClauses(prisma: PrismaClient, { draftVersionId }: { draftVersionId: string }): Promise<ClauseRow[]> {
  return prisma.clause.findMany({
    where: { draftVersionId },
    orderBy: { position: "asc" },
    select: { id: true, parentId: true, kind: true, label: true, text: true, citation: true, path: true, stableKey: true },
  });
}
