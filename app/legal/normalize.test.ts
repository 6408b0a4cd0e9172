import { describe, expect, it } from "vitest";
import { INFO_END, normalizeLegalText } from "./normalize";

describe("normalizeLegalText", () => {
  it("keeps the text's own characters and maps each line back to its 1-based input line", () => {
    const input = "\ufeff# 标题\r\n\r\n> （2020年1月1日通过）\r\n<!-- TABLE -->\r\n第一章\r\n总　则\r\n- 2 -\r\n第一条\u2002甲\u200b乙。  \r\n";
    const { lines, text } = normalizeLegalText(input);
    expect(lines.map((l) => [l.line, l.role, l.text])).toEqual([
      [1, "title", "标题"],
      [3, "note", "（2020年1月1日通过）"],
      [5, "body", "第一章\u3000总则"],
      [8, "body", "第一条\u3000甲乙。"],
    ]);
    expect(text).toBe(`# 标题\n（2020年1月1日通过）\n${INFO_END}\n第一章\u3000总则\n第一条\u3000甲乙。\n`);
  });

  it("is idempotent: the canonical text normalises to itself", () => {
    const input = "# 甲\n\n甲\n\n目  录\n\n第一章  总则\n\n第一章  总则\n\n第一条  正文。\n\n（一） 项；\n";
    const once = normalizeLegalText(input).text;
    expect(normalizeLegalText(once).text).toBe(once);
    expect(once).toBe("# 甲\n目录\n第一章\u3000总则\n第一章\u3000总则\n第一条\u3000正文。\n（一）项；\n");
  });

  it("separates a label written without a space only where that article is expected", () => {
    const input = "# 甲\n第一条为了甲，制定本条例。\n第二条：乙。\n第五条规定的除外。\n第三条丙，\n第四条丁。\n";
    const once = normalizeLegalText(input).text;
    expect(once).toBe("# 甲\n第一条\u3000为了甲，制定本条例。\n第二条\u3000乙。\n第五条规定的除外。\n第三条\u3000丙，\n第四条丁。\n");
    expect(normalizeLegalText(once).text).toBe(once);
  });

  it("does not take a sentence starting with a label for a heading", () => {
    const { lines } = normalizeLegalText("# 甲\n第七节相应改为第八节。\n第二章 这是一句很长的话，不是标题。\n");
    expect(lines.slice(1).map((l) => l.text)).toEqual(["第七节相应改为第八节。", "第二章 这是一句很长的话，不是标题。"]);
  });

  it("returns nothing for blank input", () => {
    expect(normalizeLegalText(" \n\u200b\n").text).toBe("");
  });
});
