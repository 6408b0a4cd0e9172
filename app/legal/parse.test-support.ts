// Helpers for parser tests: find a node by id, print a tree outline, parse with the render round trip checked.
import { expect } from "vitest";
import { normalizeLegalText } from "./normalize";
import { parseLegalText } from "./parse";
import { renderLegalText } from "./render";
import type { LegalNode, ParsedDocument } from "./types";

export function find(doc: ParsedDocument, id: string): LegalNode {
  const visit = (nodes: LegalNode[]): LegalNode | undefined => {
    for (const n of nodes) {
      if (n.id === id) return n;
      const hit = visit(n.children);
      if (hit) return hit;
    }
    return undefined;
  };
  const hit = visit(doc.nodes);
  if (!hit) throw new Error(`no node ${id}`);
  return hit;
}

export function outline(doc: ParsedDocument): string[] {
  const out: string[] = [];
  const visit = (n: LegalNode, depth: number) => {
    out.push(`${"  ".repeat(depth)}${n.kind} ${n.id} ${n.label}|${n.text.split("\n")[0]}`);
    n.children.forEach((c) => visit(c, depth + 1));
  };
  doc.nodes.forEach((n) => visit(n, 0));
  return out;
}

/** Every fixture must also survive the render round trip. */
export function parse(text: string): ParsedDocument {
  const doc = parseLegalText(text);
  const rendered = renderLegalText(doc);
  expect(rendered).toBe(normalizeLegalText(text).text);
  expect(outline(parseLegalText(rendered))).toEqual(outline(doc));
  return doc;
}
