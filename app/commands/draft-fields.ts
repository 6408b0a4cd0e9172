// Fields of the committee's draft forms, validated with Chinese messages shown next to each field.
import { z } from "zod";
import { deadlineFromDate, isAcceptableDeadline } from "~/utils/deadline-date";
import { RICH_TEXT_MAX_CHARS, isEmptyRichText, richTextFromPlain, richTextToPlain, sanitizeRichText, type RichDoc } from "~/components/rich-text/rich-text";

const NO_CONTROL = /^[^\u0000-\u001f\u007f]*$/u;

export const DraftTitle = z
  .string({ required_error: "请填写草案名称" })
  .transform((v) => v.trim())
  .pipe(z.string().min(1, "请填写草案名称").max(200, "草案名称不能超过 200 字").regex(NO_CONTROL, "草案名称含有无效字符"));

export const VersionLabel = z
  .string({ required_error: "请填写版本名称" })
  .transform((v) => v.trim())
  .pipe(z.string().min(1, "请填写版本名称，如“征求意见稿”“二审稿”").max(40, "版本名称不能超过 40 字").regex(NO_CONTROL, "版本名称含有无效字符"));

/** A yyyy-mm-dd date from a date input, as the instant the deadline ends; tomorrow at the earliest. */
export function deadlineField(now = new Date()) {
  return z
    .string({ required_error: "请选择截止日期" })
    .transform((v, ctx) => {
      const deadline = deadlineFromDate(v);
      if (!deadline) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: v.trim() ? "截止日期格式不正确" : "请选择截止日期" });
        return z.NEVER;
      }
      if (!isAcceptableDeadline(deadline, now)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: "截止日期必须晚于今天" });
        return z.NEVER;
      }
      return deadline;
    });
}

/** The editor's JSON is at most this long before parsing (formatting makes it a few times the text). */
const MAX_EXPLANATION_JSON = 400_000;

/**
 * 起草说明 from the form: the editor's JSON (sanitized to the allowed subset), or the fallback textarea's plain
 * text. Null when empty; a string error message when unreadable or too long.
 */
export function readExplanation(json: FormDataEntryValue | null, plain: FormDataEntryValue | null): { value: RichDoc | null } | { error: string } {
  let doc: RichDoc;
  if (typeof json === "string" && json !== "") {
    if (json.length > MAX_EXPLANATION_JSON) return { error: `起草说明不能超过 ${RICH_TEXT_MAX_CHARS} 字` };
    try {
      doc = sanitizeRichText(JSON.parse(json));
    } catch {
      return { error: "起草说明无法读取，请重新编辑后提交" };
    }
  } else {
    doc = richTextFromPlain(typeof plain === "string" ? plain : "");
  }
  if (richTextToPlain(doc).length > RICH_TEXT_MAX_CHARS) return { error: `起草说明不能超过 ${RICH_TEXT_MAX_CHARS} 字` };
  return { value: isEmptyRichText(doc) ? null : doc };
}
