import { describe, expect, it } from "vitest";
import { alignVersions, type AlignedRow } from "./align";
import { ANNEX_DROPPED, ANNEXES, DECISION, PREAMBLE } from "./block-fixtures.test-support";
import { article, chapter, legalDoc } from "./legal-doc-builder.test-support";
import { parseLegalText } from "./parse";

const TEXTS = [
  "为了加强濠河风景名胜区的管理，有效保护和合理利用风景名胜资源，制定本条例。",
  "濠河风景名胜区的规划、建设、保护、利用和管理，适用本条例。",
  "风景区范围以江苏省人民政府批准的风景区总体规划确定的范围为准，由市人民政府向社会公布。",
  "风景区遵循科学规划、统一管理、严格保护、永续利用的原则。",
  "市人民政府建立协调机制，处理风景区规划、保护、利用和管理中需要协调解决的事项。",
  "任何单位和个人有依法保护风景名胜资源、设施和环境的义务，有权检举、制止破坏风景名胜资源的行为。",
  "风景区内的游船应当按照规定的航线行驶，在指定的码头停靠，不得超载。",
  "本条例自2016年10月1日起施行。",
];
const LABELS = ["第一条", "第二条", "第三条", "第四条", "第五条", "第六条", "第七条", "第八条", "第九条", "第十条"];

function docOf(texts: string[]) {
  return legalDoc(chapter("第一章", "总则", ...texts.map((text, k) => article(LABELS[k], text))));
}

function summary(rows: AlignedRow[]) {
  return rows.map((row) => `${row.old.map((n) => n.label).join("+") || "-"}>${row.new.map((n) => n.label).join("+") || "-"}:${row.status}`);
}

