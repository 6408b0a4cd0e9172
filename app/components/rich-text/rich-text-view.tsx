// Renders a sanitized 起草说明 by walking its JSON: every node becomes a React element, every string a text node.
import type { ReactNode } from "react";
import { sanitizeRichText, type RichBlock, type RichInline } from "./rich-text";

function renderInline(nodes: RichInline[] = []): ReactNode[] {
  return nodes.map((node, i) => {
    if (node.type === "hardBreak") return <br key={i} />;
    return node.marks?.length ? <strong key={i}>{node.text}</strong> : node.text;
  });
}

function renderBlocks(nodes: RichBlock[]): ReactNode[] {
  return nodes.map((node, i) => {
    switch (node.type) {
      case "paragraph":
        return <p key={i}>{renderInline(node.content)}</p>;
      case "heading":
        return <h3 key={i}>{renderInline(node.content)}</h3>;
      case "bulletList":
      case "orderedList": {
        const items = node.content.map((item, j) => <li key={j}>{renderBlocks(item.content)}</li>);
        return node.type === "bulletList" ? <ul key={i}>{items}</ul> : <ol key={i}>{items}</ol>;
      }
    }
  });
}

/** `doc` is sanitized again here: whatever the database holds, only the known subset is drawn. */
export function RichTextView({ doc, className = "rich-text" }: { doc: unknown; className?: string }) {
  return <div className={className}>{renderBlocks(sanitizeRichText(doc).content)}</div>;
}
