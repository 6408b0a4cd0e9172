import { describe, expect, it } from "vitest";
import { buildComparisonTable } from "./comparison-table";
import { article, chapter, legalDoc } from "./legal-doc-builder.test-support";
import { applySegments } from "./redline";

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
