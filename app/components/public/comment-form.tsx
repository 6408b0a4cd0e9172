// The public comment form (the contract is in app/comments/public-form.ts): a plain HTML form that works without
// JavaScript. Name, phone and occupation are optional and sit behind the personal-information notice.
import { useEffect, useState } from "react";
import { Form } from "@remix-run/react";
import { HONEYPOT_FIELD, RECEIVER_FIELD, SUBMISSION_FIELD, type PublicFormValues } from "~/comments/public-form";
import { MAX_BODY } from "~/comments/input";
import { formatDeadline, isPast } from "~/utils/china-time";

export interface CitationChoice {
  citation: string;
  label: string;
}

export interface CommentFormProps {
  token: string;
  deadline: string;
  contactPoint: string;
  via?: string;
  /** Random per rendered form: a repeated post (double tap, reload) gets the first answer instead of a second comment. */
  submissionKey: string;
  /** The clause commented on, with the narrower citations one may pick (整条, 第一款 …); null for 总体意见. */
  citations: CitationChoice[] | null;
  /** A citation typed by hand that the draft does not have (shown so it can be corrected). */
  unknownCitation?: string;
  values?: Partial<PublicFormValues>;
  fieldErrors?: Record<string, string>;
  /** The consultation closed while they typed: the form stays, without its button, for copying. */
  closed?: boolean;
  id?: string;
}

function FieldError({ name, errors }: { name: string; errors?: Record<string, string> }) {
  const message = errors?.[name];
  return message ? (
    <p className="field-error" id={`${name}-error`}>
      {message}
    </p>
  ) : null;
}

function invalid(name: string, errors?: Record<string, string>) {
  return errors?.[name] ? { "aria-invalid": true, "aria-describedby": `${name}-error` } : {};
}

/** With JavaScript: says so as soon as the deadline passes while the form is open. */
function useDeadlinePassed(deadline: string): boolean {
  const [passed, setPassed] = useState(false);
  useEffect(() => {
    const check = () => setPassed(isPast(deadline));
    check();
    const timer = window.setInterval(check, 30_000);
    return () => window.clearInterval(timer);
  }, [deadline]);
  return passed;
}

export function PublicCommentForm({ token, deadline, contactPoint, via, submissionKey, citations, unknownCitation, values = {}, fieldErrors, closed = false, id = "comment-form" }: CommentFormProps) {
  const passedWhileOpen = useDeadlinePassed(deadline);
  const personalOpen = Boolean(values.submitterName || values.submitterPhone || values.submitterOccupation || fieldErrors?.consent || fieldErrors?.submitterPhone || fieldErrors?.submitterName || fieldErrors?.submitterOccupation);
  const general = citations === null && !unknownCitation;
  return (
    <Form method="post" action={`/p/${token}`} className="comment-form" id={id}>
      {via ? <input type="hidden" name={RECEIVER_FIELD} value={via} /> : null}
      <input type="hidden" name={SUBMISSION_FIELD} value={submissionKey} />
      <div className="hp-field" aria-hidden="true">
        <label>
          请勿填写此项
          <input type="text" name={HONEYPOT_FIELD} tabIndex={-1} autoComplete="off" defaultValue="" />
        </label>
      </div>

      {citations && citations.length > 1 ? (
        <label className="field">
          <span>针对的条款</span>
          <select name="citation" defaultValue={values.citation || citations[0].citation} {...invalid("citation", fieldErrors)}>
            {citations.map((c) => (
              <option key={c.citation} value={c.citation}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
      ) : citations ? (
        <input type="hidden" name="citation" value={citations[0].citation} />
      ) : unknownCitation !== undefined ? (
        <label className="field">
          <span>条款（如：第十二条第二款；不填为总体意见）</span>
          <input name="citation" defaultValue={unknownCitation} maxLength={60} {...invalid("citation", fieldErrors)} />
        </label>
      ) : (
        <input type="hidden" name="citation" value="" />
      )}
      <FieldError name="citation" errors={fieldErrors} />

      <label className="field">
        <span>{general ? "您对草案的总体意见" : "您的意见"}（必填）</span>
        <textarea name="body" rows={6} maxLength={MAX_BODY} required defaultValue={values.body} {...invalid("body", fieldErrors)} />
      </label>
      <FieldError name="body" errors={fieldErrors} />

      {general ? null : (
        <>
          <label className="field">
            <span>建议修改为（可选）</span>
            <small className="field-hint" id="suggested-hint">如有具体的修改文字，请写出修改后的条文。</small>
            <textarea name="suggestedText" rows={4} maxLength={MAX_BODY} aria-describedby="suggested-hint" defaultValue={values.suggestedText} {...invalid("suggestedText", fieldErrors)} />
          </label>
          <FieldError name="suggestedText" errors={fieldErrors} />
        </>
      )}

      <label className="field">
        <span>理由（可选）</span>
        <textarea name="reason" rows={3} maxLength={2000} defaultValue={values.reason} {...invalid("reason", fieldErrors)} />
      </label>
      <FieldError name="reason" errors={fieldErrors} />

      <details className="personal" open={personalOpen}>
        <summary>留下姓名和联系方式（可选）</summary>
        <div className="pipl-notice" id="pipl-notice">
          <p><strong>个人信息处理说明</strong></p>
          <p>您可自愿留下姓名、电话和职业，仅用于就您的意见与您联系、核实情况。</p>
          <p>只有{contactPoint}的工作人员能看到这些信息；向法工委报送意见时，姓名和电话会作遮挡处理（如“张**”“138****1234”）。</p>
          <p>这些信息保存到本次征求意见的报告归档为止。不留也完全可以提交意见。</p>
        </div>
        <label className="field">
          <span>姓名</span>
          <input name="submitterName" autoComplete="name" maxLength={40} defaultValue={values.submitterName} {...invalid("submitterName", fieldErrors)} />
        </label>
        <FieldError name="submitterName" errors={fieldErrors} />
        <label className="field">
          <span>电话</span>
          <input name="submitterPhone" type="tel" inputMode="tel" autoComplete="tel" maxLength={30} defaultValue={values.submitterPhone} {...invalid("submitterPhone", fieldErrors)} />
        </label>
        <FieldError name="submitterPhone" errors={fieldErrors} />
        <label className="field">
          <span>职业</span>
          <input name="submitterOccupation" maxLength={40} defaultValue={values.submitterOccupation} {...invalid("submitterOccupation", fieldErrors)} />
        </label>
        <FieldError name="submitterOccupation" errors={fieldErrors} />
        <label className="consent">
          <input type="checkbox" name="consent" value="on" defaultChecked={values.consent === "on"} aria-describedby="pipl-notice" {...invalid("consent", fieldErrors)} />
          <span>我已阅读并同意上述个人信息处理说明</span>
        </label>
        <FieldError name="consent" errors={fieldErrors} />
      </details>

      {closed ? null : passedWhileOpen ? (
        <p className="error" role="alert">
          征求意见已于 {formatDeadline(deadline)} 截止，提交将不被接收。请先复制保存您填写的内容。
        </p>
      ) : null}
      {closed ? null : (
        <button type="submit" className="button block">
          提交意见
        </button>
      )}
    </Form>
  );
}
