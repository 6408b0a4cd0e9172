// Suggested wording red-lined against the original, as the committee reads it: struck-out words in <del>, new words
// in <ins>. The legal engine's redline runs here in the browser as the user types.
import { Fragment, useMemo } from "react";
import { redline } from "~/legal/redline";

export function RedlineText({ original, suggested, className = "" }: { original: string; suggested: string; className?: string }) {
  const segments = useMemo(() => redline(original, suggested), [original, suggested]);
  const changed = segments.some((s) => s.op !== "equal");
  return (
    <p className={`redline ${className}`.trim()} data-changed={changed ? "yes" : "no"}>
      {segments.map((s, i) =>
        s.op === "equal" ? (
          <span key={i}>{s.text}</span>
        ) : s.op === "delete" ? (
          // The hidden words tell screen readers what the strike-through shows.
          <Fragment key={i}><span className="sr-only">删去：</span><del>{s.text}</del></Fragment>
        ) : (
          <Fragment key={i}><span className="sr-only">增加：</span><ins>{s.text}</ins></Fragment>
        ),
      )}
    </p>
  );
}
