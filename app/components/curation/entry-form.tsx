// Staff enter an opinion given on paper, by phone or by letter in seconds: clause citation (or 总体意见), channel,
// the resident (optional, with consent), opinion, suggested wording, reason. After saving, the form stays open,
// empty, on the same channel, for the next one.
import { Form, useNavigation } from "@remix-run/react";
import { COMMENT_KIND_LABELS, COMMENT_SOURCE_LABELS, GATHERING_CHANNELS, GENERAL_CITATION } from "~/comments/labels";
import type { CommentKind } from "~/generated/prisma/enums";
import { FieldError } from "~/components/annotate/field-error";

const KINDS = Object.keys(COMMENT_KIND_LABELS) as CommentKind[];
/** Fields with a message of their own; any other message (the deadline, an unexpected field) goes on top. */
const SHOWN_FIELDS = new Set(["citation", "channel", "kind", "submitterName", "submitterPhone", "consent", "body", "suggestedText", "reason"]);

export function EntryForm({
  citations,
  channel,
  enteredCount,
  values,
  errors = {},
  disabled,
}: {
  citations: string[];
  channel: string;
  /** Set after an entry was saved: the form opens again, focused for the next one. */
  enteredCount: number | null;
  values?: Record<string, string>;
  errors?: Record<string, string>;
  disabled: boolean;
}) {
  const busy = useNavigation().formData?.get("intent") === "enter";
  const open = enteredCount !== null || Object.keys(errors).length > 0;
  const formErrors = Object.entries(errors).filter(([field]) => !SHOWN_FIELDS.has(field)).map(([, message]) => message);
  return (
    <details className="entry card" open={open || undefined}>
      <summary>录入纸质、电话、信件等渠道收到的意见</summary>
      {disabled ? <p className="error">本次征求意见已截止，不再接收新的意见。</p> : null}
      <Form method="post" className="entry-form" key={enteredCount ?? "new"}>
        <input type="hidden" name="intent" value="enter" />
        {formErrors.length > 0 ? <div className="error" role="alert">{formErrors.join(" ")}</div> : null}
        <div className="entry-row">
          <label className="field">
            <span>条款</span>
            <input name="citation" list="entry-citations" placeholder={`如 第十二条第二款；空为${GENERAL_CITATION}`} defaultValue={values?.citation} autoFocus={enteredCount !== null} maxLength={60} aria-describedby={errors.citation ? "entry-citation-error" : undefined} />
            <datalist id="entry-citations">
              <option value={GENERAL_CITATION} />
              {citations.map((c) => <option key={c} value={c} />)}
            </datalist>
            <FieldError message={errors.citation} id="entry-citation-error" />
          </label>
          <label className="field">
            <span>来源</span>
            <select name="channel" defaultValue={values?.channel ?? channel} aria-describedby={errors.channel ? "entry-channel-error" : undefined}>
              {GATHERING_CHANNELS.map((c) => <option key={c} value={c}>{COMMENT_SOURCE_LABELS[c]}</option>)}
            </select>
            <FieldError message={errors.channel} id="entry-channel-error" />
          </label>
          <label className="field">
            <span>类型</span>
            <select name="kind" defaultValue={values?.kind ?? "amend"} aria-describedby={errors.kind ? "entry-kind-error" : undefined}>
              {KINDS.map((k) => <option key={k} value={k}>{COMMENT_KIND_LABELS[k]}</option>)}
            </select>
            <FieldError message={errors.kind} id="entry-kind-error" />
          </label>
        </div>
        <div className="entry-row">
          <label className="field">
            <span>群众姓名（可不填）</span>
            <input name="submitterName" defaultValue={values?.submitterName} maxLength={40} autoComplete="off" aria-describedby={errors.submitterName ? "entry-name-error" : undefined} />
            <FieldError message={errors.submitterName} id="entry-name-error" />
          </label>
          <label className="field">
            <span>电话（可不填）</span>
            <input name="submitterPhone" defaultValue={values?.submitterPhone} inputMode="tel" maxLength={30} autoComplete="off" aria-describedby={errors.submitterPhone ? "entry-phone-error" : undefined} />
            <FieldError message={errors.submitterPhone} id="entry-phone-error" />
          </label>
        </div>
        <label className="consent">
          <input type="checkbox" name="consent" value="on" defaultChecked={values?.consent === "on"} />
          群众同意记录姓名和电话（仅用于反馈意见处理情况，不对外公开）
        </label>
        <FieldError message={errors.consent} id="entry-consent-error" />
        <label className="field">
          <span>意见内容</span>
          <textarea name="body" rows={3} required maxLength={5000} defaultValue={values?.body} aria-describedby={errors.body ? "entry-body-error" : undefined} />
          <FieldError message={errors.body} id="entry-body-error" />
        </label>
        <label className="field">
          <span>建议修改为（可不填）</span>
          <textarea name="suggestedText" rows={2} maxLength={5000} defaultValue={values?.suggestedText} aria-describedby={errors.suggestedText ? "entry-suggested-error" : undefined} />
          <FieldError message={errors.suggestedText} id="entry-suggested-error" />
        </label>
        <label className="field">
          <span>理由（可不填）</span>
          <textarea name="reason" rows={2} maxLength={2000} defaultValue={values?.reason} aria-describedby={errors.reason ? "entry-reason-error" : undefined} />
          <FieldError message={errors.reason} id="entry-reason-error" />
        </label>
        <button type="submit" className="button" disabled={busy || disabled}>{busy ? "正在保存…" : "保存并录入下一条"}</button>
        {enteredCount !== null ? <span className="notice inline" role="status">已录入 {enteredCount} 条。</span> : null}
      </Form>
    </details>
  );
}
