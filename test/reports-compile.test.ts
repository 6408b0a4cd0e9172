// The compiled report on a fixture, checked clause by clause: 总体意见 first, then document order; merged comments,
// comments identical after normalising, hidden and withdrawn ones left out, forum speakers, residents masked.
import { createTestDatabase, type TestDatabase } from "./helpers/database";
import { loadDemoData } from "../seeds/load-demo-data";
import { addReportFixture, FORUM_RESIDENT, RESIDENT, type ReportFixture } from "./helpers/report-fixture";
import { loadReportInput } from "../app/reports/report-input.server";
import { compileReport } from "../app/reports/compile";
import { reportSha256 } from "../app/reports/report-hash";
import { submitComment } from "../app/commands/submit-comment.server";
import type { ReportDocument } from "../app/reports/report-document";

let db: TestDatabase;
let fixture: ReportFixture;

beforeAll(async () => {
  db = await createTestDatabase();
  await loadDemoData(db.prisma);
  fixture = await addReportFixture(db.prisma);
});

afterAll(async () => {
  await db?.drop();
});

async function compile(reportVersion = 1, at = new Date("2027-01-02T03:04:05Z")): Promise<ReportDocument> {
  const input = await loadReportInput(db.prisma, { consultationId: fixture.consultationId, reportVersion });
  return compileReport(input!, at);
}

