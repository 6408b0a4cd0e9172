// The forum's record (座谈会记录) as one document: what the meeting was, who came, the minutes, then the capture
// board's opinions grouped by clause (总体意见 first, then in the draft's order). Residents' names appear in full only
// for the contact point's staff. Pure: the .docx renderer lays it out.
import { GENERAL_CITATION } from "~/comments/labels";
import { maskName } from "~/comments/mask";
import type { BoardCard } from "~/components/forum/board-doc";
import { formatChinaTime } from "~/utils/china-time";
import type { MinutesBlock } from "./minutes-blocks";

export interface ForumRecordInput {
  forum: { title: string; heldAt: Date; location: string; attendeeCount: number; closedAt: Date | null };
  consultation: { draftTitle: string; versionLabel: string; contactPointName: string };
  attendees: Array<{ userId: string | null; name: string; occupation: string | null }>;
  /** User ids of the contact point's deputies: they are named in full (they speak in their public capacity). */
  deputies: ReadonlySet<string>;
  minutes: MinutesBlock[];
  cards: BoardCard[];
  /** The consulted version's pickable clauses in reading order, with their text. */
  clauses: Array<{ citation: string; text: string }>;
  /** Whether the reader may see residents' names (the contact point's staff). */
  unmasked: boolean;
  exportedAt: Date;
}

export interface RecordCard {
  no: number;
  speaker: string;
  opinion: string;
  suggestedText: string;
  reason: string;
}

export interface RecordGroup {
  citation: string;
  /** The clause's text; null for 总体意见 or a citation the draft does not have. */
  clauseText: string | null;
  cards: RecordCard[];
}

export interface ForumRecord {
  title: string;
  facts: Array<[label: string, value: string]>;
  minutes: MinutesBlock[];
  groups: RecordGroup[];
  cardCount: number;
}

function residentName(name: string, unmasked: boolean): string {
  return unmasked ? name : maskName(name);
}

function withOccupation(name: string, occupation: string | null | undefined): string {
  return occupation ? `${name}（${occupation}）` : name;
}

export function attendeesLine(input: Pick<ForumRecordInput, "attendees" | "unmasked" | "forum">): string {
  const deputies = input.attendees.filter((a) => a.userId).map((a) => a.name);
  const residents = input.attendees.filter((a) => !a.userId).map((a) => withOccupation(residentName(a.name, input.unmasked), a.occupation));
  const parts = [
    deputies.length ? `人大代表：${deputies.join("、")}` : "",
    residents.length ? `群众及企业代表：${residents.join("、")}` : "",
    input.forum.attendeeCount > 0 ? `其他参会人员 ${input.forum.attendeeCount} 人` : "",
  ].filter(Boolean);
  return parts.length ? parts.join("；") : "未登记";
}

function speakerOf(card: BoardCard, input: ForumRecordInput): string {
  if (card.speakerUserId && input.deputies.has(card.speakerUserId)) return `${card.speaker.trim() || "代表"}（人大代表）`;
  const name = card.speaker.trim();
  if (!name) return card.speakerOccupation.trim() ? `未记录姓名（${card.speakerOccupation.trim()}）` : "未记录发言人";
  return withOccupation(residentName(name, input.unmasked), card.speakerOccupation.trim());
}

export function buildForumRecord(input: ForumRecordInput): ForumRecord {
  const { forum, consultation } = input;
  const order = new Map(input.clauses.map((c, i) => [c.citation, i]));
  const texts = new Map(input.clauses.map((c) => [c.citation, c.text]));
  const groups = new Map<string, RecordGroup>();
  let no = 0;
  for (const card of input.cards) {
    if (!card.opinion.trim()) continue;
    const citation = card.citation.replace(/\s/g, "") || GENERAL_CITATION;
    let group = groups.get(citation);
    if (!group) groups.set(citation, (group = { citation, clauseText: texts.get(citation) ?? null, cards: [] }));
    group.cards.push({ no: 0, speaker: speakerOf(card, input), opinion: card.opinion.trim(), suggestedText: card.suggestedText.trim(), reason: card.reason.trim() });
  }
  // 总体意见 first, then the draft's order; citations the draft does not have last. Numbered in that order.
  const rank = (citation: string) => (citation === GENERAL_CITATION ? -1 : order.get(citation) ?? Number.MAX_SAFE_INTEGER);
  const sorted = [...groups.values()].sort((a, b) => rank(a.citation) - rank(b.citation));
  for (const group of sorted) for (const card of group.cards) card.no = ++no;
  return {
    title: forum.title,
    facts: [
      ["法规草案", `${consultation.draftTitle}（${consultation.versionLabel}）`],
      ["联系点", consultation.contactPointName],
      ["时间", formatChinaTime(forum.heldAt.toISOString())],
      ["地点", forum.location],
      ["参会人员", attendeesLine(input)],
      ["状态", forum.closedAt ? `已结束（${formatChinaTime(forum.closedAt.toISOString())}），意见卡片已转为意见` : `进行中（导出于 ${formatChinaTime(input.exportedAt.toISOString())}）`],
    ],
    minutes: input.minutes,
    groups: sorted,
    cardCount: no,
  };
}
