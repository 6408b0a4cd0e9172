// Pure parts of the public pages: reading the form contract, the clause a citation points at, deadlines in China time.
import { readPublicForm, validatePublicForm, HONEYPOT_FIELD, RECEIVER_FIELD } from "~/comments/public-form";
import type { ReaderClause } from "~/components/reader/reader-model";
import { clauseTarget, normaliseCitation } from "./clause-target";
import { daysLeftText, formatDeadline } from "~/utils/china-time";

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

describe("the public form contract", () => {
  it("reads every field, the honeypot and the deputy's token; files count as empty", () => {
    const data = form({ citation: "第八条", body: "意见", [HONEYPOT_FIELD]: " x ", [RECEIVER_FIELD]: " abcDEF12345 " });
    data.set("reason", new Blob(["file"]), "reason.txt");
    const input = readPublicForm(data);
    expect(input.values).toMatchObject({ citation: "第八条", body: "意见", reason: "", suggestedText: "", consent: "" });
    expect(input.honeypotFilled).toBe(true);
    expect(input.via).toBe("abcDEF12345");
    expect(readPublicForm(form({ body: "x" })).honeypotFilled).toBe(false);
  });

  it("accepts a comment without personal data, trimming it", () => {
    const result = validatePublicForm(readPublicForm(form({ citation: " 第八条 ", body: "  意见  ", reason: "" })).values);
    expect(result).toEqual({ ok: true, comment: { citation: "第八条", body: "意见", suggestedText: undefined, reason: undefined, submitter: undefined, consented: false } });
  });

  it("asks for consent before keeping a name, phone or occupation", () => {
    const without = validatePublicForm(readPublicForm(form({ body: "意见", submitterOccupation: "教师" })).values);
    expect(without).toEqual({ ok: false, fieldErrors: { consent: "留下姓名、电话或职业前，请先阅读并勾选同意个人信息处理说明" } });
    const withConsent = validatePublicForm(readPublicForm(form({ body: "意见", submitterPhone: "139-0000-1111", consent: "on" })).values);
    expect(withConsent.ok && withConsent.comment.submitter).toEqual({ name: undefined, phone: "13900001111", occupation: undefined });
  });

  it("reports every invalid field at once", () => {
    const result = validatePublicForm(readPublicForm(form({ body: "", submitterPhone: "12ab", reason: "理".repeat(2001) })).values);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.fieldErrors).sort()).toEqual(["body", "reason", "submitterPhone"]);
  });
});

describe("the clause a citation points at", () => {
  const rows: ReaderClause[] = [
    { id: "a3", parentId: null, kind: "article", label: "第三条", text: "本条例下列用语的含义：\n（一）电梯；\n（二）使用单位。", citation: "第三条", stableKey: "a3" },
    { id: "p1", parentId: "a3", kind: "paragraph", label: "第一款", text: "本条例下列用语的含义：", citation: "第三条", stableKey: "a3-p1" },
    { id: "i1", parentId: "p1", kind: "item", label: "（一）", text: "电梯；", citation: "第三条第一项", stableKey: "a3-p1-i1" },
    { id: "i2", parentId: "p1", kind: "item", label: "（二）", text: "使用单位。", citation: "第三条第二项", stableKey: "a3-p1-i2" },
    { id: "a4", parentId: null, kind: "article", label: "第四条", text: "其他。", citation: "第四条", stableKey: "a4" },
  ];

  it("takes the article (first in reading order) with everything under it, and offers the narrower citations", () => {
    const target = clauseTarget(rows, "第三条")!;
    expect(target.clauses.map((c) => c.id)).toEqual(["a3", "p1", "i1", "i2"]);
    expect(target.clauses[0].parentId).toBeNull();
    expect(target.choices).toEqual([
      { citation: "第三条", label: "第三条（整条）" },
      { citation: "第三条第一项", label: "第三条第一项" },
      { citation: "第三条第二项", label: "第三条第二项" },
    ]);
    expect(clauseTarget(rows, "第四条")!.choices).toEqual([{ citation: "第四条", label: "第四条" }]);
    expect(clauseTarget(rows, "第九十九条")).toBeNull();
  });

  it("treats empty and 总体意见 as a general comment, ignoring spaces", () => {
    expect([normaliseCitation(""), normaliseCitation(" 总体 意见 "), normaliseCitation(null), normaliseCitation("第 三 条")]).toEqual([null, null, null, "第三条"]);
  });
});

describe("deadlines in China time", () => {
  // 2026-12-31 24:00 in Beijing, as deadline dates are stored.
  const endOfDay = new Date(Date.UTC(2026, 11, 31, 16, 0, 0) - 1).toISOString();

  it("writes a deadline at the end of a day as 24:00, others to the minute", () => {
    expect(formatDeadline(endOfDay)).toBe("2026年12月31日 24:00");
    expect(formatDeadline("2026-12-30T08:56:00.000Z")).toBe("2026年12月30日 16:56");
  });

  it("counts calendar days left in China", () => {
    const at = (iso: string) => new Date(iso).getTime();
    expect(daysLeftText(endOfDay, at("2026-12-01T02:00:00Z"))).toBe("还剩 30 天");
    expect(daysLeftText(endOfDay, at("2026-12-30T15:00:00Z"))).toBe("明天截止");
    expect(daysLeftText(endOfDay, at("2026-12-30T16:30:00Z"))).toBe("今天截止");
    expect(daysLeftText(endOfDay, at("2027-01-01T00:00:00Z"))).toBe("已截止");
  });
});
