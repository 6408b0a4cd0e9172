// A comment as its author sees it through the receipt number (/r/<回执号>): what they wrote, on which clause, its
// status and the committee's answer. Never the submitter's name or phone: whoever holds the number sees this page.
import type { PrismaClient } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import type { RateLimit } from "~/utils/rate-limit.server";
import { getReaderClauses } from "~/models/reader-clauses.server";
import { layoutDraft, readerAnchorText } from "~/components/reader/reader-model";

const ADOPTION_SELECT = {
  decision: true,
  explanation: true,
  createdAt: true,
  // The clause of the new version the answer points to (采纳情况 links the opinion to the revised text).
  newClause: { select: { citation: true, draftVersion: { select: { label: true } } } },
} as const;

export async function findCommentByReceipt(prisma: PrismaClient, receiptNo: string) {
  const comment = await prisma.comment.findUnique({
    where: { receiptNo },
    select: {
      receiptNo: true,
      createdAt: true,
      status: true,
      kind: true,
      body: true,
      suggestedText: true,
      reason: true,
      supporterCount: true,
      satisfaction: true,
      clauseId: true,
      receiver: { select: { displayName: true } },
      clause: { select: { citation: true } },
      consultation: {
        select: {
          draftVersionId: true,
          deadline: true,
          publicToken: true,
          contactPoint: { select: { name: true } },
          draftVersion: { select: { label: true, draft: { select: { title: true } } } },
        },
      },
      adoption: { select: ADOPTION_SELECT },
      mergedInto: { select: { supporterCount: true, adoption: { select: ADOPTION_SELECT } } },
    },
  });
  if (!comment) return null;
  // The clause's whole text (paragraphs and items included), as the red-line compares it.
  let clauseText: string | null = null;
  if (comment.clauseId) {
    const clauses = await getReaderClauses(prisma, { draftVersionId: comment.consultation.draftVersionId, published: true });
    const layout = layoutDraft(clauses);
    const clause = layout.byId.get(comment.clauseId);
    clauseText = clause ? readerAnchorText(layout, clause) : null;
  }
  const { mergedInto, adoption, ...rest } = comment;
  return { ...rest, clauseText, adoption: adoption ?? mergedInto?.adoption ?? null, mergedSupporters: mergedInto?.supporterCount ?? null };
}

export function receiptLookupLimits(clientIp: string): RateLimit[] {
  return [{ key: ["receipt-lookup", "ip", clientIp], max: getEnv().RECEIPT_LOOKUP_LIMIT_PER_IP, windowSeconds: 3600 }];
}
