// How many suggestions each article of a version received (for the 修改对照表's count column): active comments — a
// merged group counts once — on the article or any of its paragraphs and items, across every contact point consulted.
import type { PrismaClient } from "~/utils/db.server";
import { GENERAL_CITATION } from "~/comments/labels";

/** Counts by the article's citation (第十二条), and 总体意见 for general ones. */
export async function countSuggestionsByArticle(prisma: PrismaClient, { draftVersionId }: { draftVersionId: string }): Promise<Record<string, number>> {
  const [groups, clauses] = await Promise.all([
    prisma.comment.groupBy({ by: ["clauseId"], where: { consultation: { draftVersionId }, status: "active" }, _count: { _all: true } }),
    prisma.clause.findMany({ where: { draftVersionId }, select: { id: true, parentId: true, kind: true, citation: true } }),
  ]);
  const byId = new Map(clauses.map((c) => [c.id, c]));
  const articleOf = (id: string): string | null => {
    for (let c = byId.get(id); c; c = c.parentId ? byId.get(c.parentId) : undefined) if (c.kind === "article") return c.citation;
    return byId.get(id)?.citation || null;
  };
  const counts: Record<string, number> = {};
  for (const g of groups) {
    const key = g.clauseId ? articleOf(g.clauseId) : GENERAL_CITATION;
    if (key) counts[key] = (counts[key] ?? 0) + g._count._all;
  }
  return counts;
}
