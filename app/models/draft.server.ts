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
      explanation: true,
      deadline: true,
      versions: {
        orderBy: { versionNo: "desc" },
        select: {
          id: true,
          label: true,
          versionNo: true,
          publishedAt: true,
          createdAt: true,
          consultations: {
            orderBy: { contactPoint: { name: "asc" } },
            select: { id: true, deadline: true, status: true, contactPoint: { select: { name: true } }, _count: { select: { comments: true } } },
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

/** A version of one of the legislature's drafts, with what the preview and publish pages show. */
export async function getDraftVersionForLegislature(
  prisma: PrismaClient,
  { draftId, versionId, legislatureId }: { draftId: string; versionId: string; legislatureId: string },
) {
  return prisma.draftVersion.findFirst({
    where: { id: versionId, draftId, draft: { legislatureId } },
    select: {
      id: true,
      versionNo: true,
      label: true,
      sourceText: true,
      sourceFormat: true,
      publishedAt: true,
      draft: { select: { id: true, title: true, deadline: true } },
      consultations: {
        orderBy: { contactPoint: { name: "asc" } },
        select: { id: true, deadline: true, contactPoint: { select: { name: true } } },
      },
    },
  });
}

/** The contact points this legislature has designated (基层立法联系点), the ones it may consult. */
export async function listDesignatedContactPoints(prisma: PrismaClient, { legislatureId }: { legislatureId: string }) {
  const rows = await prisma.legislatureContactPoint.findMany({
    where: { legislatureId },
    orderBy: { contactPoint: { name: "asc" } },
    select: { contactPoint: { select: { id: true, name: true, region: true } } },
  });
  return rows.map((r) => r.contactPoint);
}

/** The two texts of a 修改对照表, when both versions belong to the draft (`published` limits to published ones). */
export async function getComparedVersions(
  prisma: PrismaClient,
  { draftId, fromId, toId, published }: { draftId: string; fromId: string; toId: string; published: boolean },
) {
  const versions = await prisma.draftVersion.findMany({
    where: { draftId, id: { in: [fromId, toId] }, ...(published ? { publishedAt: { not: null } } : {}) },
    select: { id: true, versionNo: true, label: true, sourceText: true, publishedAt: true },
  });
  const from = versions.find((v) => v.id === fromId);
  const to = versions.find((v) => v.id === toId);
  return from && to ? { from, to } : null;
}

/**
 * Active comments per clause row id of a version, across all its consultations (merged ones count through their
 * supporters), under "general" for 总体意见: where the opinions on this text concentrate, for the committee.
 */
export async function countVersionComments(prisma: PrismaClient, { draftVersionId }: { draftVersionId: string }): Promise<Record<string, number>> {
  const groups = await prisma.comment.groupBy({
    by: ["clauseId"],
    where: { consultation: { draftVersionId }, status: "active" },
    _sum: { supporterCount: true },
  });
  return Object.fromEntries(groups.map((g) => [g.clauseId ?? "general", g._sum.supporterCount ?? 0]));
}
