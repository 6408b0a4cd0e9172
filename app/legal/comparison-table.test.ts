import { describe, expect, it } from "vitest";
import { ANNEX_DROPPED, ANNEXES, DECISION, PREAMBLE } from "./block-fixtures.test-support";
import { buildComparisonTable, type ComparisonRow } from "./comparison-table";
import { article, chapter, legalDoc } from "./legal-doc-builder.test-support";
import { parseLegalText } from "./parse";
import { applySegments, renderRedlineText } from "./redline";

const A = "为了加强电梯安全管理，预防和减少电梯事故，保障人身和财产安全，制定本条例。";
const B = "本条例适用于本市行政区域内电梯的生产、使用、维护保养、检验检测以及监督管理。";
const C = "市、区人民政府应当加强对电梯安全工作的领导，建立协调机制，做好电梯安全监督管理工作。";
const D = "电梯使用单位应当对电梯的安全运行负责，建立电梯安全管理制度，配备电梯安全管理人员。";
const E = "违反本条例规定的行为，法律、法规已有处罚规定的，从其规定。";
const F = "本条例自2025年1月1日起施行。";

describe("buildComparisonTable", () => {
  const oldDoc = legalDoc(
    chapter("第一章", "总则", article("第一条", A), article("第二条", B), article("第三条", C)),
    chapter("第二章", "使用管理", article("第四条", D), article("第五条", E), article("第六条", F)),
  );
  const newDoc = legalDoc(
    chapter("第一章", "总则", article("第一条", A), article("第二条", "电梯安全工作坚持安全第一、预防为主的原则。"), article("第三条", B)),
    chapter(
      "第二章",
      "使用和维护管理",
      article("第四条", C.replace("监督管理", "监督管理相关")),
      article("第五条", "电梯使用单位应当对电梯的安全运行负责。", "电梯使用单位应当建立电梯安全管理制度，配备电梯安全管理人员。"),
      article("第六条", F),
    ),
  );

  it("lists rows in new order with notes and red-lines, the deleted article where it stood", () => {
    const { rows } = buildComparisonTable(oldDoc, newDoc);
    expect(rows.map((row) => [row.old?.label ?? null, row.new?.label ?? null, row.status, row.note])).toEqual([
      ["第一条", "第一条", "unchanged", ""],
      [null, "第二条", "added", "新增"],
      ["第二条", "第三条", "unchanged", "条序调整（原第二条）"],
      ["第三条", "第四条", "modified", "修改；条序调整（原第三条）"],
      ["第四条", "第五条", "modified", "修改；条序调整（原第四条）"],
      ["第五条", null, "deleted", "删除"],
      ["第六条", "第六条", "unchanged", ""],
    ]);
    const modified = rows[3];
    expect(modified.segments.filter((segment) => segment.op !== "equal")).toEqual([{ op: "insert", text: "相关" }]);
    for (const row of rows) {
      expect(applySegments(row.segments, "old")).toBe(row.old?.text ?? "");
      expect(applySegments(row.segments, "new")).toBe(row.new?.text ?? "");
    }
  });

  it("adds clause rows under changed articles of several clauses, told apart by kind", () => {
    const { rows } = buildComparisonTable(oldDoc, newDoc, { clauses: true });
    const clauseRows = rows.filter((row) => row.kind !== "article");
    expect(clauseRows.map((row) => [row.kind, row.old?.label ?? null, row.new?.label ?? null, row.status])).toEqual([
      ["paragraph", null, "第五条第一款", "added"],
      ["paragraph", "第四条第一款", "第五条第二款", "modified"],
    ]);
    expect(rows.indexOf(clauseRows[0])).toBe(rows.findIndex((row) => row.new?.label === "第五条") + 1);
  });

  it("adds heading rows before the first article under each heading", () => {
    const { rows } = buildComparisonTable(oldDoc, newDoc, { headings: true });
    const headings = rows.filter((row) => row.kind === "chapter");
    expect(headings.map((row) => [row.new?.text, row.status, row.note])).toEqual([
      ["总则", "unchanged", ""],
      ["使用和维护管理", "modified", "修改"],
    ]);
    expect(rows[rows.indexOf(headings[1]) + 1].new?.label).toBe("第四条");
  });

  it("words moves, splits and merges in the 说明 column", () => {
    const split = buildComparisonTable(
      legalDoc(article("第一条", A), article("第二条", D + "使用单位应当按照安全技术规范的要求，定期对电梯进行维护保养和自行检查。"), article("第三条", F)),
      legalDoc(article("第一条", A), article("第二条", D), article("第三条", "使用单位应当按照安全技术规范的要求，定期对电梯进行维护保养和自行检查。"), article("第四条", F)),
    );
    expect(split.rows[1].note).toBe("第二条拆分为第二条、第三条");
    const merged = buildComparisonTable(
      legalDoc(article("第一条", A), article("第二条", D), article("第三条", "使用单位应当按照安全技术规范的要求，定期对电梯进行维护保养和自行检查。"), article("第四条", F)),
      legalDoc(article("第一条", A), article("第二条", D + "使用单位应当按照安全技术规范的要求，定期对电梯进行维护保养和自行检查。"), article("第三条", F)),
    );
    expect(merged.rows[1].note).toBe("第二条、第三条合并为第二条");
    const moved = buildComparisonTable(
      legalDoc(article("第一条", A), article("第二条", B), article("第三条", C), article("第四条", D), article("第五条", F)),
      legalDoc(article("第一条", A), article("第二条", C), article("第三条", D), article("第四条", B), article("第五条", F)),
    );
    expect(moved.rows.map((row) => row.note)).toContain("由第二条移至第四条");
  });
});

