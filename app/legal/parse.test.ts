// Small hand-written fixtures, one per layout variant the parser must handle.
import { describe, expect, it } from "vitest";
import { find, outline, parse } from "./parse.test-support";

describe("parseLegalText: layout variants", () => {
  it("flk layout: repeated title, 题注, 目录, heading split over two lines, two-space labels, footers", () => {
    const doc = parse(
      [
        "# 某市文明行为促进条例", "", "某市文明行为促进条例", "",
        "（2023年6月1日某市第一届人民代表大会常务委员会第二次会议通过  2023年7月1日某省人民代表大会常务委员会批准）",
        "目  录", "第一章  总则", "第二章  附则", "",
        "第一章", "总则", "",
        "第一条  为了促进文明行为，制定本条例。  ",
        "第二条  本条例适用于本市。", "─ 2 ─", "─ 1 ─",
        "第二章  附则",
        "第三条  本条例自2024年1月1日起施行。",
      ].join("\r\n"),
    );
    expect(doc.title).toBe("某市文明行为促进条例");
    expect(doc.notes?.map((n) => n.line)).toEqual([5]);
    expect(doc.warnings).toEqual([]);
    expect(outline(doc)).toEqual([
      "toc toc 目录|第一章　总则",
      "chapter ch1 第一章|总则",
      "  article a1 第一条|为了促进文明行为，制定本条例。",
      "    paragraph a1-p1 第一款|为了促进文明行为，制定本条例。",
      "  article a2 第二条|本条例适用于本市。",
      "    paragraph a2-p1 第一款|本条例适用于本市。",
      "supplementary ch2 第二章|附则",
      "  article a3 第三条|本条例自2024年1月1日起施行。",
      "    paragraph a3-p1 第一款|本条例自2024年1月1日起施行。",
    ]);
    expect(find(doc, "ch1").line).toBe(10);
  });

  it("article number alone on its line, paragraphs not separated by blank lines", () => {
    const doc = parse("# 示例条例\n第一条\n第一款正文。\n第二款正文。\n\n第二条 正文。\n");
    expect(find(doc, "a1").children.map((p) => p.text)).toEqual(["第一款正文。", "第二款正文。"]);
    expect(find(doc, "a1-p2").citation).toBe("第一条第二款");
    expect(find(doc, "a2-p1").citation).toBe("第二条");
    expect(find(doc, "a1").line).toBe(2);
  });

  it("EN SPACE, ideographic space, several spaces and zero-width spaces as separators", () => {
    const doc = parse("\ufeff# 示例\n## 第一章\u2002总　　则\n第一条\u3000甲。\n\u200b\n第二条   乙。\u200b\n");
    expect(find(doc, "ch1").text).toBe("总则");
    expect(find(doc, "a1").text).toBe("甲。");
    expect(find(doc, "a2").text).toBe("乙。");
    expect(doc.warnings).toEqual([]);
  });

  it("LawRefBook Markdown: #/## headings, metadata before <!-- INFO END -->, FORCE BREAK, **bold**", () => {
    const doc = parse(
      "# 示例法\n\n2020年1月1日 第一次会议通过\n\n<!-- INFO END -->\n\n## 第一编 总则\n\n### 第一章 任务\n\n" +
        "第一条 **任务**是保护人民。\n\n<!-- FORCE BREAK -->\n\n第一条之一 插入的条文。\n\n第二条 下列行为：\n\n（一）甲；\n\n（二）乙：\n\n1．子目一；\n\n2．子目二。\n",
    );
    expect(doc.notes?.map((n) => n.text)).toEqual(["2020年1月1日 第一次会议通过"]);
    expect(find(doc, "a1").text).toBe("任务是保护人民。");
    expect(find(doc, "a1s1").citation).toBe("第一条之一");
    expect(find(doc, "a2-p1-i2-s2").citation).toBe("第二条第二项第二目");
    expect(find(doc, "pt1-ch1").kind).toBe("chapter");
    expect(doc.warnings).toEqual([]);
  });

  it("a 题注 in a > blockquote over several lines, and a title repeated over two lines", () => {
    const doc = parse(
      "# 某市人大常委会关于修改《某条例》的决定\n\n某市人大常委会\n\n关于修改《某条例》的决定\n\n" +
        "> （2022年3月17日某市人大常委会\n> 第一次会议通过）\n\n一、将第五条修改为：“甲。”\n\n二、删去第六条。\n",
    );
    expect(doc.title).toBe("某市人大常委会关于修改《某条例》的决定");
    expect(doc.notes).toHaveLength(2);
    expect(outline(doc)).toEqual(["heading h1 一、|将第五条修改为：“甲。”", "heading h2 二、|删去第六条。"]);
  });

  it("amendment text: quoted paragraphs and items are not structure of the instrument", () => {
    const doc = parse(
      "# 某法修正案\n\n一、将某法第十条修改为：“第十条 新的第一款。\n\n“（一）引用的项；\n\n“第十一条 不是本文件的条文。”\n\n二、增加一条。\n",
    );
    expect(outline(doc)).toEqual([
      "heading h1 一、|将某法第十条修改为：“第十条 新的第一款。",
      "  paragraph h1-p1 第一自然段|“（一）引用的项；",
      "  paragraph h1-p2 第二自然段|“第十一条 不是本文件的条文。”",
      "heading h2 二、|增加一条。",
    ]);
  });

  it("amendment text: unquoted new articles after 内容如下： stay inside the amending article", () => {
    const doc = parse(
      "# 某法修正案（2030年）\n\n第五条 某法增加一节，内容如下：\n\n第七节 新机构\n\n第九十条 新条文。\n\n第六条 本修正案自公布之日起施行。\n",
    );
    expect(doc.warnings).toEqual([]);
    expect(find(doc, "a5").children.map((p) => p.text)).toEqual(["某法增加一节，内容如下：", "第七节　新机构", "第九十条　新条文。"]);
    expect(find(doc, "a6").text).toBe("本修正案自公布之日起施行。");
  });

  it("texts without articles: 一、 > （一） > 1. > （1）", () => {
    const doc = parse(
      "# 某规定\n\n为了规范工作，制定本规定。\n\n## 一、一般规定\n\n1.第一目。\n\n2.有下列情形：\n\n（1）甲；\n\n（2）乙。\n\n3.第三目。\n\n二、其他\n\n（一）项一；\n\n（二）项二。\n",
    );
    expect(outline(doc)).toEqual([
      "preamble preamble |",
      "  paragraph preamble-p1 第一自然段|为了规范工作，制定本规定。",
      "heading h1 一、|一般规定",
      "  subitem h1-s1 1.|第一目。",
      "  subitem h1-s2 2.|有下列情形：",
      "    subitem h1-s2-s1 （1）|甲；",
      "    subitem h1-s2-s2 （2）|乙。",
      "  subitem h1-s3 3.|第三目。",
      "heading h2 二、|其他",
      "  item h2-i1 （一）|项一；",
      "  item h2-i2 （二）|项二。",
    ]);
  });

  it("序言 and annexes with their content; an annex title on the next line", () => {
    const doc = parse(
      "# 示例法\n\n## 序言\n\n第一段。\n\n第二段。\n\n## 第一章 总则\n\n第一条 正文。\n\n附件：\n示例清单\n\n1．条目一\n\n2．条目二\n",
    );
    expect(find(doc, "preamble-p2").citation).toBe("序言第二自然段");
    const annex = find(doc, "ax1");
    expect([annex.label, annex.text]).toEqual(["附件", "示例清单"]);
    expect(annex.children.map((c) => c.label)).toEqual(["1．", "2．"]);
  });

  it("a line continuing a paragraph (ends with ，) and a line between two items", () => {
    const doc = parse(
      "# 示例\n\n第一条 委员会由下列人员组成：\n\n主任，\n\n委员若干人。\n\n第二款。\n\n第二条 在下列场合：\n\n（一）甲会议；\n\n乙会议；\n\n（二）丙会议。\n",
    );
    expect(find(doc, "a1").children.map((p) => p.text)).toEqual(["委员会由下列人员组成：\n主任，\n委员若干人。", "第二款。"]);
    expect(find(doc, "a2-p1-i1").text).toBe("甲会议；\n乙会议；");
  });
});

