// The committee's answer form (采纳情况), for one suggestion or several at once. Each `unit` names the comments a
// suggestion stands for and the clause of the new version its answer points to by default:
// "<id>,<id>…|<citation>" (the citation may be empty: 总体意见, or a deleted clause). A `newCitation` typed in the
// form overrides the units' own clauses; "-" links the answer to no clause.
import { z } from "zod";
import type { AdoptionDecision } from "~/generated/prisma/enums";

export const ADOPTION_LABELS: Record<AdoptionDecision, string> = { adopted: "采纳", partly: "部分采纳", declined: "未采纳" };
export const ADOPTION_DECISIONS = Object.keys(ADOPTION_LABELS) as [AdoptionDecision, ...AdoptionDecision[]];

const NO_CONTROL = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;
const ID = /^[A-Za-z0-9_-]{1,64}$/;
/** Most suggestions one answer may cover, and comments per suggestion: bounds the work a post can ask for. */
export const MAX_UNITS = 500;
export const MAX_COMMENTS_PER_UNIT = 200;
export const NO_CLAUSE = "-";

export function unitValue(commentIds: string[], citation: string | null | undefined): string {
  return `${commentIds.join(",")}|${citation ?? ""}`;
}

const unit = z.string().max(20_000, "所选意见无效").transform((value, ctx) => {
  const [ids = "", citation = ""] = value.split("|");
  const commentIds = ids.split(",").filter(Boolean);
  if (commentIds.length === 0 || commentIds.length > MAX_COMMENTS_PER_UNIT || !commentIds.every((id) => ID.test(id)) || !NO_CONTROL.test(citation) || citation.length > 60) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: "所选意见无效" });
    return z.NEVER;
  }
  return { commentIds, citation: citation.replace(/\s/g, "") || null };
});

export const AdoptionFields = z
  .object({
    units: z.array(unit).min(1, "请选择要答复的意见").max(MAX_UNITS, `一次最多答复 ${MAX_UNITS} 条意见`),
    decision: z.enum(ADOPTION_DECISIONS, { errorMap: () => ({ message: "请选择采纳、部分采纳或未采纳" }) }),
    explanation: z
      .string()
      .max(2000, "说明不能超过 2000 字")
      .regex(NO_CONTROL, "说明含有无效字符")
      .transform((v) => v.trim() || null)
      .nullable()
      .default(null),
    newCitation: z
      .string()
      .max(60, "条款引用过长")
      .regex(NO_CONTROL, "条款引用含有无效字符")
      .transform((v) => v.replace(/\s/g, "") || null)
      .nullable()
      .default(null),
  })
  .superRefine((value, ctx) => {
    // Residents read the answer: a partial adoption or a refusal says why.
    if (value.decision !== "adopted" && !value.explanation) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["explanation"], message: "部分采纳或未采纳时，请填写说明理由" });
    }
  });
export type AdoptionInput = z.infer<typeof AdoptionFields>;

/** The posted form as the schema reads it. */
export function adoptionFormValues(form: FormData) {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : undefined;
  };
  return {
    units: form.getAll("unit").filter((v): v is string => typeof v === "string"),
    decision: text("decision"),
    explanation: text("explanation"),
    newCitation: text("newCitation"),
  };
}
