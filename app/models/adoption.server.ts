// Answers (采纳情况) and residents' ratings as contact points, deputies and the committee read them. Callers have
// checked scope; every query is bound to the consultation(s) given.
import type { PrismaClient } from "~/utils/db.server";
import type { Prisma } from "~/generated/prisma/client";
import type { AdoptionDecision, Satisfaction } from "~/generated/prisma/enums";

export type DecisionCounts = Record<AdoptionDecision, number>;
export type SatisfactionCounts = Record<Satisfaction, number>;

/**
 * Answered suggestions by decision: comments still standing on their own (active) — a merged group is counted once,
 * through the comment it was merged into.
 */
export async function countAnswers(prisma: PrismaClient, where: Prisma.CommentWhereInput): Promise<{ answered: DecisionCounts; unanswered: number }> {
  const [groups, unanswered] = await Promise.all([
    prisma.adoption.groupBy({ by: ["decision"], where: { comment: { ...where, status: "active" } }, _count: { _all: true } }),
    prisma.comment.count({ where: { ...where, status: "active", adoption: null } }),
  ]);
  const answered: DecisionCounts = { adopted: 0, partly: 0, declined: 0 };
  for (const g of groups) answered[g.decision] = g._count._all;
  return { answered, unanswered };
}

/** Residents' ratings, one per rated comment. */
export async function countSatisfaction(prisma: PrismaClient, where: Prisma.CommentWhereInput): Promise<SatisfactionCounts> {
  const groups = await prisma.comment.groupBy({ by: ["satisfaction"], where: { ...where, satisfaction: { not: null } }, _count: { _all: true } });
  const counts: SatisfactionCounts = { satisfied: 0, basically: 0, unsatisfied: 0 };
  for (const g of groups) if (g.satisfaction) counts[g.satisfaction] = g._count._all;
  return counts;
}

export const ANSWER_LIST_LIMIT = 300;

/**
 * Answered comments of a consultation, in the draft's order: all of them for staff, or only those a deputy gave or
 * spoke (`personId`). Wording and answer only: who gave it is not shown here.
 */
export async function listAnswers(prisma: PrismaClient, { consultationId, personId }: { consultationId: string; personId?: string }) {
  const mine: Prisma.CommentWhereInput = personId ? { OR: [{ authorId: personId, source: "deputy" }, { speakerId: personId }] } : {};
  return prisma.comment.findMany({
    // A deputy's own opinion merged into someone else's still got the group's answer.
    where: { consultationId, status: personId ? { in: ["active", "merged"] } : "active", adoption: { isNot: null }, ...mine },
    orderBy: [{ clause: { position: "asc" } }, { createdAt: "asc" }],
    take: ANSWER_LIST_LIMIT,
    select: {
      id: true,
      body: true,
      suggestedText: true,
      supporterCount: true,
      clause: { select: { citation: true } },
      adoption: {
        select: {
          decision: true,
          explanation: true,
          updatedAt: true,
          newClause: { select: { citation: true, draftVersion: { select: { label: true } } } },
        },
      },
    },
  });
}
