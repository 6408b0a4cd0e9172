// One line of the draft as an element of the DOM contract: data-clause-id and data-anchor-offset on the element
// that holds the text, the citation as its id, comment highlights and search hits as <mark>s inside it.
import { Fragment, type ReactNode } from "react";
import { displayText, splitLine, type LineHighlight, type LineHit, type Segment } from "./marks";
import type { ReaderLine } from "./reader-model";

function renderSegment(line: ReaderLine, segment: Segment): ReactNode {
  let content: ReactNode = segment.text;
  if (segment.hit !== undefined) {
    content = (
      <mark className="search-hit" id={segment.hitStart ? `hit-${segment.hit}` : undefined}>
        {content}
      </mark>
    );
  }
  if (segment.comments.length) {
    content = (
      <mark
        className={segment.comments.length > 1 ? "anchor-highlight overlap" : "anchor-highlight"}
        data-comment-id={segment.comments[0]}
        data-comment-ids={segment.comments.length > 1 ? segment.comments.join(" ") : undefined}
        title={segment.labels.length ? segment.labels.join("；") : undefined}
      >
        {content}
      </mark>
    );
  }
  if (segment.inPrefix && line.prefixStyle === "article") content = <strong className="article-label">{content}</strong>;
  else if (segment.inPrefix && line.prefixStyle === "list") content = <span className="list-label">{content}</span>;
  return <Fragment key={segment.start}>{content}</Fragment>;
}

export function ReaderLineText({
  line,
  hits,
  highlights,
  as: Tag = "p",
}: {
  line: ReaderLine;
  hits?: LineHit[];
  highlights?: LineHighlight[];
  as?: "p" | "h2" | "h3" | "h4" | "h5";
}) {
  const segments = splitLine(displayText(line), line.prefix.length, hits, highlights);
  return (
    <Tag id={line.anchorId} className={`reader-line ${line.role}`} data-clause-id={line.clause.id} data-anchor-offset={line.anchorOffset}>
      {segments.map((segment) => renderSegment(line, segment))}
    </Tag>
  );
}