describe("alignVersions", () => {
  it("pairs identical versions as unchanged", () => {
    const { rows } = alignVersions(docOf(TEXTS), docOf(TEXTS));
    expect(rows.every((row) => row.status === "unchanged" && !row.renumbered)).toBe(true);
    expect(rows).toHaveLength(TEXTS.length);
  });

  it("ignores layout: spaces, line breaks, zero-width and stray ** are not modifications", () => {
    const relaid = TEXTS.map((text, k) => (k === 2 ? text.replace("，", "，\n  ").replace("。", "**。**\u200b") : text));
    const { rows } = alignVersions(docOf(TEXTS), docOf(relaid));
    expect(rows.map((row) => row.status)).toEqual(TEXTS.map(() => "unchanged"));
  });

  it("finds an inserted article and renumbers the following ones", () => {
    const inserted = [...TEXTS.slice(0, 3), "风景区管理机构应当建立健全投诉举报制度，公布投诉举报电话。", ...TEXTS.slice(3)];
    const { rows } = alignVersions(docOf(TEXTS), docOf(inserted));
    expect(summary(rows)).toEqual([
      "第一条>第一条:unchanged",
      "第二条>第二条:unchanged",
      "第三条>第三条:unchanged",
      "->第四条:added",
      "第四条>第五条:unchanged",
      "第五条>第六条:unchanged",
      "第六条>第七条:unchanged",
      "第七条>第八条:unchanged",
      "第八条>第九条:unchanged",
    ]);
    expect(rows.filter((row) => row.renumbered)).toHaveLength(5);
  });

  it("places a deleted article where it stood", () => {
    const deleted = TEXTS.filter((_, k) => k !== 4);
    const { rows } = alignVersions(docOf(TEXTS), docOf(deleted));
    expect(summary(rows).slice(3, 6)).toEqual(["第四条>第四条:unchanged", "第五条>-:deleted", "第六条>第五条:unchanged"]);
  });

  it("reports a modified article with its paragraph row", () => {
    const edited = TEXTS.map((text, k) => (k === 4 ? text.replace("建立", "建立健全") : text));
    const { rows } = alignVersions(docOf(TEXTS), docOf(edited));
    const row = rows[4];
    expect(row.status).toBe("modified");
    expect(row.renumbered).toBe(false);
    expect(row.children.map((child) => `${child.kind}:${child.status}`)).toEqual(["paragraph:modified"]);
    expect(rows.filter((other) => other.status !== "unchanged")).toHaveLength(1);
  });

  it("detects a moved article", () => {
    const moved = [TEXTS[0], TEXTS[2], TEXTS[3], TEXTS[4], TEXTS[5], TEXTS[1], TEXTS[6], TEXTS[7]];
    const { rows } = alignVersions(docOf(TEXTS), docOf(moved));
    const row = rows.find((candidate) => candidate.status === "moved");
    expect(row?.old[0].label).toBe("第二条");
    expect(row?.new[0].label).toBe("第六条");
    expect(row?.textChanged).toBe(false);
    expect(rows.filter((candidate) => candidate.status === "moved")).toHaveLength(1);
    expect(summary(rows)[5]).toBe("第二条>第六条:moved");
  });

  it("detects a split article", () => {
    const joined = [...TEXTS.slice(0, 6), TEXTS[6] + "游船经营者应当建立安全管理制度，配备救生设备，定期检查船舶的安全状况。", TEXTS[7]];
    const split = [...TEXTS.slice(0, 6), TEXTS[6], "游船经营者应当建立安全管理制度，配备救生设备，定期检查船舶的安全状况。", TEXTS[7]];
    const { rows } = alignVersions(docOf(joined), docOf(split));
    expect(summary(rows)).toContain("第七条>第七条+第八条:split");
    expect(summary(rows)).toContain("第八条>第九条:unchanged");
  });

  it("detects merged articles", () => {
    const separate = [...TEXTS.slice(0, 6), TEXTS[6], "游船经营者应当建立安全管理制度，配备救生设备，定期检查船舶的安全状况。", TEXTS[7]];
    const merged = [...TEXTS.slice(0, 6), TEXTS[6] + "游船经营者应当建立安全管理制度，配备救生设备，定期检查船舶的安全状况。", TEXTS[7]];
    const { rows } = alignVersions(docOf(separate), docOf(merged));
    expect(summary(rows)).toContain("第七条+第八条>第七条:merged");
  });

  it("aligns items inside a modified article", () => {
    const before = legalDoc(article("第一条", ["禁止下列行为：", "擅自栽植、放生外来物种", "擅自航行、停泊或者水上作业", "损坏树木花草"]));
    const after = legalDoc(
      article("第一条", ["禁止下列行为：", "擅自航行、停泊或者水上作业", "在濠河水体游泳、洗涤", "损坏树木花草，破坏绿化设施"]),
    );
    const [row] = alignVersions(before, after).rows;
    expect(row.children.map((child) => `${child.old[0]?.label ?? "-"}>${child.new[0]?.label ?? "-"}:${child.status}`)).toEqual([
      ">:unchanged",
      "（一）>-:deleted",
      "（二）>（一）:unchanged",
      "->（二）:added",
      "（三）>（三）:modified",
    ]);
  });

  it("indexes rows by old and new clause id", () => {
    const edited = TEXTS.map((text, k) => (k === 4 ? text.replace("建立", "建立健全") : text));
    const alignment = alignVersions(docOf(TEXTS), docOf(edited));
    expect(alignment.byOldId.get("a:第五条")?.status).toBe("modified");
    expect(alignment.byOldId.get("a:第五条/p1")?.kind).toBe("paragraph");
    expect(alignment.byNewId.get("a:第五条")?.old[0].id).toBe("a:第五条");
  });
});

