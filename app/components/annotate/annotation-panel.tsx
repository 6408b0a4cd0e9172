// The comment form beside the draft (a side panel on wide screens, a bottom sheet on phones): type, opinion, suggested
// wording pre-filled with the clause text and red-lined live against it, reason; for staff and collectors also the
// channel and the resident they speak for. A plain form underneath: without JavaScript it posts and comes back with
// its values and messages; with it, a fetcher posts and the text stays put whatever the answer.
import { useEffect, useRef, useState } from "react";
import { Link, useFetcher } from "@remix-run/react";
import type { CommentKind } from "~/generated/prisma/enums";
import { COMMENT_KIND_LABELS, COMMENT_SOURCE_LABELS, GATHERING_CHANNELS, GENERAL_CITATION } from "~/comments/labels";
import { GENERAL_CLAUSE, OWN_OPINION } from "~/comments/annotation-input";
import { ROLE_LABELS } from "~/utils/roles";
import type { PickableClause } from "./clause-texts";
import { DeadlineNote } from "./deadline-note";
import { RedlineText } from "./redline-text";
import { FieldError } from "./field-error";

export interface AnnotationTarget {
  /** Clause row id, or "general" for 总体意见. */
  clauseId: string;
  quote?: string;
  near?: number;
}

export type AnnotationResult =
  | { ok: true; commentId: string }
  | { ok: false; errors: Record<string, string>; values: Record<string, string> };

export interface AnnotationPanelProps {
  action: string;
  target: AnnotationTarget;
  role: "deputy" | "staff" | "collector";
  /** Citation and anchor text of every clause, by row id. */
  clauses: Record<string, { citation: string; original: string }>;
  pickable: PickableClause[];
  deadline: string;
  isOpen: boolean;
  /** What a post without JavaScript came back with. */
  returned?: Extract<AnnotationResult, { ok: false }>;
  closeHref: string;
  onTargetChange: (target: AnnotationTarget) => void;
  onClose: () => void;
  onSubmitted: (commentId: string) => void;
}

const KINDS = Object.keys(COMMENT_KIND_LABELS) as CommentKind[];

