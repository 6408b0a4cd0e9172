// A red-line already computed (the report's segments): struck-out words in <del>, new words in <ins>, with hidden
// words telling screen readers what the marks show.
import { Fragment } from "react";
import type { RedlineSegment } from "./report-document";

export function RedlineSegments({ segments }: { segments: RedlineSegment[] }) {
  return (
    <p className="redline">
      {segments.map((s, i) =>
        s.op === "equal" ? (
          <span key={i}>{s.text}</span>
        ) : s.op === "delete" ? (
          <Fragment key={i}><span className="sr-only">删去：</span><del>{s.text}</del></Fragment>
        ) : (
          <Fragment key={i}><span className="sr-only">增加：</span><ins>{s.text}</ins></Fragment>
        ),
      )}
    </p>
  );
}