describe("parseLegalText: pasted drafts", () => {
  it("takes a plain short first line as the title, and none when the text starts with an article", () => {
    expect(parse("某某条例（征求意见稿）\n\n第一章　总则\n\n第一条　甲。\n").title).toBe("某某条例（征求意见稿）");
    const untitled = parse("第一条　甲。\n第二条　乙：\n（一）丙；\n（二）丁。\n");
    expect(untitled.title).toBe("");
    expect(find(untitled, "a2-p1-i2").citation).toBe("第二条第二项");
  });
});

describe("parseLegalText: warnings instead of silent guesses", () => {
  it("reports gaps, duplicates and out-of-order article numbers", () => {
    const doc = parse("# 示例\n\n第一条 甲。\n\n第三条 乙。\n\n第三条 丙。\n\n第二条 丁。\n");
    expect(doc.warnings.map((w) => [w.line, w.code])).toEqual([
      [5, "numbering-gap"],
      [7, "numbering-duplicate"],
      [9, "numbering-order"],
    ]);
    expect(find(doc, "a3~2").text).toBe("丙。");
  });

  it("does not treat 第X条之一 as a gap, but reports 之三 after 之一", () => {
    expect(parse("# 示例\n第一条 甲。\n第一条之一 乙。\n第二条 丙。\n").warnings).toEqual([]);
    expect(parse("# 示例\n第一条 甲。\n第一条之一 乙。\n第一条之三 丙。\n").warnings.map((w) => w.code)).toEqual(["numbering-gap"]);
  });

  it("reports a text whose articles do not start at 第一条, except amendments and books of a code", () => {
    expect(parse("# 示例条例\n第二条 甲。\n").warnings.map((w) => w.code)).toEqual(["numbering-gap"]);
    expect(parse("# 某法修正案\n第三十二条 甲。\n").warnings).toEqual([]);
  });

  it("reports lines it cannot place and empty articles", () => {
    const doc = parse("# 示例\n\n## 第一章 总则\n\n无处安放的一段。\n\n第一条 甲。\n\n第二条\n");
    expect(doc.warnings.map((w) => [w.line, w.code])).toEqual([
      [5, "unplaced"],
      [9, "empty"],
    ]);
    expect(find(doc, "ch1").children[0].text).toBe("无处安放的一段。");
  });
});
