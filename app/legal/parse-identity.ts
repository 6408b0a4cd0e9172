// Stable ids, paths, citations and paragraph labels, derived from the structure only (never from text).
//
// Ids: articles are global ("a12", "a133s1" for 第一百三十三条之一) so they survive moves between chapters;
// their descendants extend them ("a12-p2-i3-s1"). Headings nest ("pt2-ch1-se3"); 一、 units are "h1",
// annexes "ax1", the preamble "preamble", the 目录 "toc". A clash (a duplicated number) gets "~2": articles in
// sequence claim their ids first, so a stray 第三十条 early in the text never takes "a30" from the real one.
//
// Citations use Chinese numerals whatever the text wrote (第２条 → 第二条). A list nested in a list of the same
// kind (（1） under 1., both 目) cites its label as written after its parent: 第三项第一目（1）.
import { articleLabel } from "./labels";
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

/** 1． → 1: a dot label keeps its number only inside a citation. */
const DOT_SEPARATOR = /[.．、]$/u;

function citation(n: LegalNode, parent: LegalNode | undefined): string {
  const base = parent?.citation ?? "";
  const nestedList = (n.kind === "item" || n.kind === "subitem") && parent?.kind === n.kind;
  if (nestedList) return base + n.label.replace(DOT_SEPARATOR, "");
  switch (n.kind) {
    case "article":
      return base + articleLabel(n.number ?? 0, n.subNumber);
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

/** Whether the node is an article of the document itself (not of an annex): its id is global. */
function isGlobalArticle(n: LegalNode, parent: LegalNode | undefined): boolean {
  return n.kind === "article" && parent?.kind !== "annex";
}

/**
 * Fills id, path, citation (and number/label of paragraphs) for the whole tree. `outOfSequence`: articles whose
 * number was unexpected where they stand (see TreeBuilder); they get "~2" rather than an in-sequence namesake.
 */
export function assignIdentity(nodes: LegalNode[], outOfSequence: ReadonlySet<LegalNode> = new Set()): void {
  const used = new Set<string>();
  const unique = (candidate: string) => {
    let id = candidate;
    for (let k = 2; used.has(id); k++) id = `${candidate}~${k}`;
    used.add(id);
    return id;
  };
  const claimed = new Map<LegalNode, string>();
  const claim = (siblings: LegalNode[], parent: LegalNode | undefined) => {
    for (const n of siblings) {
      if (isGlobalArticle(n, parent)) {
        if (!outOfSequence.has(n)) claimed.set(n, unique(segment(n, 0)));
      } else if (n.kind !== "article") claim(n.children, n);
    }
  };
  claim(nodes, undefined);
  const visit = (siblings: LegalNode[], parent: LegalNode | undefined) => {
    let paragraphs = 0;
    let annexes = 0;
    for (const n of siblings) {
      if (n.kind === "paragraph") {
        n.number = ++paragraphs;
        n.label = `第${toChineseNumeral(paragraphs)}${parent?.kind === "article" ? "款" : "自然段"}`;
      }
      const seg = segment(n, n.kind === "annex" ? ++annexes : 0);
      n.id = claimed.get(n) ?? unique(isGlobalArticle(n, parent) || !parent ? seg : `${parent.id}-${seg}`);
      const ownSeg = n.id.slice(n.id.lastIndexOf("-") + 1);
      n.path = parent ? `${parent.path}/${ownSeg}` : ownSeg;
      n.citation = citation(n, parent);
      visit(n.children, n);
    }
  };
  visit(nodes, undefined);
}
