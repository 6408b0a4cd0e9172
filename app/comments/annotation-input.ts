// The forms of contact-point users: annotating the draft (deputies, staff, collectors), staff entering an opinion
// given on paper or by phone, staff editing a comment. Built on the shared CommentFields and SubmitterFields so every
// way in validates the same text the same way.
import { z } from "zod";
import type { CommentKind, CommentSource, Role } from "~/generated/prisma/enums";
import { CommentFields, SubmitterFields } from "./input";
import { COMMENT_KIND_LABELS, GATHERING_CHANNELS, type GatheringChannel } from "./labels";

const KINDS = Object.keys(COMMENT_KIND_LABELS) as [CommentKind, ...CommentKind[]];

/** The channel value for "my own opinion" (source = the user's role) rather than one gathered from a resident. */
export const OWN_OPINION = "own";
/** The clause field's value for 总体意见. */
export const GENERAL_CLAUSE = "general";

const kind = z.enum(KINDS, { errorMap: () => ({ message: "请选择意见类型" }) });

/** Where the browser saw the selected words: an offset in the clause's anchor text. */
const near = z.preprocess(
  (v) => (v === "" || v === undefined || v === null ? undefined : v),
  z.coerce.number({ invalid_type_error: "所选文字的位置无效" }).int("所选文字的位置无效").min(0, "所选文字的位置无效").max(1_000_000, "所选文字的位置无效").optional(),
);

const quote = z
  .string()
  .max(2000, "所选文字过长，请选择不超过 2000 字，或针对整条提意见")
  .transform((v) => v || undefined)
  .optional();

const channel = z.enum([OWN_OPINION, ...GATHERING_CHANNELS], { errorMap: () => ({ message: "请选择意见来源" }) });

/** The annotation form on the consultation page. `clauseId` is a Clause row id, or "general". */
export const AnnotationFields = CommentFields.merge(SubmitterFields).extend({
  kind,
  clauseId: z.string().max(64, "条款无效").regex(/^[A-Za-z0-9_-]*$/, "条款无效").optional(),
  quote,
  near,
  channel: channel.optional(),
});
export type AnnotationInput = z.infer<typeof AnnotationFields>;

/** Staff's quick entry of an opinion given on paper, by phone, by letter…: a citation typed or picked, a channel. */
export const EntryFields = CommentFields.merge(SubmitterFields).extend({
  kind,
  channel: z.enum(GATHERING_CHANNELS, { errorMap: () => ({ message: "请选择意见来源" }) }),
});
export type EntryInput = z.infer<typeof EntryFields>;

/** Staff correcting a comment's wording (typos): the previous wording is kept as a revision. */
export const EditFields = CommentFields.pick({ body: true, suggestedText: true, reason: true });

export const HideFields = z.object({
  hiddenReason: z
    .string({ required_error: "请填写隐藏的理由" })
    .max(200, "理由不能超过 200 字")
    .transform((v) => v.trim())
    .refine((v) => v.length > 0, "请填写隐藏的理由"),
});

const commentId = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, "意见编号无效");
export const MergeFields = z.object({
  commentIds: z.array(commentId).min(2, "请至少选择两条意见进行合并").max(200, "一次最多合并 200 条意见"),
});

/**
 * The source a comment is stored under: a deputy's or staff member's own opinion under their role; an opinion a
 * collector or staff member gathered from a resident under the channel it came through. Deputies only give their own.
 */
export function sourceFor(role: Role, channelValue: string | undefined): CommentSource | null {
  const own = channelValue === undefined || channelValue === OWN_OPINION;
  if (role === "deputy") return own ? "deputy" : null;
  if (role === "staff" || role === "collector") return own ? role : (channelValue as GatheringChannel);
  return null;
}

/** Whether the user may enter opinions on behalf of residents (channel, resident name and phone). */
export function entersForResidents(role: Role): boolean {
  return role === "staff" || role === "collector";
}
