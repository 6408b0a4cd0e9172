// One suggestion as the committee answers it: where it stood in the consulted version and where it stands in the new
// one (re-anchoring status), the opinion with its red-line, reasons and who raised it (residents masked), which
// contact points raised it, the answer so far, and the form to answer it.
import { Form } from "@remix-run/react";
import { COMMENT_KIND_LABELS } from "~/comments/labels";
import type { AdoptionDecision } from "~/generated/prisma/enums";
import type { RedlineSegment } from "~/components/report/report-document";
import { RedlineSegments } from "~/components/report/redline-segments";
import { ADOPTION_LABELS, NO_CLAUSE } from "./adoption-fields";
import { REANCHOR_STATUS_LABELS, type UnitAnchorStatus } from "./reanchor-unit";
import { DecisionFields } from "./decision-fields";

export const BULK_FORM_ID = "bulk-answer";
export const CITATIONS_LIST_ID = "new-version-citations";

export interface SuggestionAnswerView {
  key: string;
  /** The form value naming the comments it stands for and its default clause (see adoption-fields.ts). */
  unit: string;
  citation: string;
  kind: keyof typeof COMMENT_KIND_LABELS;
  text: string;
  suggestedText: string | null;
  redline: RedlineSegment[] | null;
  reasons: string[];
  sources: string[];
  contactPoints: string[];
  supporters: number;
  status: UnitAnchorStatus;
  newCitation: string | null;
  answer: { decision: AdoptionDecision; explanation: string | null; newCitation: string | null } | null;
}

export function SuggestionAnswer({ s, toLabel, busy, error }: { s: SuggestionAnswerView; toLabel: string; busy: boolean; error?: string }) {
  const id = `unit-${s.key}`;
  return (
    <article className={`suggestion-answer${s.answer ? " answered" : ""}`} id={id} aria-labelledby={`${id}-title`}>
      <header className="suggestion-head">
        <label className="bulk-pick">
          <input type="checkbox" name="unit" value={s.unit} form={BULK_FORM_ID} /> <span className="sr-only">选择此条意见批量答复</span>
        </label>
        <h3 id={`${id}-title`} className="suggestion-citation">{s.citation}</h3>
        <span className="tag kind">{COMMENT_KIND_LABELS[s.kind]}</span>
        <span className={`tag anchor-status anchor-${s.status}`} data-anchor-status={s.status}>{REANCHOR_STATUS_LABELS[s.status]}</span>
        {s.newCitation ? <span className="small">→ {toLabel}{s.newCitation}</span> : null}
        {s.supporters > 1 ? <span className="tag supporters">{s.supporters} 人提出</span> : null}
      </header>
      <p className="suggestion-text">{s.text}</p>
      {s.suggestedText ? (
        <div className="report-suggested">
          <span className="muted small">建议修改为：</span>
          {s.redline ? <RedlineSegments segments={s.redline} /> : <p className="redline">{s.suggestedText}</p>}
        </div>
      ) : null}
      {s.reasons.length ? <p className="small"><span className="muted">理由：</span>{s.reasons.join("；")}</p> : null}
      <p className="small muted">提出：{s.sources.join("；")}</p>
      {s.answer ? (
        <p className="current-answer">
          已答复：<strong className={`adoption adoption-${s.answer.decision}`}>{ADOPTION_LABELS[s.answer.decision]}</strong>
          {s.answer.newCitation ? `（对应${s.answer.newCitation}）` : ""}
          {s.answer.explanation ? `　${s.answer.explanation}` : ""}
        </p>
      ) : null}
      {error ? <p className="error" role="alert">{error}</p> : null}
      <details className="answer-form" open={!s.answer || Boolean(error)}>
        <summary>{s.answer ? "修改答复" : "答复"}<span className="sr-only">（{s.citation}）</span></summary>
        <Form method="post" preventScrollReset>
          <input type="hidden" name="intent" value="answer" />
          <input type="hidden" name="key" value={s.key} />
          <input type="hidden" name="unit" value={s.unit} />
          <DecisionFields idPrefix={id} decision={s.answer?.decision} explanation={s.answer?.explanation} />
          <div className="answer-row">
            <label className="field" htmlFor={`${id}-clause`}>
              <span>对应{toLabel}条款<small className="muted">（“{NO_CLAUSE}”为不对应具体条款）</small></span>
              <input id={`${id}-clause`} name="newCitation" list={CITATIONS_LIST_ID} defaultValue={s.answer?.newCitation ?? s.newCitation ?? NO_CLAUSE} maxLength={60} />
            </label>
            <button type="submit" className="button" disabled={busy}>保存答复<span className="sr-only">（{s.citation}）</span></button>
          </div>
        </Form>
      </details>
    </article>
  );
}