describe("alignVersions beyond articles", () => {
  const align = (pair: { old: string; new: string }) => alignVersions(parseLegalText(pair.old), parseLegalText(pair.new));
  const cited = (rows: AlignedRow[]) =>
    rows.map((row) => {
      const side = (nodes: AlignedRow["old"]) => nodes.map((n) => n.citation || n.label).join("+") || "-";
      return `${row.kind} ${side(row.old)}>${side(row.new)}:${row.status}`;
    });

  it("aligns 序言 paragraphs with 序言 paragraphs, ahead of the articles", () => {
    expect(cited(align(PREAMBLE).rows)).toEqual([
      "preamble 序言第一自然段>序言第一自然段:unchanged",
      "preamble 序言第二自然段>序言第二自然段:modified",
      "preamble ->序言第三自然段:added",
      "article 第一条>第一条:unchanged",
      "article 第二条>第二条:unchanged",
    ]);
  });

  it("aligns each 附件 with its counterpart, title row first, then unit by unit with their items", () => {
    const { rows } = align(ANNEXES);
    expect(cited(rows).slice(3)).toEqual([
      "annex 附件一>附件一:unchanged",
      "annex 附件一 一、>附件一 一、:unchanged",
      "annex 附件一 二、>附件一 二、:modified",
      "annex 附件二>附件二:unchanged",
      "annex 附件二第一目>附件二第一目:modified",
      "annex 附件二第二目>附件二第二目:unchanged",
    ]);
    expect(cited(rows[5].children)).toEqual([
      "paragraph 附件一 二、>附件一 二、:unchanged",
      "item 附件一 二、第一项>附件一 二、第一项:unchanged",
      "item 附件一 二、第二项>附件一 二、第二项:modified",
    ]);
  });

  it("pairs annexes by title and content, not by number alone, when one is dropped", () => {
    const { rows } = align({ old: ANNEXES.old, new: ANNEX_DROPPED });
    expect(cited(rows).slice(3)).toEqual([
      "annex 附件一>-:deleted",
      "annex 附件一 一、>-:deleted",
      "annex 附件一 二、>-:deleted",
      "annex 附件二>附件一:unchanged",
      "annex 附件二第一目>附件一第一目:unchanged",
      "annex 附件二第二目>附件一第二目:unchanged",
    ]);
    expect(rows[6].renumbered).toBe(true);
  });

  it("aligns the 一、 units of a text without articles like articles, with their paragraphs and items", () => {
    const { rows } = align(DECISION);
    expect(cited(rows)).toEqual(["heading 一、>一、:modified", "heading 二、>二、:modified", "heading 三、>三、:modified"]);
    expect(cited(rows[0].children)).toEqual([
      "paragraph 一、>一、:unchanged",
      "paragraph 一、第一自然段>一、第一自然段:modified",
      "item 一、第一项>一、第一项:unchanged",
      "item 一、第二项>一、第二项:modified",
      "item ->一、第三项:added",
    ]);
  });

  it("keeps the sequences apart: a 序言 paragraph never pairs with an article of the same words", () => {
    const words = "本市坚持以人民为中心，弘扬中华优秀传统文化，推动形成崇德向善、见贤思齐的社会风尚。";
    const before = parseLegalText(`某市条例\n\n序言\n\n${words}\n\n第一条　本条例自公布之日起施行。\n`);
    const after = parseLegalText(`某市条例\n\n第一条　${words}\n\n第二条　本条例自公布之日起施行。\n`);
    expect(cited(alignVersions(before, after).rows)).toEqual([
      "preamble 序言第一自然段>-:deleted",
      "article ->第一条:added",
      "article 第一条>第二条:unchanged",
    ]);
  });

  it("indexes preamble paragraphs, annex titles and units, 一、 units and their items by id", () => {
    const preamble = align(PREAMBLE);
    expect(preamble.byOldId.get("preamble-p2")?.new[0].id).toBe("preamble-p2");
    const annexes = align(ANNEXES);
    expect(annexes.byOldId.get("ax1")).toMatchObject({ kind: "annex", status: "unchanged" });
    expect(annexes.byOldId.get("ax1-h2")).toMatchObject({ kind: "annex", status: "modified" });
    expect(annexes.byOldId.get("ax1-h2-i2")).toMatchObject({ kind: "item", status: "modified" });
    expect(annexes.byNewId.get("ax2-s1")?.old[0].id).toBe("ax2-s1");
    const decision = align(DECISION);
    expect(decision.byOldId.get("h1")).toMatchObject({ kind: "heading", status: "modified" });
    expect(decision.byNewId.get("h1-i3")).toMatchObject({ kind: "item", status: "added" });
  });
});
