// Answering several suggestions at once — a group of the same point raised in different words, or every suggestion
// on an article: tick them, choose the answer once. Each keeps the clause it was re-anchored to unless one is given.
import { Form } from "@remix-run/react";
import { useState } from "react";
import { BULK_FORM_ID, CITATIONS_LIST_ID } from "./suggestion-answer";
import { DecisionFields } from "./decision-fields";

export function BulkAnswer({ busy }: { busy: boolean }) {
  const [all, setAll] = useState(false);
  const toggleAll = () => {
    const next = !all;
    document.querySelectorAll<HTMLInputElement>(`input[type="checkbox"][form="${BULK_FORM_ID}"]`).forEach((box) => (box.checked = next));
    setAll(next);
  };
  return (
    <details className="card bulk-answer">
      <summary>批量答复所选意见</summary>
      <Form method="post" id={BULK_FORM_ID} preventScrollReset>
        <p className="small muted">在下方各条意见左侧勾选，再在此统一答复。各条意见默认对应其在新版本中的条款。</p>
        <button type="button" className="link-button" onClick={toggleAll}>{all ? "取消全选本页" : "全选本页"}</button>
        <input type="hidden" name="intent" value="answer" />
        <input type="hidden" name="key" value="bulk" />
        <DecisionFields idPrefix="bulk" />
        <div className="answer-row">
          <label className="field" htmlFor="bulk-clause">
            <span>统一对应条款<small className="muted">（可不填）</small></span>
            <input id="bulk-clause" name="newCitation" list={CITATIONS_LIST_ID} maxLength={60} />
          </label>
          <button type="submit" className="button" disabled={busy}>答复所选意见</button>
        </div>
      </Form>
    </details>
  );
}
