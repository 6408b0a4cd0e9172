import { parseLegalText } from "~/legal/parse";
import { countClauses, warningMessage, warningViews } from "./parse-summary";

describe("parse summary", () => {
  it("counts chapters, articles, paragraphs and items", () => {
    const doc = parseLegalText("某条例\n第一章　总则\n第一条　甲。\n乙。\n第二条　下列：\n（一）一；\n（二）二。\n第二章　附则\n第三条　施行。");
    expect(countClauses(doc)).toEqual({ chapters: 2, sections: 0, articles: 3, paragraphs: 4, items: 2 });
  });

  it("words the engine's warnings in Chinese, at the engine's line", () => {
    const doc = parseLegalText("某条例\n第一条　甲。\n第二条　乙。\n第二条　丙。\n第五条　丁。\n第四条　戊。");
    const views = warningViews(doc.warnings);
    expect(views.map((w) => w.line)).toEqual(doc.warnings.map((w) => w.line));
    expect(views.map((w) => w.message)).toEqual(
      expect.arrayContaining(["第二条重复出现。", "第五条紧接在第二条之后，中间缺少条文编号。"]),
    );
    for (const view of views) expect(view.message).toMatch(/[\u4e00-\u9fff].*。$/u);
  });

  it("has a Chinese sentence for every code, even one the engine adds later", () => {
    for (const code of ["numbering-gap", "numbering-duplicate", "numbering-order", "empty", "label-as-text", "unplaced", "something-new"]) {
      expect(warningMessage({ line: 1, code, message: "in English" })).toMatch(/[\u4e00-\u9fff].*。$/u);
    }
    expect(warningMessage({ line: 1, code: "numbering-gap", message: "Article numbering starts at 第三条 instead of 第一条" })).toBe("条文编号从第三条开始，而不是第一条。");
    expect(warningMessage({ line: 1, code: "numbering-order", message: "第四条 comes after 第五条" })).toBe("第四条排在第五条之后，条序颠倒。");
    expect(warningMessage({ line: 1, code: "empty", message: "第七条 has no text" })).toBe("第七条没有条文内容。");
  });
});
