import { describe, expect, it } from "vitest";
import { alignVersions, type AlignedRow } from "./align";
import { article, chapter, legalDoc } from "./legal-doc-builder.test-support";

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
