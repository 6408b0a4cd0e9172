// Comments of one consultation as contact-point users list them: on the consultation page (the opinions received,
// beside the draft) and in staff curation (every status, filtered, a page at a time). Callers have checked the
// consultation is in the user's scope; every query here is bound to that consultation's id.
import type { PrismaClient } from "~/utils/db.server";
import type { Prisma } from "~/generated/prisma/client";
import type { CommentKind, CommentSource, CommentStatus } from "~/generated/prisma/enums";

export const COMMENT_RECORD_SELECT = {
  id: true,
  clauseId: true,
  clause: { select: { citation: true } },
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
  hiddenReason: true,
  createdAt: true,
  author: { select: { displayName: true, role: true } },
  receiver: { select: { displayName: true } },
  speaker: { select: { displayName: true, role: true } },
} as const satisfies Prisma.CommentSelect;

/** Most comments the consultation page lists beside the draft; staff curation shows them all, a page at a time. */
export const PAGE_COMMENT_LIMIT = 300;

/** The opinions received (active ones, merged duplicates folded into them), general ones first, then in clause order. */
export async function listReceivedComments(prisma: PrismaClient, { consultationId }: { consultationId: string }) {
  const where = { consultationId, status: "active" as const };
  const general = await prisma.comment.findMany({
    where: { ...where, clauseId: null },
    orderBy: { createdAt: "asc" },
    take: PAGE_COMMENT_LIMIT,
    select: COMMENT_RECORD_SELECT,
  });
  const onClauses = await prisma.comment.findMany({
    where: { ...where, clauseId: { not: null } },
    orderBy: [{ clause: { position: "asc" } }, { createdAt: "asc" }],
    take: PAGE_COMMENT_LIMIT - general.length,
    select: COMMENT_RECORD_SELECT,
  });
  return { comments: [...general, ...onClauses], total: await prisma.comment.count({ where }) };
}

export interface CurationFilter {
  /** The clause path whose subtree is shown, or "general" for 总体意见; undefined for all. */
  clause?: { path: string } | "general";
  kind?: CommentKind;
  source?: CommentSource;
  status?: CommentStatus;
}

function curationWhere(consultationId: string, filter: CurationFilter): Prisma.CommentWhereInput {
  return {
    consultationId,
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...(filter.source ? { source: filter.source } : {}),
    ...(filter.status ? { status: filter.status } : {}),
  };
}

export const CURATION_PAGE_SIZE = 100;

const CURATION_SELECT = { ...COMMENT_RECORD_SELECT, _count: { select: { revisions: true } } } as const satisfies Prisma.CommentSelect;

/**
 * One page of a consultation's comments for staff: general ones first, then in clause order, oldest first within a
 * clause. Two queries keep 总体意见 at the top (PostgreSQL would sort comments without a clause last).
 */
export async function listCommentsForCuration(
  prisma: PrismaClient,
  { consultationId, filter, page }: { consultationId: string; filter: CurationFilter; page: number },
) {
  const base = curationWhere(consultationId, filter);
  const clauseWhere: Prisma.CommentWhereInput =
    filter.clause && filter.clause !== "general"
      ? { clause: { OR: [{ path: filter.clause.path }, { path: { startsWith: `${filter.clause.path}/` } }] } }
      : { clauseId: { not: null } };
  const wantsGeneral = filter.clause === undefined || filter.clause === "general";
  const wantsClauses = filter.clause !== "general";
  const generalWhere = { ...base, clauseId: null };
  const onClausesWhere = { ...base, ...clauseWhere };
  const [generalTotal, clauseTotal] = await Promise.all([
    wantsGeneral ? prisma.comment.count({ where: generalWhere }) : 0,
    wantsClauses ? prisma.comment.count({ where: onClausesWhere }) : 0,
  ]);
  const skip = (page - 1) * CURATION_PAGE_SIZE;
  const general =
    wantsGeneral && skip < generalTotal
      ? await prisma.comment.findMany({ where: generalWhere, orderBy: [{ createdAt: "asc" }, { id: "asc" }], skip, take: CURATION_PAGE_SIZE, select: CURATION_SELECT })
      : [];
  const remaining = CURATION_PAGE_SIZE - general.length;
  const onClauses =
    wantsClauses && remaining > 0
      ? await prisma.comment.findMany({
          where: onClausesWhere,
          orderBy: [{ clause: { position: "asc" } }, { createdAt: "asc" }, { id: "asc" }],
          skip: Math.max(0, skip - generalTotal),
          take: remaining,
          select: CURATION_SELECT,
        })
      : [];
  return { comments: [...general, ...onClauses], total: generalTotal + clauseTotal };
}

/** Comments by source and by status, as the consultation page and the curation page show them. */
export async function countCommentsBySourceAndStatus(prisma: PrismaClient, { consultationId }: { consultationId: string }) {
  const groups = await prisma.comment.groupBy({ by: ["source", "status"], where: { consultationId }, _count: { _all: true } });
  const bySource: Partial<Record<CommentSource, number>> = {};
  const byStatus: Partial<Record<CommentStatus, number>> = {};
  for (const g of groups) {
    byStatus[g.status] = (byStatus[g.status] ?? 0) + g._count._all;
    // Hidden and withdrawn comments are not opinions received; merged ones still are (each person said it).
    if (g.status === "active" || g.status === "merged") bySource[g.source] = (bySource[g.source] ?? 0) + g._count._all;
  }
  return { bySource, byStatus };
}

/** One comment of the consultation with its history and the comments merged into it, for staff. */
export async function getCommentForCuration(prisma: PrismaClient, { id, consultationId }: { id: string; consultationId: string }) {
  return prisma.comment.findFirst({
    where: { id, consultationId },
    select: {
      ...COMMENT_RECORD_SELECT,
      revisions: {
        orderBy: { createdAt: "desc" },
        select: { id: true, body: true, suggestedText: true, reason: true, createdAt: true, editedBy: { select: { displayName: true } } },
      },
      mergedFrom: { orderBy: { createdAt: "asc" }, select: COMMENT_RECORD_SELECT },
      mergedInto: { select: { id: true, body: true } },
    },
  });
}
