// Maps the browser's text selection to what the server anchors a comment to, through the reader's DOM contract:
// every element showing a clause's own text carries data-clause-id (Clause row id) and data-anchor-offset (offset
// in the clause's anchor text of the element's first character; negative when a label is written before the text).

export interface SelectionTarget {
  /** Clause row id. */
  clauseId: string;
  /** The selected words, within one clause element. */
  quote: string;
  /** Where the browser saw them: offset in the clause's anchor text (the server takes the occurrence nearest to it). */
  near: number;
}

const CLAUSE_ELEMENT = "[data-clause-id]";

function clauseElementOf(node: Node, root: Element): HTMLElement | null {
  const element = node instanceof Element ? node : node.parentElement;
  const found = element?.closest<HTMLElement>(CLAUSE_ELEMENT) ?? null;
  return found && root.contains(found) ? found : null;
}

/** The first clause element the range touches: a selection spanning several is clamped to the first. */
function firstClauseElement(range: Range, root: Element): HTMLElement | null {
  const atStart = clauseElementOf(range.startContainer, root);
  if (atStart) return atStart;
  for (const element of root.querySelectorAll<HTMLElement>(CLAUSE_ELEMENT)) {
    if (range.intersectsNode(element)) return element;
  }
  return null;
}

/** The selection as a comment target, or null when it holds no words of a clause inside `root`. */
export function selectionTarget(selection: Selection | null, root: Element): SelectionTarget | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const element = firstClauseElement(range, root);
  if (!element) return null;
  const doc = element.ownerDocument;
  const clamped = doc.createRange();
  if (element.contains(range.startContainer)) clamped.setStart(range.startContainer, range.startOffset);
  else clamped.setStart(element, 0);
  if (element.contains(range.endContainer)) clamped.setEnd(range.endContainer, range.endOffset);
  else clamped.setEnd(element, element.childNodes.length);
  const before = doc.createRange();
  before.setStart(element, 0);
  before.setEnd(clamped.startContainer, clamped.startOffset);
  let near = before.toString().length + (Number(element.dataset.anchorOffset) || 0);
  let quote = clamped.toString();
  // A label written before the clause's text (第十二条　, （一）) is not part of what the comment quotes.
  if (near < 0) {
    quote = quote.slice(-near);
    near = 0;
  }
  const leading = quote.length - quote.trimStart().length;
  quote = quote.trim();
  if (!quote) return null;
  return { clauseId: element.dataset.clauseId!, quote, near: near + leading };
}
