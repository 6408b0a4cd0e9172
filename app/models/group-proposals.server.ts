// Groups of similar opinions proposed to a consultation's staff before the final compile: the active comments run
// through the similarity search (app/reports/similarity.ts), minus the proposals staff already decided on. The first
// few groups come back with their comments as staff see them (residents unmasked: staff of their own contact point).
import type { PrismaClient } from "~/utils/db.server";
import { proposeGroups } from "~/reports/similarity";
import { getClauses } from "./draft.server";
import { COMMENT_RECORD_SELECT } from "./comment-list.server";
import { anchorTexts } from "~/components/annotate/clause-texts";

export async function listGroupProposals(
  prisma: PrismaClient,
  { consultationId, draftVersionId, limit }: { consultationId: string; draftVersionId: string; limit: number },
) {
  const [comments, decisions, clauses] = await Promise.all([
    prisma.comment.findMany({
      where: { consultationId, status: "active" },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, clauseId: true, body: true, suggestedText: true, status: true },
    }),
    prisma.commentGroupDecision.findMany({ where: { consultationId }, select: { proposalKey: true } }),
    getClauses(prisma, { draftVersionId }),
  ]);
  const groups = proposeGroups(comments, { declined: decisions.map((d) => d.proposalKey), originalTexts: anchorTexts(clauses) });
  const shown = groups.slice(0, limit);
  const records = await prisma.comment.findMany({ where: { id: { in: shown.flatMap((g) => g.commentIds) } }, select: COMMENT_RECORD_SELECT });
  const byId = new Map(records.map((r) => [r.id, r]));
  const citationOf = new Map(clauses.map((c) => [c.id, c.citation || c.label]));
  return {
    total: groups.length,
    groups: shown.map((g) => ({
      key: g.key,
      citation: g.clauseId ? citationOf.get(g.clauseId) ?? "" : null,
      similarity: g.similarity,
      comments: g.commentIds.map((id) => byId.get(id)).filter((r) => r !== undefined),
    })),
  };
}
