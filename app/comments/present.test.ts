import { presentComment, type CommentRecord } from "./present";
import { sourceFor } from "./annotation-input";
import { articleCitations, curationSearch, parseCurationQuery } from "./curation-query";

const base: CommentRecord = {
  id: "c1",
  clauseId: "row-12-2",
  clause: { citation: "第十二条第二款" },
  source: "phone",
  kind: "amend",
  status: "active",
  body: "意见",
  suggestedText: null,
  reason: null,
  anchor: { clauseId: "a12-p2", quote: { exact: "按需维护保养", prefix: "", suffix: "" }, start: 40, end: 46 },
  submitterName: "张三丰",
  submitterPhone: "13812345678",
  submitterOccupation: "退休教师",
  supporterCount: 1,
  mergedIntoId: null,
  hiddenReason: null,
  createdAt: new Date("2026-12-01T02:00:00Z"),
  author: { displayName: "李信息", role: "collector" },
  receiver: null,
};

describe("presentComment", () => {
  it("shows a resident in full only to the contact point's staff", () => {
    expect(presentComment(base, "staff").who).toBe("群众 张三丰（13812345678，退休教师）");
    for (const role of ["deputy", "collector", "legislature", "admin"] as const) {
      const { who } = presentComment(base, role);
      expect(who).toBe("群众 张**（138****5678，退休教师）");
    }
  });

  it("names who typed a resident's opinion, and deputies and staff under their own names", () => {
    expect(presentComment(base, "deputy").enteredBy).toBe("李信息（信息员）");
    const own = presentComment({ ...base, source: "deputy", author: { displayName: "王代表", role: "deputy" }, submitterName: null, submitterPhone: null, submitterOccupation: null }, "collector");
    expect(own).toMatchObject({ who: "王代表（人大代表）", enteredBy: null });
  });

  it("says when a resident left no name, and reads the quote from the anchor", () => {
    const anonymous = presentComment({ ...base, submitterName: null, submitterPhone: null, submitterOccupation: null, author: null, source: "public" }, "staff");
    expect(anonymous.who).toBe("群众（未留姓名）");
    expect(anonymous.quote).toEqual({ text: "按需维护保养", start: 40, end: 46 });
    expect(presentComment({ ...base, anchor: { nonsense: true } }, "staff").quote).toBeNull();
    expect(presentComment({ ...base, clause: null, clauseId: null }, "staff").citation).toBe("总体意见");
  });
});

describe("sourceFor", () => {
  it("stores own opinions under the role and gathered ones under their channel; deputies only give their own", () => {
    expect(sourceFor("deputy", undefined)).toBe("deputy");
    expect(sourceFor("deputy", "own")).toBe("deputy");
    expect(sourceFor("deputy", "phone")).toBeNull();
    expect(sourceFor("staff", "own")).toBe("staff");
    expect(sourceFor("collector", "letter")).toBe("letter");
    expect(sourceFor("legislature", "own")).toBeNull();
  });
});

describe("curation query", () => {
  it("keeps known filters, drops unknown ones, bounds the page", () => {
    const query = parseCurationQuery(new URLSearchParams("clause=第十二条 第二款&kind=amend&source=evil&status=hidden&page=99999999"));
    expect(query).toEqual({ clause: "第十二条第二款", kind: "amend", source: undefined, status: "hidden", page: 10_000 });
    expect(parseCurationQuery(new URLSearchParams("page=-3&kind=__proto__")).page).toBe(1);
    expect(parseCurationQuery(new URLSearchParams("kind=__proto__")).kind).toBeUndefined();
    expect(curationSearch({ clause: "总体意见", page: 2 })).toBe(`?clause=${encodeURIComponent("总体意见")}&page=2`);
    expect(curationSearch({ page: 1 })).toBe("");
  });

  it("finds the article each clause belongs to", () => {
    const rows = [
      { id: "ch", parentId: null, kind: "chapter", citation: "", label: "第一章" },
      { id: "a", parentId: "ch", kind: "article", citation: "第三条", label: "第三条" },
      { id: "p", parentId: "a", kind: "paragraph", citation: "第三条", label: "第一款" },
      { id: "i", parentId: "p", kind: "item", citation: "第三条第一项", label: "（一）" },
    ];
    const articles = articleCitations(rows);
    expect([articles.get("i"), articles.get("p"), articles.get("a"), articles.get("ch")]).toEqual(["第三条", "第三条", "第三条", "第一章"]);
  });
});
