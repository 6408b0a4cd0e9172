// 结束座谈会: the capture board's cards become the contact point's comments (source 座谈会), exactly once, and the
// forum's minutes and board become read-only.
//
// One transaction: `UPDATE "Forum" SET "closedAt" … WHERE "closedAt" IS NULL` decides which of two staff pressing
// the button together closes it (the other's UPDATE waits for the row lock, then matches nothing); the unique
// (forumId, forumCardId) guards the comments too. The board is read from PostgreSQL, where collab-server stores
// every update before anyone sees it: what any participant has seen is there. A refused card rolls everything back.
import type { PrismaClient } from "~/utils/db.server";
import type { TransactionClient } from "~/utils/transaction.server";
import { loadDocumentState } from "~/models/collab-document.server";
import { findConsultedClause } from "~/models/consulted-clauses.server";
import { recordAudit } from "~/models/audit-log.server";
import { commentsFromCards } from "~/comments/forum-cards";
import { readBoardState } from "~/components/forum/board-doc";
import { isOpen, submitComment } from "./submit-comment.server";
import { ForumRefusedError } from "./forum-refused-error.server";
import { forumBoardDocName, forumMinutesDocName } from "~/utils/collab-token.server";
import { announceFrozenDocuments } from "~/utils/collab-freeze.server";
import { announceComments, announceForumClosed } from "~/utils/live-events.server";

export interface CloseForumProps {
  forum: {
    id: string;
    heldAt: Date;
    consultation: { id: string; draftVersionId: string; contactPointId: string; deadline: Date; status: "open" | "closed" };
  };
  /** The staff member closing it: the comments' author (who typed them in). */
  userId: string;
  now?: Date;
}

export type CloseForumResult = { closed: true; commentIds: string[] } | { closed: false; reason: "already-closed" };

async function clauseIdsByCitation(prisma: PrismaClient, draftVersionId: string, citations: string[]) {
  const map = new Map<string, string | null>();
  for (const citation of new Set(citations.map((c) => c.replace(/\s/g, "")).filter(Boolean))) {
    map.set(citation, (await findConsultedClause(prisma, { draftVersionId, citation }))?.id ?? null);
  }
  return map;
}

export async function closeForum(prisma: PrismaClient, { forum, userId, now = new Date() }: CloseForumProps): Promise<CloseForumResult> {
  const { consultation } = forum;
  // The opinions were given at the forum: they count if the consultation was open when it was held.
  const givenAt = new Date(Math.min(now.getTime(), forum.heldAt.getTime()));
  if (!isOpen(consultation, givenAt)) {
    throw new ForumRefusedError("座谈会召开时本次征求意见已截止，意见卡片不能再转为意见。", 409, `consultation ${consultation.id} was closed when forum ${forum.id} was held`);
  }
  const deputies = new Set(
    (await prisma.user.findMany({ where: { contactPointId: consultation.contactPointId, role: "deputy" }, select: { id: true } })).map((d) => d.id),
  );

  const result = await prisma.$transaction(
    async (tx) => {
      const claimed = await tx.$executeRaw`
        UPDATE "Forum" SET "closedAt" = ${now}, "closedById" = ${userId}, "updatedAt" = ${now}
        WHERE "id" = ${forum.id} AND "closedAt" IS NULL`;
      if (claimed === 0) return { closed: false, reason: "already-closed" } as const;

      // Read after the claim: it sees every update committed before this statement.
      const cards = readBoardState(await loadDocumentState(tx as unknown as PrismaClient, forumBoardDocName(forum.id)));
      const clauseIdByCitation = await clauseIdsByCitation(prisma, consultation.draftVersionId, cards.map((c) => c.citation));
      const { comments, problems } = commentsFromCards(cards, { clauseIdByCitation, deputies });
      if (problems.length > 0) {
        throw new ForumRefusedError(problems.map((p) => p.message).join("；"), 400, `forum ${forum.id}: cards ${problems.map((p) => p.cardNo).join(", ")} over the comment limits`);
      }
      const commentIds: string[] = [];
      for (const comment of comments) {
        // submitComment is the one way comments are stored; the transaction client has every model it uses.
        const saved = await submitComment(tx as unknown as PrismaClient, {
          consultation: { id: consultation.id, draftVersionId: consultation.draftVersionId, deadline: consultation.deadline, status: consultation.status },
          clauseId: comment.clauseId ?? undefined,
          kind: comment.kind,
          body: comment.body,
          suggestedText: comment.suggestedText ?? undefined,
          reason: comment.reason ?? undefined,
          source: "forum",
          authorId: userId,
          forumId: forum.id,
          forumCardId: comment.forumCardId,
          speakerId: comment.speakerId,
          submitter: comment.speakerId ? undefined : { name: comment.submitterName ?? undefined, occupation: comment.submitterOccupation ?? undefined },
          announce: false,
          now: givenAt,
        });
        commentIds.push(saved.id);
      }
      await recordAudit(tx as TransactionClient, {
        userId,
        action: "forum.closed",
        entityType: "Forum",
        entityId: forum.id,
        detail: { cards: cards.length, comments: commentIds.length },
      });
      return { closed: true, commentIds } as const;
    },
    { timeout: 60_000, maxWait: 10_000 },
  );

  if (result.closed) {
    await announceFrozenDocuments([forumMinutesDocName(forum.id), forumBoardDocName(forum.id)]);
    announceComments({ consultationId: consultation.id, commentIds: result.commentIds, by: userId });
    announceForumClosed({ consultationId: consultation.id, forumId: forum.id, by: userId });
  }
  return result;
}
