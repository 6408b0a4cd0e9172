// Comments (意见建议): queries shared by the reader, the public pages and staff curation.
import type { PrismaClient } from "~/utils/db.server";

/** Active comments per clause row id of a consultation (merged ones count through their supporters), plus general ones under null. */
export async function countCommentsByClause(prisma: PrismaClient, { consultationId }: { consultationId: string }): Promise<Map<string | null, number>> {
  const groups = await prisma.comment.groupBy({
    by: ["clauseId"],
    where: { consultationId, status: "active" },
    _sum: { supporterCount: true },
  });
  return new Map(groups.map((g) => [g.clauseId, g._sum.supporterCount ?? 0]));
}
