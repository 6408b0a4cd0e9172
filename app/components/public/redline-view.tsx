// Suggested wording red-lined against the clause (the legal engine's redline): deleted words struck out, new words
// underlined, with words for screen readers.
import { Fragment } from "react";
import { redline } from "~/legal/redline";

export function RedlineView({ original, suggested }: { original: string; suggested: string }) {
  const segments = redline(original, suggested);
  return (
    <p className="redline-view">
      {segments.map((s, i) =>
        s.op === "equal" ? (
          <Fragment key={i}>{s.text}</Fragment>
        ) : s.op === "delete" ? (
          <del key={i}>
            <span className="visually-hidden">（删去：</span>
            {s.text}
            <span className="visually-hidden">）</span>
          </del>
        ) : (
          <ins key={i}>
            <span className="visually-hidden">（增加：</span>
            {s.text}
            <span className="visually-hidden">）</span>
          </ins>
        ),
      )}
    </p>
  );
}
