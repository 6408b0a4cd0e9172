// Drafts that bend the conventions (missing spaces, wrapped references, stray numbers, status lines): the parser
// keeps the structure it can be sure of and reports every label line it does not take as structure.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseLegalText } from "./parse";
import { find, outline, parse } from "./parse.test-support";
import type { ParsedDocument } from "./types";

const codes = (doc: ParsedDocument) => doc.warnings.map((w) => [w.line, w.code]);

describe("parseLegalText: new text announced by 如下： only in amendment instruments", () => {
  const withList = "第一章　总则\n第一条　甲。\n第二条　具体如下：\n（一）甲；\n（二）乙。\n第二章　管理\n第三条　丙。\n第四条　丁。\n";

  it("keeps the chapter after an article whose lead-in ends 如下： and whose items follow", () => {
    for (const title of ["# 某市物业管理条例", "# 某市人大常委会关于修改《某条例》的决定"]) {
      const doc = parse(`${title}\n${withList}`);
      expect(doc.warnings).toEqual([]);
      expect(outline(doc).filter((l) => !l.startsWith("    "))).toEqual([
        "chapter ch1 第一章|总则",
        "  article a1 第一条|甲。",
        "  article a2 第二条|具体如下：",
        "chapter ch2 第二章|管理",
        "  article a3 第三条|丙。",
        "  article a4 第四条|丁。",
      ]);
    }
  });

  it("takes a gap after 如下： in an ordinary text for a gap, and reports it", () => {
    const doc = parse("# 某市物业管理条例\n第一条　甲。\n第二条　要求如下：\n第四条　乙。\n第五条　丙。\n第二章　附则\n第六条　丁。\n");
    expect(codes(doc)).toEqual([[4, "numbering-gap"]]);
    expect(find(doc, "a2").text).toBe("要求如下：");
    expect(find(doc, "a4").text).toBe("乙。");
    expect(find(doc, "ch2").children.map((a) => a.label)).toEqual(["第六条"]);
  });
});

describe("parseLegalText: 第X条 written without a space", () => {
  it("reads a draft where no article has a space after its number", () => {
    const doc = parse("某市养犬管理条例（草案）\n第一条为了规范养犬行为，制定本条例。\n第二条本市行政区域内的养犬活动适用本条例。\n第三条：市公安机关负责实施。\n");
    expect(doc.warnings).toEqual([]);
    expect(outline(doc)).toEqual([
      "article a1 第一条|为了规范养犬行为，制定本条例。",
      "  paragraph a1-p1 第一款|为了规范养犬行为，制定本条例。",
      "article a2 第二条|本市行政区域内的养犬活动适用本条例。",
      "  paragraph a2-p1 第一款|本市行政区域内的养犬活动适用本条例。",
      "article a3 第三条|市公安机关负责实施。",
      "  paragraph a3-p1 第一款|市公安机关负责实施。",
    ]);
  });

  it("reads one article whose space is missing", () => {
    const doc = parse("# 示例条例\n第一条　甲。\n第二条乙。\n第三条　丙。\n");
    expect(doc.warnings).toEqual([]);
    expect(find(doc, "a1").children).toHaveLength(1);
    expect(find(doc, "a2").text).toBe("乙。");
  });

  it("keeps a reference starting a line as text, and says so with its line", () => {
    const doc = parse("# 示例条例\n第一条　甲。\n第五条规定的情形除外。\n第二条　乙。\n");
    expect(codes(doc)).toEqual([[3, "label-as-text"]]);
    expect(find(doc, "a1-p2").text).toBe("第五条规定的情形除外。");
    expect(find(doc, "a2").text).toBe("乙。");
  });

  it("reports every 第X条 line of a text in which no article could be recognised", () => {
    const doc = parse("# 示例条例（节选）\n第二条本市行政区域适用本条例。\n第三条市政府负责实施。\n");
    expect(codes(doc)).toEqual([[2, "label-as-text"], [3, "label-as-text"]]);
    expect(find(doc, "preamble").children).toHaveLength(2);
  });
});

describe("parseLegalText: article numbers out of sequence", () => {
  it("takes a 第X条 continuing an unfinished sentence for the wrapped reference it is", () => {
    const doc = parse("# 示例条例\n第一条　甲。\n第二条　有下列情形之一的，依照本条例\n第三十条　的规定处罚。\n第三条　丙。\n");
    expect(codes(doc)).toEqual([[4, "label-as-text"]]);
    expect(find(doc, "a2").children.map((p) => p.text)).toEqual(["有下列情形之一的，依照本条例\n第三十条　的规定处罚。"]);
    expect(find(doc, "a3").text).toBe("丙。");
  });

  it("gives the ~2 to a stray number, not to the article where the numbering expects it", () => {
    const doc = parse("# 示例条例\n第一条　甲。\n第二条　乙。\n第五条　错。\n第三条　丙。\n第四条　丁。\n第五条　戊。\n");
    expect(codes(doc)).toEqual([[4, "numbering-gap"]]);
    expect(find(doc, "a5").text).toBe("戊。");
    expect(find(doc, "a5~2").text).toBe("错。");
  });
});

describe("parseLegalText: a draft's status under its title", () => {
  it("keeps （征求意见稿） and （…起草） as 题注, not as a paragraph of a preamble", () => {
    const doc = parse("某市养犬管理条例（草案）\n（征求意见稿）\n（2026年1月起草）\n\n第一章　总则\n第一条　甲。\n");
    expect(doc.title).toBe("某市养犬管理条例（草案）");
    expect(doc.notes?.map((n) => [n.line, n.text])).toEqual([[2, "（征求意见稿）"], [3, "（2026年1月起草）"]]);
    expect(doc.nodes.map((n) => n.kind)).toEqual(["chapter"]);
    expect(parse("# 某条例\n（草案）\n第一条　甲。\n").notes?.map((n) => n.text)).toEqual(["（草案）"]);
  });

  it("parses the demo drafts with no preamble", () => {
    for (const name of ["elevator-v1.txt", "elevator-v2.txt"]) {
      const text = fs.readFileSync(path.resolve(import.meta.dirname, "../../seeds/drafts", name), "utf8");
      const doc = parseLegalText(text);
      expect(doc.nodes.filter((n) => n.kind === "preamble"), name).toEqual([]);
      expect(doc.notes, name).toHaveLength(1);
      expect(doc.warnings, name).toEqual([]);
    }
  });
});

describe("parseLegalText: citations", () => {
  it("cites full-width article numbers in Chinese numerals", () => {
    const doc = parse("# 示例\n第１条　甲。\n第２条　乙：\n（一）丙；\n（二）丁。\n");
    expect(find(doc, "a2").label).toBe("第２条");
    expect(find(doc, "a2").citation).toBe("第二条");
    expect(find(doc, "a2-p1-i2").citation).toBe("第二条第二项");
  });

  it("cites a 目 nested in a 目 by its label as written", () => {
    const doc = parse("# 示例\n第一条　甲：\n（一）乙；\n（二）丙；\n（三）丁：\n1.戊：\n（1）己；\n（2）庚。\n");
    expect(find(doc, "a1-p1-i3-s1").citation).toBe("第一条第三项第一目");
    expect(find(doc, "a1-p1-i3-s1-s2").citation).toBe("第一条第三项第一目（2）");
  });
});
