// Alignment of the real revisions in the shared corpus (skipped on clones without ../shared/corpus).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { alignVersions, type AlignedRow, type VersionAlignment } from "./align";
import { collectBlocks } from "./clause-text";
import { buildComparisonTable } from "./comparison-table";
import { parseLegalText } from "./parse";
import { applySegments } from "./redline";
import type { LegalNode, ParsedDocument } from "./types";

const corpusDir = path.resolve(import.meta.dirname, "../../../shared/corpus");
const pairsDir = path.join(corpusDir, "pairs");
const hasCorpus = fs.existsSync(pairsDir);

function pairNames(): string[] {
  if (!hasCorpus) return [];
  return [...new Set(fs.readdirSync(pairsDir).map((file) => file.replace(/\.(old|new)\.txt$/u, "")))].sort();
}

function loadPair(name: string): [ParsedDocument, ParsedDocument] {
  const read = (side: string) => parseLegalText(fs.readFileSync(path.join(pairsDir, `${name}.${side}.txt`), "utf8"));
  return [read("old"), read("new")];
}

/** Every block the alignment must place in exactly one row, in the order of the rows. */
function blocksOf(doc: ParsedDocument): LegalNode[] {
  const { preamble, body, annexes } = collectBlocks(doc);
  return [...preamble, ...body, ...annexes.flatMap((annex) => [annex.title, ...annex.blocks])].map((entry) => entry.node);
}

function labelsWith(alignment: VersionAlignment, status: AlignedRow["status"]): string[] {
  return alignment.rows.filter((row) => row.status === status).map((row) => (row.new[0] ?? row.old[0]).label);
}

describe.skipIf(!hasCorpus)("alignment of the corpus pairs (needs ../shared/corpus)", () => {
  it.each(pairNames())("%s: every block lands in exactly one row and red-lines rebuild both texts", (name) => {
    const [oldDoc, newDoc] = loadPair(name);
    const table = buildComparisonTable(oldDoc, newDoc);
    const { rows } = table.alignment;
    const oldIds = rows.flatMap((row) => row.old.map((node) => node.id));
    const newIds = rows.flatMap((row) => row.new.map((node) => node.id));
    expect(oldIds.sort()).toEqual(blocksOf(oldDoc).map((node) => node.id).sort());
    expect(newIds.sort()).toEqual(blocksOf(newDoc).map((node) => node.id).sort());
    for (const [k, row] of table.rows.entries()) {
      expect(applySegments(row.segments, "old")).toBe(rows[k].oldText);
      expect(applySegments(row.segments, "new")).toBe(rows[k].newText);
    }
    const newOrder = table.rows.filter((row) => row.new).map((row) => row.new!.label);
    const first = blocksOf(newDoc)[0];
    expect(newOrder[0]).toBe(first.citation || first.label);
  });

  describe("南通市濠河风景名胜区条例 (2016 → 2022) against the amendment decision", () => {
    // 南通市人民代表大会常务委员会关于修改《南通市濠河风景名胜区条例》的决定, items 一 to 十六.
    // Clauses as cited after the article number; 本条 is an article of one paragraph.
    const DECISION = {
      第五条: ["第二款", "第三款"],
      第九条: ["第二款"],
      第十条: ["第一款"],
      第十二条: ["第一款"],
      第二十五条: ["第一款", "第三款"], // 第三款: "，" → "。", a wording touch
      第二十六条: ["本条"],
      第二十八条: ["第一款第一项", "第一款第二项", "第一款第四项", "第一款第五项", "第一款第六项", "第一款第九项", "第二款"],
      第二十九条: ["本条", "第一项", "第二项"],
      第三十四条: ["本条"],
      第三十七条: ["第一款", "第二款"],
      第四十一条: ["本条", "第一项", "第二项", "第四项", "第五项", "第六项", "第九项"],
      第四十三条: ["本条"],
      第四十四条: ["本条"],
      第四十五条: ["本条"],
      第四十六条: ["本条"],
      第四十七条: ["本条"],
    };
    // "此外，对有关条款作文字修改": 第六条 建立→建立健全, 第十八条 宗教场所→宗教活动场所,
    // 第四十条 cites 第二十七条第一款 (第四十一条 and 第四十三条 get the same kind of touch).
    const WORDING = ["第六条", "第十八条", "第四十条"];

    it("reports exactly the decided and reworded articles as modified, all others unchanged, despite layout", () => {
      const alignment = alignVersions(...loadPair("南通市濠河风景名胜区条例"));
      const expected = [...Object.keys(DECISION), ...WORDING];
      expect(labelsWith(alignment, "modified").sort()).toEqual(expected.sort());
      expect(alignment.rows).toHaveLength(48);
      expect(alignment.rows.filter((row) => row.status !== "modified").every((row) => row.status === "unchanged")).toBe(true);
      expect(alignment.rows.some((row) => row.renumbered)).toBe(false);
    });

    it("finds the amended paragraphs and items inside the articles", () => {
      const alignment = alignVersions(...loadPair("南通市濠河风景名胜区条例"));
      for (const [label, clauses] of Object.entries(DECISION)) {
        const row = alignment.rows.find((candidate) => candidate.new[0]?.label === label)!;
        const changed = row.children
          .filter((child) => child.status !== "unchanged")
          .map((child) => child.new[0].citation.slice(label.length) || "本条");
        expect(changed, label).toEqual(clauses);
      }
    });
  });

  it("未成年人保护法 (near-identical revision): only a handful of articles modified", () => {
    const alignment = alignVersions(...loadPair("中华人民共和国未成年人保护法"));
    const modified = labelsWith(alignment, "modified");
    expect(modified.length).toBeGreaterThanOrEqual(1);
    expect(modified.length).toBeLessThanOrEqual(5);
    expect(labelsWith(alignment, "unchanged").length).toBe(alignment.rows.length - modified.length);
  });

  it("立法法 (2015 → 2023): inserted articles renumber the rest, which stay paired", () => {
    const alignment = alignVersions(...loadPair("中华人民共和国立法法"));
    const renumbered = alignment.rows.filter((row) => row.renumbered && ["unchanged", "modified"].includes(row.status));
    expect(renumbered.length).toBeGreaterThan(90);
    expect(labelsWith(alignment, "deleted")).toEqual([]);
    const pairOf = (oldLabel: string) => {
      const row = alignment.rows.find((candidate) => candidate.old.some((node) => node.label === oldLabel))!;
      return `${row.status}:${row.new.map((node) => node.label).join("、")}`;
    };
    expect(pairOf("第八条")).toBe("modified:第十一条");
    expect(pairOf("第二十一条")).toBe("unchanged:第二十四条");
    expect(pairOf("第七十二条")).toBe("split:第八十条、第八十一条");
    expect(pairOf("第一百零五条")).toBe("unchanged:第一百二十条");
  });
});
