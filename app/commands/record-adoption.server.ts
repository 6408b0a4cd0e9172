// 采纳情况: the committee answers suggestions of the reports it received — adopted, partly, declined — with an
// explanation and the clause of the new version it points to. One answer may cover several suggestions (a group);
// it is written on every comment a suggestion stands for, and on the comments merged into them, so each resident's
// receipt page shows it. Answering again replaces the answer. Only the committee whose draft it is: comments of
// other drafts or legislatures read as not found.
import type { PrismaClient } from "~/utils/db.server";
import { quoteForLog } from "~/utils/log.server";
import { recordAudit } from "~/models/audit-log.server";
import { findConsultedClause } from "~/models/consulted-clauses.server";
import { NO_CLAUSE, type AdoptionInput } from "~/components/adoption/adoption-fields";
import { ReportRefusedError } from "./report-refused-error.server";

export interface RecordAdoptionProps {
  draftId: string;
  legislatureId: string;
  /** The new version the answers point into (published, later than the consulted one). */
  toVersionId: string;
  userId: string;
  input: AdoptionInput;
}

/** Most levels of merges followed down (a comment merged into one that was merged in turn). */
const MAX_MERGE_DEPTH = 50;

export async function recordAdoption(prisma: PrismaClient, { draftId, legislatureId, toVersionId, userId, input }: RecordAdoptionProps) {
  const toVersion = await prisma.draftVersion.findFirst({
    where: { id: toVersionId, draftId, publishedAt: { not: null }, draft: { legislatureId } },
    select: { id: true, versionNo: true },
  });
  if (!toVersion) throw new ReportRefusedError("未找到该草案的新版本，或您无权答复。", 404, `version ${toVersionId} not published in draft ${draftId} of legislature ${legislatureId}`);

  const ids = [...new Set(input.units.flatMap((u) => u.commentIds))];
  const found = await prisma.comment.findMany({
    where: {
      id: { in: ids },
      status: { in: ["active", "merged"] },
      consultation: { draftVersion: { draftId, versionNo: { lt: toVersion.versionNo }, draft: { legislatureId } } },
    },
    select: { id: true },
  });
  if (found.length !== ids.length) {
    throw new ReportRefusedError("所选意见中有不属于本草案此前版本的意见，未作答复。", 404, `adoption: ${ids.length - found.length} of ${ids.length} comments not answerable in draft ${draftId} before v${toVersion.versionNo}`);
  }

  // The clause each answer points to, resolved in the new version (a typed citation overrides each unit's own).
  const answers: Array<{ commentIds: string[]; newClauseId: string | null }> = [];
  for (const unit of input.units) {
    const citation = input.newCitation ?? unit.citation;
    let newClauseId: string | null = null;
    if (citation && citation !== NO_CLAUSE) {
      const clause = await findConsultedClause(prisma, { draftVersionId: toVersion.id, citation });
      if (!clause) throw new ReportRefusedError(`新版本中没有“${citation}”，请检查条款。`, 400, `adoption: no clause ${quoteForLog(citation)} in version ${toVersion.id}`, "newCitation");
      newClauseId = clause.id;
    }
    answers.push({ commentIds: await withMergedComments(prisma, unit.commentIds), newClauseId });
  }

  const data = { decision: input.decision, explanation: input.explanation, decidedById: userId };
  return prisma.$transaction(async (tx) => {
    let written = 0;
    for (const answer of answers) {
      const { count } = await tx.adoption.updateMany({ where: { commentId: { in: answer.commentIds } }, data: { ...data, newClauseId: answer.newClauseId } });
      const created = await tx.adoption.createMany({
        data: answer.commentIds.map((commentId) => ({ commentId, ...data, newClauseId: answer.newClauseId })),
        skipDuplicates: true,
      });
      written += count + created.count;
    }
    await recordAudit(tx, {
      userId,
      action: "adoption.recorded",
      entityType: "DraftVersion",
      entityId: toVersion.id,
      detail: { decision: input.decision, suggestions: answers.length, comments: written, commentIds: ids.slice(0, 200) },
    });
    return { suggestions: answers.length, comments: written };
  });
}

/** The comments and, level by level, every comment merged into them. */
async function withMergedComments(prisma: PrismaClient, roots: string[]): Promise<string[]> {
  const all = new Set(roots);
  let frontier = roots;
  for (let depth = 0; depth < MAX_MERGE_DEPTH && frontier.length > 0; depth++) {
    const children = await prisma.comment.findMany({ where: { mergedIntoId: { in: frontier }, status: "merged" }, select: { id: true } });
    frontier = children.map((c) => c.id).filter((id) => !all.has(id));
    frontier.forEach((id) => all.add(id));
  }
  return [...all];
}
