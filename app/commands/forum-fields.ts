// The fields of the forum form (组织座谈会 / 修改座谈会信息), validated with Chinese messages shown next to each field.
// Residents and company representatives come as parallel lists (residentName[i], residentOccupation[i]); rows left
// blank are dropped. Pure: no I/O (the deputies are checked against the contact point by the command).
import { z } from "zod";
import { chinaDateTimeValue, instantFromChinaDateTime } from "~/utils/china-datetime";

const NO_CONTROL = /^[^\u0000-\u001f\u007f]*$/u;

export const MAX_RESIDENTS = 200;
export const MAX_DEPUTIES = 100;
export const MAX_EXTRA_ATTENDEES = 10_000;
const NAME_MAX = 40;

function requiredText(label: string, max: number) {
  return z
    .string({ required_error: `请填写${label}` })
    .transform((v) => v.trim())
    .pipe(z.string().min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 字`).regex(NO_CONTROL, `${label}含有无效字符`));
}

const ForumDetails = z.object({
  title: requiredText("座谈会名称", 200),
  heldAt: z.string({ required_error: "请选择召开时间" }).transform((v, ctx) => {
    const instant = instantFromChinaDateTime(v);
    if (!instant) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: v.trim() ? "召开时间格式不正确" : "请选择召开时间" });
      return z.NEVER;
    }
    const year = new Date(instant.getTime() + 8 * 3_600_000).getUTCFullYear();
    if (year < 2000 || year > 2100) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "召开时间不在合理范围内" });
      return z.NEVER;
    }
    return instant;
  }),
  location: requiredText("召开地点", 200),
  attendeeCount: z
    .string()
    .transform((v) => v.trim())
    .pipe(z.string().regex(/^\d{0,6}$/, "其他参会人数须为整数"))
    .transform((v) => (v === "" ? 0 : Number(v)))
    .pipe(z.number().max(MAX_EXTRA_ATTENDEES, `其他参会人数不能超过 ${MAX_EXTRA_ATTENDEES}`)),
});

export interface ResidentAttendee {
  name: string;
  occupation: string | null;
}

export interface ForumInput {
  title: string;
  heldAt: Date;
  location: string;
  attendeeCount: number;
  /** User ids of deputies, in the order ticked; the command checks they are the contact point's deputies. */
  deputyIds: string[];
  residents: ResidentAttendee[];
}

/** What the form sent, echoed back so that a refused form keeps what was typed. */
export interface ForumFormValues {
  title: string;
  heldAt: string;
  location: string;
  attendeeCount: string;
  deputyIds: string[];
  residents: Array<{ name: string; occupation: string }>;
}

export type ForumFormResult = { ok: true; input: ForumInput } | { ok: false; errors: Record<string, string>; values: ForumFormValues };

const text = (value: FormDataEntryValue | null | undefined, max = 6000) => (typeof value === "string" ? value.slice(0, max) : "");

export function forumFormValues(form: FormData): ForumFormValues {
  const names = form.getAll("residentName").slice(0, MAX_RESIDENTS + 50);
  const occupations = form.getAll("residentOccupation");
  return {
    title: text(form.get("title")),
    heldAt: text(form.get("heldAt"), 100),
    location: text(form.get("location")),
    attendeeCount: text(form.get("attendeeCount"), 100),
    deputyIds: form.getAll("deputyId").slice(0, MAX_DEPUTIES + 50).map((v) => text(v, 100)),
    residents: names.map((name, i) => ({ name: text(name, 200), occupation: text(occupations[i], 200) })),
  };
}

/** Validates the form; the first message per field, residents' rows named by their number. */
export function parseForumForm(form: FormData): ForumFormResult {
  const values = forumFormValues(form);
  const errors: Record<string, string> = {};
  const details = ForumDetails.safeParse(values);
  if (!details.success) {
    for (const issue of details.error.issues) errors[String(issue.path[0])] ??= issue.message;
  }

  const deputyIds = [...new Set(values.deputyIds.map((id) => id.trim()).filter(Boolean))];
  if (deputyIds.length > MAX_DEPUTIES) errors.deputyIds = `参会代表不能超过 ${MAX_DEPUTIES} 位`;
  if (deputyIds.some((id) => !/^[A-Za-z0-9_-]{1,64}$/.test(id))) errors.deputyIds = "所选代表无效，请重新选择";

  const residents: ResidentAttendee[] = [];
  values.residents.forEach((row, i) => {
    const name = row.name.trim();
    const occupation = row.occupation.trim();
    if (!name && !occupation) return;
    const which = `第 ${i + 1} 位参会群众`;
    if (!name) errors.residents ??= `请填写${which}的姓名（或清空该行）`;
    else if ([...name].length > NAME_MAX || [...occupation].length > NAME_MAX) errors.residents ??= `${which}的姓名和职业各不能超过 ${NAME_MAX} 字`;
    else if (!NO_CONTROL.test(name) || !NO_CONTROL.test(occupation)) errors.residents ??= `${which}的信息含有无效字符`;
    else residents.push({ name, occupation: occupation || null });
  });
  if (residents.length > MAX_RESIDENTS) errors.residents = `参会群众不能超过 ${MAX_RESIDENTS} 位；其余人数请填在“其他参会人数”中`;

  if (!details.success || Object.keys(errors).length > 0) return { ok: false, errors, values };
  return { ok: true, input: { ...details.data, deputyIds, residents } };
}

/** The form's values for stored or accepted input (to show the form again). */
export function forumFormValuesOf(input: ForumInput): ForumFormValues {
  return {
    title: input.title,
    heldAt: chinaDateTimeValue(input.heldAt),
    location: input.location,
    attendeeCount: String(input.attendeeCount),
    deputyIds: input.deputyIds,
    residents: input.residents.map((r) => ({ name: r.name, occupation: r.occupation ?? "" })),
  };
}
