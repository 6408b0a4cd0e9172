// Who raised a suggestion, as the report says it: deputies, staff and collectors by name; a forum's unnamed voices
// as 座谈会（3人）; residents ALWAYS masked (张**（138****1234）) — a report leaves the contact point. Pure.
import type { CommentSource, Role } from "~/generated/prisma/enums";
import { maskName, maskPhone } from "~/comments/mask";

export interface SourcePerson {
  id: string;
  displayName: string;
  role: Role;
}

export interface SourceComment {
  id: string;
  source: CommentSource;
  submitterName: string | null;
  submitterPhone: string | null;
  submitterOccupation: string | null;
  author: SourcePerson | null;
  speaker: SourcePerson | null;
  receiver: { id: string; displayName: string } | null;
}

const ROLE_SHORT: Record<Role, string> = {
  deputy: "代表",
  staff: "联络员",
  collector: "信息员",
  legislature: "法工委",
  admin: "管理员",
};

/** Channels a resident's opinion came through, as the report names them. */
const CHANNEL_LABELS: Partial<Record<CommentSource, string>> = {
  public: "网上",
  phone: "电话",
  paper: "纸质意见",
  wechat: "微信",
  letter: "信件",
  visit: "走访",
  forum: "座谈会",
};

/** Opinions of the person who typed them, not of a resident behind them. */
const OWN_SOURCES: ReadonlySet<CommentSource> = new Set(["deputy", "staff", "collector"]);

/** Named residents listed one by one; beyond this many, the rest are counted. */
export const MAX_NAMED_RESIDENTS = 20;

/** The masked resident: 居民 张**（138****1234，维保工程师，经代表 王代表）. */
function resident(comment: SourceComment): string | null {
  const name = maskName(comment.submitterName);
  const phone = maskPhone(comment.submitterPhone);
  if (!name && !phone) return null;
  const details = [phone, comment.submitterOccupation?.trim(), comment.source === "forum" ? "座谈会" : null, comment.receiver ? `经代表 ${comment.receiver.displayName}` : null]
    .filter(Boolean)
    .join("，");
  return `居民 ${name || "（未留姓名）"}${details ? `（${details}）` : ""}`;
}

/** Display strings of the people behind a suggestion's comments, in a fixed order of kinds, each kind in input order. */
export function sourceLabels(comments: SourceComment[]): string[] {
  const own = new Set<string>();
  const speakers = new Set<string>();
  const named = new Set<string>();
  let forumVoices = 0;
  const anonymous = new Map<string, number>();
  for (const comment of comments) {
    if (OWN_SOURCES.has(comment.source) && comment.author) {
      own.add(`${ROLE_SHORT[comment.author.role]} ${comment.author.displayName}`);
    } else if (comment.speaker) {
      speakers.add(`${ROLE_SHORT[comment.speaker.role]} ${comment.speaker.displayName}（座谈会）`);
    } else {
      const person = resident(comment);
      if (person) named.add(person);
      else if (comment.source === "forum") forumVoices++;
      else {
        const channel = CHANNEL_LABELS[comment.source] ?? "其他";
        const key = comment.receiver ? `${channel}，经代表 ${comment.receiver.displayName}` : channel;
        anonymous.set(key, (anonymous.get(key) ?? 0) + 1);
      }
    }
  }
  const namedList = [...named];
  const out = [...own, ...speakers];
  if (forumVoices > 0) out.push(`座谈会（${forumVoices}人）`);
  out.push(...namedList.slice(0, MAX_NAMED_RESIDENTS));
  if (namedList.length > MAX_NAMED_RESIDENTS) out.push(`另有留名居民 ${namedList.length - MAX_NAMED_RESIDENTS} 人`);
  for (const [channel, count] of anonymous) out.push(count > 1 ? `居民（${channel}，${count}人）` : `居民（${channel}）`);
  return out;
}

/** Who a comment came from, for counting distinct people: a user once, a resident by phone, else by name. */
export function personKey(comment: SourceComment): string {
  if (OWN_SOURCES.has(comment.source) && comment.author) return `u:${comment.author.id}`;
  if (comment.speaker) return `u:${comment.speaker.id}`;
  const phone = (comment.submitterPhone ?? "").replace(/\D/g, "");
  if (phone) return `p:${phone}`;
  const name = comment.submitterName?.trim();
  if (name) return `n:${name}|${comment.submitterOccupation?.trim() ?? ""}`;
  return `c:${comment.id}`;
}
