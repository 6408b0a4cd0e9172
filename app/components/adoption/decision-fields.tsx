// The answer's fields, shared by the form of one suggestion and the form answering several: 采纳 / 部分采纳 / 未采纳,
// and the explanation residents will read.
import type { AdoptionDecision } from "~/generated/prisma/enums";
import { ADOPTION_LABELS } from "./adoption-fields";

export function DecisionFields({ idPrefix, decision, explanation, form }: { idPrefix: string; decision?: AdoptionDecision | null; explanation?: string | null; form?: string }) {
  return (
    <>
      <fieldset className="decision-choice">
        <legend>答复</legend>
        {(Object.keys(ADOPTION_LABELS) as AdoptionDecision[]).map((d) => (
          <label key={d}>
            <input type="radio" name="decision" value={d} defaultChecked={decision === d} required form={form} /> {ADOPTION_LABELS[d]}
          </label>
        ))}
      </fieldset>
      <label className="field" htmlFor={`${idPrefix}-explanation`}>
        <span>说明<small className="muted">（部分采纳、未采纳时必填；群众可在回执页看到）</small></span>
        <textarea id={`${idPrefix}-explanation`} name="explanation" rows={2} maxLength={2000} defaultValue={explanation ?? ""} form={form} />
      </label>
    </>
  );
}
