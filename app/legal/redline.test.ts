import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applySegments, redline, renderRedlineHtml, renderRedlineText, tokenize } from "./redline";
import type { DiffSegment } from "./types";

const pieces = ["监督", "管理", "相关", "工作", "，", "。", "、", "（一）", "的", "应当", "人民政府", " ", "a", "B1", "“", "”", "\n", "条"];
const legalish = fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((parts) => parts.join(""));
const mixed = fc.oneof(legalish, fc.string({ maxLength: 40 }), fc.string({ unit: "grapheme", maxLength: 20 }));

function expectWellFormed(segments: DiffSegment[]) {
  for (const [index, segment] of segments.entries()) {
    expect(segment.text).not.toBe("");
    const next = segments[index + 1];
    if (next) {
      expect(next.op === segment.op).toBe(false);
      expect(segment.op === "insert" && next.op === "delete").toBe(false);
    }
  }
}

describe("redline", () => {
  it("rebuilds both texts from its segments (property)", () => {
    fc.assert(
      fc.property(mixed, mixed, (oldText, newText) => {
        const segments = redline(oldText, newText);
        expect(applySegments(segments, "old")).toBe(oldText);
        expect(applySegments(segments, "new")).toBe(newText);
        expectWellFormed(segments);
      }),
      { numRuns: 500 },
    );
  });

  it("rebuilds texts derived from each other by small edits (property)", () => {
    fc.assert(
      fc.property(legalish, fc.nat(), fc.nat(), legalish, (base, at, length, insertion) => {
        const start = at % (base.length + 1);
        const edited = base.slice(0, start) + insertion + base.slice(start + (length % 5));
        const segments = redline(base, edited);
        expect(applySegments(segments, "old")).toBe(base);
        expect(applySegments(segments, "new")).toBe(edited);
        expectWellFormed(segments);
      }),
      { numRuns: 300 },
    );
  });

  it("keeps the shared part of a replaced word and inserts only the new characters", () => {
    expect(redline("做好电梯安全监督管理工作。", "做好电梯安全监督管理相关工作。")).toEqual([
      { op: "equal", text: "做好电梯安全监督管理" },
      { op: "insert", text: "相关" },
      { op: "equal", text: "工作。" },
    ]);
    expect(renderRedlineText(redline("市人民政府建立协调机制", "市人民政府建立健全协调机制"))).toBe(
      "市人民政府建立{+健全+}协调机制",
    );
  });

  it("puts deletions before insertions and keeps punctuation out of words", () => {
    expect(renderRedlineText(redline("报省城乡建设主管部门审批。", "依法报省林业主管部门审批；"))).toBe(
      "{+依法+}报省[-城乡建设-]{+林业+}主管部门审批[-。-]{+；+}",
    );
    expect(tokenize("处理（二）事项，")).toEqual(["处理", "（", "二", "）", "事项", "，"]);
  });

  it("reads a rewritten list as one replacement rather than fragments around 、", () => {
    const text = renderRedlineText(redline("建设、规划、国土、旅游等部门", "自然资源和规划、住房和城乡建设、市政园林等部门"));
    expect(text).toBe("[-建设、规划、国土、旅游-]{+自然资源和规划、住房和城乡建设、市政园林+}等部门");
  });

  it("handles empty sides and identical texts", () => {
    expect(redline("", "")).toEqual([]);
    expect(redline("同", "同")).toEqual([{ op: "equal", text: "同" }]);
    expect(redline("", "新增")).toEqual([{ op: "insert", text: "新增" }]);
    expect(redline("删除", "")).toEqual([{ op: "delete", text: "删除" }]);
  });

  it("renders escaped HTML with <del> and <ins>", () => {
    const html = renderRedlineHtml([
      { op: "equal", text: "a<b>&" },
      { op: "delete", text: "\"旧\"" },
      { op: "insert", text: "新'" },
    ]);
    expect(html).toBe("a&lt;b&gt;&amp;<del>&quot;旧&quot;</del><ins>新&#39;</ins>");
  });
});
