// A comment as a contact-point user sees it: who gave it (deputies and staff under their names; residents masked
// unless the viewer is the contact point's staff), its clause, and where its quote stands in the clause text.
import type { CommentKind, CommentSource, CommentStatus, Role } from "~/generated/prisma/enums";
import { ROLE_LABELS } from "~/utils/roles";
import { GENERAL_CITATION } from "./labels";
import { maskName, maskPhone } from "./mask";

export interface CommentRecord {
  id: string;
  clauseId: string | null;
  clause: { citation: string } | null;
  source: CommentSource;
  kind: CommentKind;
  status: CommentStatus;
  body: string;
  suggestedText: string | null;
  reason: string | null;
  anchor: unknown;
  submitterName: string | null;
  submitterPhone: string | null;
  submitterOccupation: string | null;
  supporterCount: number;
  mergedIntoId: string | null;
  hiddenReason: string | null;
  createdAt: Date;
  author: { displayName: string; role: Role } | null;
  receiver: { displayName: string } | null;
  /** At a forum: the deputy who spoke (the author is the staff member who typed it). */
  speaker?: { displayName: string; role: Role } | null;
}

export interface CommentView {
  id: string;
  clauseId: string | null;
  citation: string;
  source: CommentSource;
  kind: CommentKind;
  status: CommentStatus;
  body: string;
  suggestedText: string | null;
  reason: string | null;
  /** The selected words and their offsets in the clause's anchor text; null for a comment on a whole clause. */
  quote: { text: string; start: number; end: number } | null;
  /** 王代表（人大代表）, or 群众 张**（138****1234） / the full name and phone for the contact point's staff. */
  who: string;
  /** Who typed it for a resident: 李信息（信息员）. */
  enteredBy: string | null;
  receivedBy: string | null;
  supporterCount: number;
  mergedIntoId: string | null;
  hiddenReason: string | null;
  createdAt: string;
}

/** Only the contact point's staff see residents' names and phone numbers as given. */
export function seesResidentsUnmasked(viewerRole: Role): boolean {
  return viewerRole === "staff";
}

function person(user: { displayName: string; role: Role }): string {
  return `${user.displayName}（${ROLE_LABELS[user.role]}）`;
}

function quoteOf(anchor: unknown): CommentView["quote"] {
  const a = anchor as { quote?: { exact?: unknown }; start?: unknown; end?: unknown } | null;
  if (!a || typeof a.quote?.exact !== "string" || typeof a.start !== "number" || typeof a.end !== "number") return null;
  return { text: a.quote.exact, start: a.start, end: a.end };
}

/** The authors' own opinions: no resident behind them. */
const OWN_SOURCES: ReadonlySet<CommentSource> = new Set(["deputy", "staff", "collector"]);

export function presentComment(record: CommentRecord, viewerRole: Role): CommentView {
  const unmasked = seesResidentsUnmasked(viewerRole);
  const own = OWN_SOURCES.has(record.source) && record.author !== null;
  let who: string;
  if (own) {
    who = person(record.author!);
  } else if (record.speaker) {
    who = person(record.speaker);
  } else {
    const name = unmasked ? record.submitterName?.trim() : maskName(record.submitterName);
    const phone = unmasked ? record.submitterPhone : maskPhone(record.submitterPhone);
    const details = [phone, record.submitterOccupation].filter(Boolean).join("，");
    who = name ? `群众 ${name}${details ? `（${details}）` : ""}` : details ? `群众（${details}）` : "群众（未留姓名）";
  }
  return {
    id: record.id,
    clauseId: record.clauseId,
    citation: record.clause?.citation || GENERAL_CITATION,
    source: record.source,
    kind: record.kind,
    status: record.status,
    body: record.body,
    suggestedText: record.suggestedText,
    reason: record.reason,
    quote: quoteOf(record.anchor),
    who,
    enteredBy: !own && record.author ? person(record.author) : null,
    receivedBy: record.receiver ? record.receiver.displayName : null,
    supporterCount: record.supporterCount,
    mergedIntoId: record.mergedIntoId,
    hiddenReason: record.hiddenReason,
    createdAt: record.createdAt.toISOString(),
  };
}

