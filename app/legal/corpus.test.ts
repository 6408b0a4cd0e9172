// Every text of the shared corpus parses without warnings, with exactly the articles a plain line count finds,
// and renders back to its normalised form. Users' clones lack the corpus: the suite is skipped there.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { normalizeLegalText } from "./normalize";
import { parseLegalText } from "./parse";
import { renderLegalText } from "./render";
import type { LegalNode, ParsedDocument } from "./types";

const CORPUS = path.resolve(__dirname, "../../../shared/corpus");
const hasCorpus = existsSync(CORPUS);
const files = hasCorpus
  ? ["laws", "pairs"].flatMap((dir) =>
      readdirSync(path.join(CORPUS, dir))
        .filter((f) => f.endsWith(".txt"))
        .map((f) => `${dir}/${f}`),
    )
  : [];

/** Independent count: lines starting with 第X条 / 第X条之Y followed by a space or the line end. */
const ARTICLE_LINE = /^[\s\u3000]*(?:#+\s*)?(第[一二三四五六七八九十百千零〇两]+条(?:之[一二三四五六七八九十]+)?)(?:[\s\u3000\u2002]|$)/u;

/**
 * Article lines that are not articles of the document itself. The 2018 宪法修正案 adds five articles to the
 * 宪法 (第一百二十三条–第一百二十七条) and prints them after “内容如下：” without quotation marks.
 */
const QUOTED_ARTICLE_LINES: Record<string, string[]> = {
  "laws/中华人民共和国宪法修正案（2018年）.txt": ["第一百二十三条", "第一百二十四条", "第一百二十五条", "第一百二十六条", "第一百二十七条"],
};

/** Corpus files that legitimately produce warnings (none today: every corpus text is well formed). */
const EXPECTED_WARNINGS: Record<string, string[]> = {};

function articleLabels(text: string, file: string): string[] {
  const quoted = new Set(QUOTED_ARTICLE_LINES[file] ?? []);
  return text
    .split("\n")
    .map((line) => ARTICLE_LINE.exec(line)?.[1])
    .filter((label): label is string => label !== undefined && !quoted.has(label));
}

function parsedArticles(doc: ParsedDocument): string[] {
  const out: string[] = [];
  const visit = (n: LegalNode) => (n.kind === "article" ? out.push(n.label) : n.children.forEach(visit));
  doc.nodes.forEach(visit);
  return out;
}

/** The tree without line numbers (which differ between the input and its rendering). */
function shape(doc: ParsedDocument): unknown {
  const strip = (n: LegalNode): unknown => ({
    kind: n.kind, label: n.label, number: n.number, subNumber: n.subNumber, text: n.text,
    path: n.path, citation: n.citation, id: n.id, children: n.children.map(strip),
  });
  return { title: doc.title, titleLines: doc.titleLines, notes: doc.notes?.map((n) => n.text), nodes: doc.nodes.map(strip) };
}

describe.skipIf(!hasCorpus)("shared corpus (skipped: ../shared/corpus not present in this clone)", () => {
  it("has the texts the README lists", () => expect(files.length).toBeGreaterThanOrEqual(41 + 28));

  describe.each(files)("%s", (file) => {
    const text = readFileSync(path.join(CORPUS, file), "utf8");
    const doc = parseLegalText(text);

    it("finds exactly the articles a line count finds, in order", () => {
      expect(parsedArticles(doc)).toEqual(articleLabels(text, file));
    });

    it("reports no warnings on this well-formed text", () => {
      expect(doc.warnings.map((w) => w.code)).toEqual(EXPECTED_WARNINGS[file] ?? []);
    });

    it("renders back to its normalised form, which parses to the same tree", () => {
      const rendered = renderLegalText(doc);
      expect(rendered).toBe(normalizeLegalText(text).text);
      expect(shape(parseLegalText(rendered))).toEqual(shape(doc));
    });

    it("gives every node a unique id and path", () => {
      const ids = new Set<string>();
      const paths = new Set<string>();
      const visit = (n: LegalNode) => {
        expect(ids.has(n.id), n.id).toBe(false);
        expect(paths.has(n.path), n.path).toBe(false);
        ids.add(n.id);
        paths.add(n.path);
        n.children.forEach(visit);
      };
      doc.nodes.forEach(visit);
    });
  });

  it("刑法: 505 articles of which 53 are 第X条之N, two annexes, no warnings", () => {
    const doc = parseLegalText(readFileSync(path.join(CORPUS, "laws/中华人民共和国刑法.txt"), "utf8"));
    const labels = parsedArticles(doc);
    expect(labels).toHaveLength(505);
    expect(labels.filter((l) => l.includes("之"))).toHaveLength(53);
    expect(doc.nodes.filter((n) => n.kind === "annex").map((n) => n.label)).toEqual(["附件一", "附件二"]);
  });
});
