// What closing a forum turns each capture-board card into: one comment (source 座谈会) per card with an opinion,
// attributed to who spoke — a deputy of the contact point by account, anyone else by the name and occupation typed.
// Pure: the caller resolves citations to clauses and lists the contact point's deputies.
import type { CommentKind } from "~/generated/prisma/enums";
import type { BoardCard } from "~/components/forum/board-doc";
import { MAX_BODY } from "./input";

export const MAX_REASON = 2000;
const MAX_NAME = 40;
const CARD_ID = /^[A-Za-z0-9_-]{1,64}$/;
// Control characters a textarea never produces (a crafted client might): dropped, newlines and tabs kept.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

export interface ForumCardComment {
  forumCardId: string;
  clauseId: string | null;
  kind: CommentKind;
  body: string;
  suggestedText: string | null;
  reason: string | null;
  speakerId: string | null;
  submitterName: string | null;
  submitterOccupation: string | null;
}

export interface CardProblem {
  /** 1-based, as the board numbers its cards. */
  cardNo: number;
  message: string;
}

const clean = (value: string) => value.replace(CONTROL, "").trim();
const chars = (value: string) => [...value].length;

/**
 * The comments the board's cards become, in board order, or the problems that keep the forum from closing (a text
 * over the comment limits: the board stays open so that someone can shorten it). Cards without an opinion are
 * skipped. A citation not in the draft becomes a general opinion that names it.
 */
export function commentsFromCards(
  cards: BoardCard[],
  { clauseIdByCitation, deputies }: { clauseIdByCitation: ReadonlyMap<string, string | null>; deputies: ReadonlySet<string> },
): { comments: ForumCardComment[]; problems: CardProblem[] } {
  const comments: ForumCardComment[] = [];
  const problems: CardProblem[] = [];
  const seenIds = new Set<string>();
  cards.forEach((card, index) => {
    const cardNo = index + 1;
    const opinion = clean(card.opinion);
    if (!opinion) return;
    const citation = card.citation.replace(/\s/g, "");
    const clauseId = citation ? clauseIdByCitation.get(citation) ?? null : null;
    const body = citation && !clauseId ? `（${citation}）${opinion}` : opinion;
    const suggestedText = clean(card.suggestedText) || null;
    const reason = clean(card.reason) || null;
    if (body.length > MAX_BODY) problems.push({ cardNo, message: `第 ${cardNo} 张卡片的意见超过 ${MAX_BODY} 字，请删减后再结束座谈会` });
    if (suggestedText && suggestedText.length > MAX_BODY) problems.push({ cardNo, message: `第 ${cardNo} 张卡片的建议修改内容超过 ${MAX_BODY} 字，请删减后再结束座谈会` });
    if (reason && reason.length > MAX_REASON) problems.push({ cardNo, message: `第 ${cardNo} 张卡片的理由超过 ${MAX_REASON} 字，请删减后再结束座谈会` });

    // A deputy speaks under their account; an id that is not one of the contact point's deputies counts for nothing.
    const speakerId = card.speakerUserId && deputies.has(card.speakerUserId) ? card.speakerUserId : null;
    const name = clean(card.speaker).replace(/\s+/g, " ");
    const occupation = clean(card.speakerOccupation).replace(/\s+/g, " ");
    if (!speakerId && (chars(name) > MAX_NAME || chars(occupation) > MAX_NAME)) {
      problems.push({ cardNo, message: `第 ${cardNo} 张卡片的发言人姓名或职业超过 ${MAX_NAME} 字，请删减后再结束座谈会` });
    }

    // Ids come from browsers: a malformed or repeated one still gives each card its own comment.
    let forumCardId = CARD_ID.test(card.id) && !seenIds.has(card.id) ? card.id : `card-${cardNo}`;
    while (seenIds.has(forumCardId)) forumCardId = `${forumCardId}-${cardNo}`;
    seenIds.add(forumCardId);

    comments.push({
      forumCardId,
      clauseId,
      kind: suggestedText ? "amend" : clauseId ? "other" : "principle",
      body,
      suggestedText,
      reason,
      speakerId,
      submitterName: speakerId ? null : name || null,
      submitterOccupation: speakerId ? null : occupation || null,
    });
  });
  return { comments, problems };
}
