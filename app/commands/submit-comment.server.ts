// Stores one comment (意见建议) on a consultation, whoever gives it: a resident through the public form, a deputy
// or staff annotating the draft, a collector or staff entering an opinion gathered by phone, letter or visit.
// Refuses after the deadline; resolves the clause from a citation or a clause id; anchors selected words as the
// legal engine defines anchors; issues a receipt number when asked. One INSERT: nothing is half-stored.
import type { PrismaClient } from "~/utils/db.server";
import type { CommentKind, CommentSource, ConsultationStatus } from "~/generated/prisma/enums";
import type { Prisma } from "~/generated/prisma/client";
import { anchorForQuote, nodesFromRows } from "~/legal/clause-rows";
import { GENERAL_CITATION } from "~/comments/labels";
import { newReceiptNo } from "~/comments/receipt.server";
import { CLAUSE_SELECT, findConsultedClause } from "~/models/consulted-clauses.server";
import { announceComments } from "~/utils/live-events.server";
import { RefusedError } from "./refused-error.server";

/** A refusal of a comment (deadline passed, clause not found, bad input). */
export class CommentRefusedError extends RefusedError {
  override name = "CommentRefusedError";
}

export interface ConsultationForComment {
  id: string;
  draftVersionId: string;
  deadline: Date;
  status: ConsultationStatus;
}

export interface SubmitCommentProps {
  consultation: ConsultationForComment;
  /** 第十二条第二款; empty or 总体意见 for a general comment. Ignored when clauseId is given. */
  citation?: string;
  /** A Clause row id of the consultation's version. */
  clauseId?: string;
  /** Words selected in the clause, and where the browser saw them (offset in the clause's anchor text). */
  quote?: { text: string; near: number };
  kind?: CommentKind;
  body: string;
  suggestedText?: string;
  reason?: string;
  source: CommentSource;
  authorId?: string | null;
  receiverId?: string | null;
  forumId?: string | null;
  /** At a forum: the deputy who spoke, and the capture-board card the comment comes from. */
  speakerId?: string | null;
  forumCardId?: string | null;
  /** Live annotation: tell the consultation's open pages (default). Inside a transaction, false; announce after commit. */
  announce?: boolean;
  submitter?: { name?: string; phone?: string; occupation?: string; consentAt?: Date | null };
  issueReceipt?: boolean;
  now?: Date;
}

export function isOpen(consultation: Pick<ConsultationForComment, "deadline" | "status">, now = new Date()): boolean {
  return consultation.status === "open" && consultation.deadline.getTime() > now.getTime();
}


async function findClause(prisma: PrismaClient, props: SubmitCommentProps) {
  const { draftVersionId } = props.consultation;
  if (props.clauseId) {
    const clause = await prisma.clause.findFirst({ where: { id: props.clauseId, draftVersionId }, select: CLAUSE_SELECT });
    if (!clause) throw new CommentRefusedError("所选条款不存在", 400, `clause ${props.clauseId} not in version ${draftVersionId}`, "clauseId");
    return clause;
  }
  const citation = props.citation?.replace(/\s/g, "") ?? "";
  if (citation === "" || citation === GENERAL_CITATION) return null;
  const clause = await findConsultedClause(prisma, { draftVersionId, citation });
  if (!clause) throw new CommentRefusedError(`草案中没有“${citation}”，请检查条款引用`, 400, `no clause cited ${JSON.stringify(citation)}`, "citation");
  return clause;
}

async function anchorFor(
  prisma: PrismaClient,
  draftVersionId: string,
  clause: NonNullable<Awaited<ReturnType<typeof findClause>>>,
  quote: SubmitCommentProps["quote"],
) {
  if (!quote?.text) return null;
  const subtree = await prisma.clause.findMany({
    where: { draftVersionId, OR: [{ id: clause.id }, { path: { startsWith: `${clause.path}/` } }] },
    select: CLAUSE_SELECT,
  });
  const node = nodesFromRows(subtree).get(clause.id)!;
  const anchor = anchorForQuote(node, quote.text, quote.near);
  if (!anchor) throw new CommentRefusedError("所选文字不在该条款中，请重新选择", 400, `quote not found in clause ${clause.id}`, "quote");
  return anchor;
}

const RECEIPT_ATTEMPTS = 3;

export async function submitComment(prisma: PrismaClient, props: SubmitCommentProps): Promise<{ id: string; receiptNo: string | null; clauseId: string | null }> {
  const now = props.now ?? new Date();
  if (!isOpen(props.consultation, now)) {
    throw new CommentRefusedError("本次征求意见已截止，不再接收新的意见。您填写的内容仍保留在下方，可复制保存。", 409, `consultation ${props.consultation.id} is closed`);
  }
  const clause = await findClause(prisma, props);
  const anchor = clause ? await anchorFor(prisma, props.consultation.draftVersionId, clause, props.quote) : null;
  const data: Prisma.CommentUncheckedCreateInput = {
    consultationId: props.consultation.id,
    clauseId: clause?.id ?? null,
    forumId: props.forumId ?? null,
    speakerId: props.speakerId ?? null,
    forumCardId: props.forumCardId ?? null,
    authorId: props.authorId ?? null,
    receiverId: props.receiverId ?? null,
    source: props.source,
    kind: props.kind ?? (props.suggestedText ? "amend" : "other"),
    body: props.body,
    suggestedText: props.suggestedText ?? null,
    reason: props.reason ?? null,
    anchor: anchor ? (anchor as unknown as Prisma.InputJsonValue) : undefined,
    submitterName: props.submitter?.name ?? null,
    submitterPhone: props.submitter?.phone ?? null,
    submitterOccupation: props.submitter?.occupation ?? null,
    consentAt: props.submitter?.consentAt ?? null,
  };
  for (let attempt = 1; ; attempt++) {
    const receiptNo = props.issueReceipt ? newReceiptNo() : null;
    try {
      const comment = await prisma.comment.create({ data: { ...data, receiptNo }, select: { id: true } });
      if (props.announce !== false) announceComments({ consultationId: props.consultation.id, commentIds: [comment.id], by: props.authorId ?? null });
      return { id: comment.id, receiptNo, clauseId: clause?.id ?? null };
    } catch (error) {
      // A receipt number collision (about 1 in 10^17 per pair): draw another.
      const collided = (error as { code?: string }).code === "P2002" && receiptNo !== null;
      if (!collided || attempt >= RECEIPT_ATTEMPTS) throw error;
    }
  }
}