export function AnnotationPanel(props: AnnotationPanelProps) {
  const { target, clauses, role, returned } = props;
  const fetcher = useFetcher<AnnotationResult>();
  const formRef = useRef<HTMLFormElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [hydrated, setHydrated] = useState(false);
  const general = target.clauseId === GENERAL_CLAUSE;
  const clause = general ? null : clauses[target.clauseId];
  const original = clause?.original ?? "";
  const values = returned?.values;
  const [suggested, setSuggested] = useState(values?.suggestedText ?? original);
  const [prefilledFrom, setPrefilledFrom] = useState(target.clauseId);
  const [channel, setChannel] = useState(values?.channel ?? OWN_OPINION);
  /** Words selected in the clause's text inside the form, until the user narrows the comment to them. */
  const [picked, setPicked] = useState<{ quote: string; near: number } | null>(null);
  const result = fetcher.data ?? returned;
  const errors = result && !result.ok ? result.errors : {};
  const busy = fetcher.state !== "idle";

  useEffect(() => setHydrated(true), []);
  useEffect(() => headingRef.current?.focus(), []);

  // Another clause picked: its text replaces the suggestion unless the user already edited the old one.
  if (prefilledFrom !== target.clauseId) {
    const previous = clauses[prefilledFrom]?.original ?? "";
    setPrefilledFrom(target.clauseId);
    setPicked(null);
    if (suggested === previous || suggested === "") setSuggested(original);
  }

  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.ok) {
      formRef.current?.reset();
      props.onSubmitted(fetcher.data.commentId);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when an answer arrives
  }, [fetcher.state, fetcher.data]);

  const forResidents = role !== "deputy";
  const showResident = forResidents && (!hydrated || channel !== OWN_OPINION);
  const defaultKind = values?.kind ?? (general ? "principle" : "amend");
  // Messages about fields this form does not show (a position, a channel a deputy cannot pick) go on top.
  const shown = new Set(["form", "kind", "body", "suggestedText", "reason", ...(target.quote ? ["quote"] : ["clauseId", "citation"]), ...(forResidents ? ["channel"] : []), ...(showResident ? ["submitterName", "submitterPhone", "consent"] : [])]);
  const formErrors = Object.entries(errors).filter(([field]) => !shown.has(field) || field === "form").map(([, message]) => message);

  return (
    <aside className="annotation-panel" aria-labelledby="annotation-heading" id="annotate" onKeyDown={(e) => e.key === "Escape" && props.onClose()}>
      <div className="annotation-panel-head">
        <h2 id="annotation-heading" ref={headingRef} tabIndex={-1}>
          {general ? "提出总体意见" : `对${clause?.citation ?? "条文"}提意见`}
        </h2>
        <Link to={props.closeHref} className="annotation-close" preventScrollReset onClick={(e) => { e.preventDefault(); props.onClose(); }}>
          关闭<span className="sr-only">意见表单</span>
        </Link>
      </div>
      <DeadlineNote deadline={props.deadline} open={props.isOpen} />
      <fetcher.Form method="post" action={props.action} ref={formRef} className="annotation-form" noValidate>
        {hydrated ? <input type="hidden" name="js" value="1" /> : null}
        <input type="hidden" name="prefillFor" value={target.clauseId} />
        {formErrors.length > 0 ? <div className="error" role="alert">{formErrors.join(" ")}</div> : null}

        {target.quote ? (
          <div className="annotation-quote">
            <input type="hidden" name="clauseId" value={target.clauseId} />
            <input type="hidden" name="quote" value={target.quote} />
            <input type="hidden" name="near" value={target.near ?? 0} />
            <span className="muted small">所选文字（{clause?.citation}）</span>
            <blockquote>「{target.quote}」</blockquote>
            <button type="button" className="link-button" onClick={() => props.onTargetChange({ clauseId: target.clauseId })}>改为针对整条</button>
            <FieldError message={errors.quote} id="quote-error" />
          </div>
        ) : (
          <label className="field">
            <span>针对</span>
            <select
              name="clauseId"
              value={target.clauseId}
              onChange={(e) => props.onTargetChange({ clauseId: e.target.value })}
              aria-describedby={errors.clauseId || errors.citation ? "clause-error" : undefined}
            >
              <option value={GENERAL_CLAUSE}>{GENERAL_CITATION}（对草案整体）</option>
              {props.pickable.map((c) => (
                <option key={c.id} value={c.id}>{"\u3000".repeat(c.depth)}{c.citation}</option>
              ))}
            </select>
            <FieldError message={errors.clauseId ?? errors.citation} id="clause-error" />
          </label>
        )}

        {!general && !target.quote && original ? (
          <details className="annotation-original">
            <summary>只针对其中部分文字？</summary>
            <label className="field">
              <span className="small">在原文中选中文字（鼠标拖选，或按住 Shift 用方向键选择）</span>
              {/* Not readOnly: browsers move no caret in read-only fields, so Shift+arrows could not select. Typing is
                  undone at once (the value is fixed), and inputMode none keeps phones' keyboards away. */}
              <textarea
                value={original}
                onChange={() => {}}
                inputMode="none"
                aria-readonly="true"
                spellCheck={false}
                rows={Math.min(8, original.split("\n").length + 2)}
                onSelect={(e) => {
                  const { selectionStart: start, selectionEnd: end, value } = e.currentTarget;
                  const words = value.slice(start, end);
                  // Trimmed as the reader's selection is: offsets stay those of the words themselves.
                  const leading = words.length - words.trimStart().length;
                  setPicked(words.trim() ? { quote: words.trim(), near: start + leading } : null);
                }}
              />
            </label>
            <button
              type="button"
              className="button secondary"
              disabled={!picked}
              onClick={() => picked && props.onTargetChange({ clauseId: target.clauseId, ...picked })}
            >
              {picked ? `只针对所选文字「${picked.quote.length > 12 ? `${picked.quote.slice(0, 12)}…` : picked.quote}」` : "请先在原文中选中文字"}
            </button>
          </details>
        ) : null}

        <fieldset className="field kind-choice">
          <legend>意见类型</legend>
          {KINDS.map((k) => (
            <label key={k}>
              <input type="radio" name="kind" value={k} defaultChecked={k === defaultKind} /> {COMMENT_KIND_LABELS[k]}
            </label>
          ))}
          <FieldError message={errors.kind} id="kind-error" />
        </fieldset>

        {forResidents ? (
          <label className="field">
            <span>意见来源</span>
            <select name="channel" value={channel} onChange={(e) => setChannel(e.target.value)}>
              <option value={OWN_OPINION}>本人意见（{ROLE_LABELS[role]}）</option>
              {GATHERING_CHANNELS.map((c) => (
                <option key={c} value={c}>代群众录入：{COMMENT_SOURCE_LABELS[c]}</option>
              ))}
            </select>
            <FieldError message={errors.channel} id="channel-error" />
          </label>
        ) : null}

        {showResident ? (
          <fieldset className="resident">
            <legend>提出意见的群众{hydrated ? "" : "（代群众录入时填写）"}</legend>
            <div className="resident-fields">
              <label className="field">
                <span>姓名（可不填）</span>
                <input name="submitterName" defaultValue={values?.submitterName} maxLength={40} autoComplete="off" aria-describedby={errors.submitterName ? "name-error" : undefined} />
                <FieldError message={errors.submitterName} id="name-error" />
              </label>
              <label className="field">
                <span>电话（可不填）</span>
                <input name="submitterPhone" defaultValue={values?.submitterPhone} inputMode="tel" maxLength={30} autoComplete="off" aria-describedby={errors.submitterPhone ? "phone-error" : undefined} />
                <FieldError message={errors.submitterPhone} id="phone-error" />
              </label>
            </div>
            <label className="consent">
              <input type="checkbox" name="consent" value="on" defaultChecked={values?.consent === "on"} />
              已告知群众：姓名和电话仅用于本联系点反馈意见处理情况，不对外公开；群众同意记录。
            </label>
            <FieldError message={errors.consent} id="consent-error" />
          </fieldset>
        ) : null}

        <label className="field">
          <span>意见内容</span>
          <textarea name="body" rows={4} required maxLength={5000} defaultValue={values?.body} aria-invalid={errors.body ? true : undefined} aria-describedby={errors.body ? "body-error" : undefined} />
          <FieldError message={errors.body} id="body-error" />
        </label>

        <label className="field">
          <span>建议修改为（可不填{general ? "" : "；已填入原文，请直接修改"}）</span>
          <textarea
            name="suggestedText"
            rows={Math.min(10, Math.max(3, suggested.split("\n").length + 1))}
            value={suggested}
            onChange={(e) => setSuggested(e.target.value)}
            aria-describedby={errors.suggestedText ? "suggested-error" : undefined}
          />
          <FieldError message={errors.suggestedText} id="suggested-error" />
        </label>
        {!general && suggested.trim() && suggested !== original ? (
          <div className="redline-preview">
            <span className="muted small">与原文对照（删去的文字划线，增加的文字加下划线）</span>
            <RedlineText original={original} suggested={suggested} />
          </div>
        ) : null}

        <label className="field">
          <span>理由（可不填）</span>
          <textarea name="reason" rows={3} maxLength={2000} defaultValue={values?.reason} aria-describedby={errors.reason ? "reason-error" : undefined} />
          <FieldError message={errors.reason} id="reason-error" />
        </label>

        <div className="annotation-actions">
          <button type="submit" className="button" disabled={busy || !props.isOpen}>{busy ? "正在提交…" : "提交意见"}</button>
          <Link to={props.closeHref} preventScrollReset onClick={(e) => { e.preventDefault(); props.onClose(); }}>取消</Link>
        </div>
      </fetcher.Form>
    </aside>
  );
}
