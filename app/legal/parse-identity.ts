// Stable ids, paths, citations and paragraph labels, derived from the structure only (never from text).
//
// Ids: articles are global ("a12", "a133s1" for 第一百三十三条之一) so they survive moves between chapters;
// their descendants extend them ("a12-p2-i3-s1"). Headings nest ("pt2-ch1-se3"); 一、 units are "h1",
// annexes "ax1", the preamble "preamble", the 目录 "toc". A clash (a duplicated number) gets "~2".
import { toChineseNumeral } from "./numerals";
import type { LegalNode } from "./types";

const HEADING_PREFIX: Array<[string, string]> = [["分编", "spt"], ["编", "pt"], ["章", "ch"], ["节", "se"]];

function segment(n: LegalNode, order: number): string {
  switch (n.kind) {
    case "article":
      return `a${n.number}${n.subNumber ? `s${n.subNumber}` : ""}`;
    case "paragraph":
      return `p${n.number}`;
    case "item":
      return `i${n.number}`;
    case "subitem":
      return `s${n.number}`;
    case "heading":
      return `h${n.number}`;
    case "annex":
      return `ax${n.number ?? order}`;
    case "preamble":
    case "toc":
      return n.kind;
    default: {
      const prefix = HEADING_PREFIX.find(([unit]) => n.label.endsWith(unit));
      return prefix ? `${prefix[1]}${n.number}` : "supp";
    }
  }
}

function citation(n: LegalNode, parent: LegalNode | undefined): string {
  const base = parent?.citation ?? "";
  switch (n.kind) {
    case "article":
      return base + n.label;
    case "paragraph": {
      if (parent?.kind !== "article") return base + n.label;
      const paragraphs = parent.children.length;
      return paragraphs > 1 ? base + n.label : base;
    }
    case "item":
      return `${base}第${toChineseNumeral(n.number ?? 0)}项`;
    case "subitem":
      return `${base}第${toChineseNumeral(n.number ?? 0)}目`;
    case "heading":
      return base ? `${base} ${n.label}` : n.label;
    case "annex":
      return n.label;
    case "preamble":
      return "序言";
    default:
      return "";
  }
}

/** Fills id, path, citation (and number/label of paragraphs) for the whole tree. */
export function assignIdentity(nodes: LegalNode[]): void {
  const used = new Set<string>();
  const unique = (candidate: string) => {
    let id = candidate;
    for (let k = 2; used.has(id); k++) id = `${candidate}~${k}`;
    used.add(id);
    return id;
  };
  const visit = (siblings: LegalNode[], parent: LegalNode | undefined) => {
    let paragraphs = 0;
    let annexes = 0;
    for (const n of siblings) {
      if (n.kind === "paragraph") {
        n.number = ++paragraphs;
        n.label = `第${toChineseNumeral(paragraphs)}${parent?.kind === "article" ? "款" : "自然段"}`;
      }
      const seg = segment(n, n.kind === "annex" ? ++annexes : 0);
      const globalArticle = n.kind === "article" && parent?.kind !== "annex";
      n.id = unique(globalArticle || !parent ? seg : `${parent.id}-${seg}`);
      const ownSeg = n.id.slice(n.id.lastIndexOf("-") + 1);
      n.path = parent ? `${parent.path}/${ownSeg}` : ownSeg;
      n.citation = citation(n, parent);
      visit(n.children, n);
    }
  };
  visit(nodes, undefined);
}
