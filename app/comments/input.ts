// The fields of a comment as forms send them, validated once for every way in (public form, annotation, staff
// entry). Messages are Chinese: they are shown next to the field.
import { z } from "zod";

const NO_CONTROL = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;

/** Trimmed text, control characters refused (newlines allowed); empty becomes undefined. */
function optionalText(max: number, label: string) {
  return z
    .string()
    .max(max, `${label}不能超过 ${max} 字`)
    .regex(NO_CONTROL, `${label}含有无效字符`)
    .transform((v) => v.trim() || undefined)
    .optional();
}

export const MAX_BODY = 5000;

export const CommentFields = z.object({
  /** 第十二条第二款, or empty / 总体意见 for a general comment. */
  citation: z.string().max(60, "条款引用过长").regex(NO_CONTROL, "条款引用含有无效字符").optional(),
  body: z
    .string({ required_error: "请填写意见内容" })
    .max(MAX_BODY, `意见内容不能超过 ${MAX_BODY} 字`)
    .regex(NO_CONTROL, "意见内容含有无效字符")
    .transform((v) => v.trim())
    .refine((v) => v.length > 0, "请填写意见内容"),
  suggestedText: optionalText(MAX_BODY, "建议修改后的条文"),
  reason: optionalText(2000, "理由"),
});

/** A resident's optional identity, only with consent to the personal-information notice. */
export const SubmitterFields = z.object({
  submitterName: optionalText(40, "姓名"),
  submitterPhone: z
    .string()
    .max(30, "电话号码过长")
    .transform((v) => v.replace(/[\s-]/g, ""))
    .refine((v) => v === "" || /^\+?\d{5,20}$/.test(v), "请填写正确的电话号码")
    .transform((v) => v || undefined)
    .optional(),
  submitterOccupation: optionalText(40, "职业"),
  consent: z.string().optional(),
});

/** Personal data is kept only when the submitter agreed to the notice; otherwise a clear message, not a silent drop. */
export function checkConsent(fields: z.infer<typeof SubmitterFields>): string | null {
  const givesData = Boolean(fields.submitterName || fields.submitterPhone || fields.submitterOccupation);
  const agreed = fields.consent === "on" || fields.consent === "yes" || fields.consent === "true" || fields.consent === "1";
  return givesData && !agreed ? "留下姓名、电话或职业前，请先阅读并勾选同意个人信息处理说明" : null;
}

/** The field errors of a failed parse, one message per field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    out[key] ??= issue.message;
  }
  return out;
}