describe("compiling a consultation's report", () => {
  it("lists 总体意见 first, then each clause with opinions in document order", async () => {
    const doc = await compile();
    expect(doc.schema).toBe("lifa.feedback-report/1");
    expect(doc.contactPoint.name).toBe("惠山区前洲街道人大工委");
    expect(doc.draft.title).toBe("某市电梯安全管理条例（草案）");
    expect(doc.version).toMatchObject({ label: "征求意见稿", versionNo: 1 });
    expect(doc.items.map((i) => i.citation)).toEqual([
      "总体意见",
      "第二条第二款",
      "第三条第四项",
      "第八条",
      "第十条第一款第二项",
      "第十二条第一款",
      "第十三条第五项第三目",
    ]);
    expect(doc.items.map((i) => i.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it("总体意见: a deputy's opinion under the deputy's name, an unnamed forum voice counted", async () => {
    const [general] = (await compile()).items;
    expect(general).toMatchObject({ clauseId: null, stableKey: null, originalText: null });
    expect(general.suggestions.map((s) => [s.text, s.sources, s.supporters, s.redline])).toEqual([
      ["建议增加既有住宅加装电梯的相关规定。", ["代表 王代表"], 1, null],
      ["希望尽快出台条例。", ["座谈会（1人）"], 1, null],
    ]);
    expect(general.suggestions[0].reasons).toEqual(["老旧小区居民需求集中。"]);
    expect(general.suggestions[0].kind).toBe("principle");
  });

  it("a paragraph to delete: the original struck through as the red-line", async () => {
    const item = (await compile()).items[1];
    expect(item.originalText).toBe("安装在私人住宅内、仅供单一家庭使用的电梯，不适用本条例。");
    expect(item.stableKey).toBe("a2-p2");
    const [s] = item.suggestions;
    expect(s).toMatchObject({ kind: "delete", suggestedText: null, sources: ["联络员 陈联络"], supporters: 1, reasons: ["私人住宅电梯也存在安全隐患。"] });
    expect(s.redline).toEqual([{ op: "delete", text: item.originalText }]);
  });

  it("an item: suggested wording red-lined against the original; a resident by phone masked", async () => {
    const item = (await compile()).items[2];
    expect(item.originalText).toBe("老旧电梯，是指投入使用满十五年，或者经安全评估存在较大事故隐患的电梯。");
    const [s] = item.suggestions;
    expect(s.sources).toEqual(["居民 赵**（137****1111）"]);
    expect(s.redline!.filter((x) => x.op !== "equal")).toEqual([
      { op: "delete", text: "十五年" },
      { op: "insert", text: "十年" },
    ]);
    expect(s.redline!.filter((x) => x.op !== "insert").map((x) => x.text).join("")).toBe(item.originalText);
    expect(s.redline!.filter((x) => x.op !== "delete").map((x) => x.text).join("")).toBe(s.suggestedText);
  });

  it("an article: three comments staff merged are one suggestion raised by 3 people, the kept one's wording", async () => {
    const item = (await compile()).items[3];
    expect(item.originalText).toContain("电梯制造单位对其制造的电梯安全性能负责");
    expect(item.originalText).toContain("\n电梯制造单位不得以技术保护为由");
    expect(item.suggestions).toHaveLength(1);
    const [s] = item.suggestions;
    expect(s.text).toBe("建议明确制造单位提供技术资料的期限。");
    expect(s.supporters).toBe(3);
    expect(s.commentIds).toEqual([fixture.ids.a8a, fixture.ids.a8b, fixture.ids.a8c]);
    expect(s.sources).toEqual(["代表 王代表", "代表 赵代表", `居民 ${RESIDENT.masked}）`]);
  });

  it("an item of a paragraph, entered by staff", async () => {
    const item = (await compile()).items[4];
    expect(item.originalText).toBe("监督检验证明；");
    expect(item.suggestions[0].redline).toEqual([
      { op: "equal", text: "监督检验证明" },
      { op: "insert", text: "原件" },
      { op: "equal", text: "；" },
    ]);
  });

  it("a paragraph: opinions identical after normalising punctuation and spaces are one suggestion, 2 people, reasons once", async () => {
    const item = (await compile()).items[5];
    expect(item.suggestions).toHaveLength(1);
    const [s] = item.suggestions;
    expect(s.supporters).toBe(2);
    expect(s.commentIds.sort()).toEqual([fixture.ids.a12same1, fixture.ids.a12same2].sort());
    expect(s.reasons).toEqual(["高层住宅电梯使用频繁。"]);
    expect(s.sources).toEqual([`居民 ${RESIDENT.masked}）`, "居民（微信）"]);
    expect(s.redline!.filter((x) => x.op !== "equal").map((x) => x.text)).toEqual(["十五日", "十日"]);
  });

  it("a subitem: forum speakers — the deputy by name, the resident masked with occupation", async () => {
    const item = (await compile()).items[6];
    expect(item.originalText).toBe("维护保养记录保存期限不少于四年；");
    expect(item.suggestions.map((s) => s.sources)).toEqual([["代表 王代表（座谈会）"], ["居民 李**（139****5432，退休教师，座谈会）"]]);
  });

  it("leaves out hidden and withdrawn opinions, and never carries residents' names or phones", async () => {
    const doc = await compile();
    const json = JSON.stringify(doc);
    expect(json).not.toContain("广告");
    expect(json).not.toContain("已撤回的意见");
    expect(doc.items.some((i) => i.citation.startsWith("第九条"))).toBe(false);
    for (const secret of [RESIDENT.name, RESIDENT.phone, FORUM_RESIDENT.name, FORUM_RESIDENT.phone, "赵六", "13700001111"]) expect(json).not.toContain(secret);
  });

  it("counts comments, people, sources, chapters and forums", async () => {
    const { counts, period, summary } = await compile();
    expect(counts).toMatchObject({ comments: 12, people: 8, forums: 1, forumAttendees: 14, suggestions: 9, clauses: 6 });
    expect(counts.bySource).toEqual({ forum: 3, deputy: 3, staff: 2, collector: 0, public: 2, phone: 1, paper: 0, wechat: 1, letter: 0, visit: 0 });
    expect(counts.byChapter.slice(0, 3)).toEqual([
      { chapter: "总体意见", comments: 2 },
      { chapter: "第一章 总则", comments: 2 },
      { chapter: "第二章 生产、安装与维护保养", comments: 8 },
    ]);
    expect(counts.byChapter.reduce((n, c) => n + c.comments, 0)).toBe(counts.comments);
    expect(new Date(period.from).getTime()).toBeLessThan(new Date(period.to).getTime());
    expect(summary).toContain("共收到意见建议 12 条");
  });

  it("gives the same SHA-256 for the same opinions whenever and as whichever version it is compiled, another after a change", async () => {
    const first = await compile(1, new Date("2027-01-01T00:00:00Z"));
    const again = await compile(2, new Date("2027-02-01T00:00:00Z"));
    expect(again.generatedAt).not.toBe(first.generatedAt);
    expect(reportSha256(again)).toBe(reportSha256(first));
    expect(reportSha256(first)).toMatch(/^[0-9a-f]{64}$/);

    const consultation = await db.prisma.consultation.findUniqueOrThrow({ where: { id: fixture.consultationId } });
    const extra = await submitComment(db.prisma, { consultation, announce: false, source: "deputy", authorId: fixture.deputyId, citation: "第七条", body: "建议增加行业协会的监督职责。", now: new Date(consultation.deadline.getTime() - 86_400_000) });
    try {
      expect(reportSha256(await compile(3))).not.toBe(reportSha256(first));
    } finally {
      await db.prisma.comment.delete({ where: { id: extra.id } });
    }
  });
});