describe("buildComparisonTable beyond articles", () => {
  const table = (oldText: string, newText: string) =>
    buildComparisonTable(parseLegalText(oldText), parseLegalText(newText), { clauses: true, headings: true }).rows;
  const brief = (rows: ComparisonRow[]) => rows.map((row) => [row.kind, row.old?.label ?? null, row.new?.label ?? null, row.status, row.note]);
  const changes = (row: ComparisonRow) => renderRedlineText(row.segments.filter((segment) => segment.op !== "equal"));
  const rebuildsBothTexts = (rows: ComparisonRow[]) => {
    for (const row of rows) {
      expect(applySegments(row.segments, "old")).toBe(row.old?.text ?? "");
      expect(applySegments(row.segments, "new")).toBe(row.new?.text ?? "");
    }
  };

  it("shows a reworded 序言 paragraph and a new one as preamble rows before the first chapter", () => {
    const rows = table(PREAMBLE.old, PREAMBLE.new);
    expect(brief(rows).slice(0, 4)).toEqual([
      ["preamble", "序言第一自然段", "序言第一自然段", "unchanged", ""],
      ["preamble", "序言第二自然段", "序言第二自然段", "modified", "修改"],
      ["preamble", null, "序言第三自然段", "added", "新增"],
      ["chapter", "第一章", "第一章", "unchanged", ""],
    ]);
    expect(changes(rows[1])).toBe("{+传承+}[-，推动-]{+和革命文化，引导+}");
    rebuildsBothTexts(rows);
  });

  it("shows a changed 附件 line and item as annex rows, with the item's clause row", () => {
    const rows = table(ANNEXES.old, ANNEXES.new).filter((row) => row.kind !== "article");
    expect(brief(rows)).toEqual([
      ["annex", "附件一", "附件一", "unchanged", ""],
      ["annex", "附件一 一、", "附件一 一、", "unchanged", ""],
      ["annex", "附件一 二、", "附件一 二、", "modified", "修改"],
      ["item", "附件一 二、第二项", "附件一 二、第二项", "modified", "修改"],
      ["annex", "附件二", "附件二", "unchanged", ""],
      ["annex", "附件二第一目", "附件二第一目", "modified", "修改"],
      ["annex", "附件二第二目", "附件二第二目", "unchanged", ""],
    ]);
    expect(rows[0].new).toEqual({ label: "附件一", text: "电梯安全管理人员职责" });
    expect(changes(rows[5])).toBe("[-定期检验-]{+维护保养+}");
    rebuildsBothTexts(rows);
  });

  it("words a dropped annex and the renumbering of the next", () => {
    const rows = table(ANNEXES.old, ANNEX_DROPPED).filter((row) => row.kind === "annex");
    expect(brief(rows).slice(0, 4)).toEqual([
      ["annex", "附件一", null, "deleted", "删除"],
      ["annex", "附件一 一、", null, "deleted", "删除"],
      ["annex", "附件一 二、", null, "deleted", "删除"],
      ["annex", "附件二", "附件一", "unchanged", "序号调整（原附件二）"],
    ]);
  });

  it("gives a text without articles a heading row per 一、 unit, with its changed clauses", () => {
    const rows = table(DECISION.old, DECISION.new);
    expect(brief(rows)).toEqual([
      ["heading", "一、", "一、", "modified", "修改"],
      ["paragraph", "一、第一自然段", "一、第一自然段", "modified", "修改"],
      ["item", "一、第二项", "一、第二项", "modified", "修改"],
      ["item", null, "一、第三项", "added", "新增"],
      ["heading", "二、", "二、", "modified", "修改"],
      ["subitem", "二、第一目", "二、第一目", "modified", "修改"],
      ["heading", "三、", "三、", "modified", "修改"],
    ]);
    expect(changes(rows[6])).toBe("[-公布之-]{+2025年1月1+}");
    rebuildsBothTexts(rows);
  });
});
