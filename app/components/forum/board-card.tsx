// One opinion on the capture board: the clause it is about (with the clause's text), who said it, the opinion, the
// suggested wording and the reason — every text box bound to the card's shared Y.Text, so several people can fill
// one card at once.
import { useEffect, useRef, useState, type ReactNode } from "react";
import type { CollaboratorIdentity } from "~/components/editor/collaboration";
import { GENERAL_CITATION } from "~/comments/labels";
import { cardText, forgetSpeakerAccount, readCard, setCitation, setSpeaker, type CardMap, type CardTextField } from "./board-doc";
import { useYTextBinding } from "./use-y-text-binding";
import type { SpeakerChoice } from "./attendees";

export interface BoardClause {
  citation: string;
  depth: number;
  text: string;
}

function usePlainFields(card: CardMap) {
  const [fields, setFields] = useState(() => {
    const { id, citation, speakerUserId } = readCard(card);
    return { id, citation, speakerUserId };
  });
  useEffect(() => {
    const update = () => {
      const { id, citation, speakerUserId } = readCard(card);
      setFields({ id, citation, speakerUserId });
    };
    card.observe(update);
    update();
    return () => card.unobserve(update);
  }, [card]);
  return fields;
}

/** Whether a shared text is empty (blank), following others' edits. */
function useBlank(text: ReturnType<typeof cardText>): boolean {
  const [blank, setBlank] = useState(() => !text?.toString().trim());
  useEffect(() => {
    if (!text) return;
    const update = () => setBlank(!text.toString().trim());
    text.observe(update);
    update();
    return () => text.unobserve(update);
  }, [text]);
  return blank;
}

function BoundField({
  card,
  field,
  label,
  id,
  editable,
  multiline,
  placeholder,
  onLocalEdit,
  hidden,
  children,
}: {
  card: CardMap;
  field: CardTextField;
  label: string;
  id: string;
  editable: boolean;
  multiline?: boolean;
  placeholder?: string;
  onLocalEdit?: () => void;
  hidden?: boolean;
  children?: ReactNode;
}) {
  const ref = useRef<HTMLTextAreaElement & HTMLInputElement>(null);
  const text = cardText(card, field);
  useYTextBinding(ref, text, { onLocalEdit });
  // Read-only, an empty box says nothing: left out (kept in the DOM, bound, for when text arrives).
  const blank = useBlank(text);
  const common = { id, ref, readOnly: !editable, placeholder: editable ? placeholder : undefined, "data-field": field, maxLength: multiline ? 5000 : 40 };
  return (
    <div className={`card-field ${field}`} hidden={hidden || (!editable && blank)}>
      <label htmlFor={id}>{label}</label>
      {multiline ? <textarea rows={2} {...common} /> : <input type="text" autoComplete="off" {...common} />}
      {children}
    </div>
  );
}

/** The clause's text under its choice: three lines, the rest on request. */
function ClauseText({ text }: { text: string }) {
  const [open, setOpen] = useState(false);
  if (!text) return null;
  const long = text.length > 90;
  return (
    <div className="card-clause-text">
      <p className={open || !long ? "open" : undefined}>{text}</p>
      {long ? <button type="button" className="link-button small" aria-expanded={open} onClick={() => setOpen(!open)}>{open ? "收起原文" : "展开原文"}</button> : null}
    </div>
  );
}

export function BoardCard({
  card,
  no,
  cardKey,
  editable,
  clauses,
  speakers,
  peers,
  autoFocus,
  onFocusChange,
  onRemove,
}: {
  card: CardMap;
  no: number;
  cardKey: string;
  editable: boolean;
  clauses: BoardClause[];
  speakers: SpeakerChoice[];
  peers: CollaboratorIdentity[];
  autoFocus: boolean;
  onFocusChange: (cardId: string | null) => void;
  onRemove: () => void;
}) {
  const { id, citation, speakerUserId } = usePlainFields(card);
  const noOpinion = useBlank(cardText(card, "opinion"));
  const [confirmRemove, setConfirmRemove] = useState(false);
  const clauseRef = useRef<HTMLSelectElement>(null);
  const base = `card-${cardKey}`;
  const known = clauses.some((c) => c.citation === citation);
  const clauseText = clauses.find((c) => c.citation === citation)?.text ?? "";
  useEffect(() => {
    if (autoFocus) clauseRef.current?.focus();
  }, [autoFocus]);

  return (
    <article
      className="board-card"
      aria-labelledby={`${base}-title`}
      data-card-id={id}
      onFocus={() => onFocusChange(id)}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) onFocusChange(null);
      }}
    >
      <header className="board-card-head">
        <h3 id={`${base}-title`}>第 {no} 条意见<span className="sr-only">：{citation || GENERAL_CITATION}</span></h3>
        {peers.length ? (
          <span className="card-peers" aria-label={`${peers.map((p) => p.name).join("、")}正在填写`}>
            {peers.map((p, i) => <span key={i} className="peer" style={{ background: p.color }}>{p.name}</span>)}
          </span>
        ) : null}
        {editable ? (
          confirmRemove ? (
            <span className="card-remove">
              <button type="button" className="link-button danger" onClick={onRemove}>确认删除</button>
              <button type="button" className="link-button" onClick={() => setConfirmRemove(false)}>取消</button>
            </span>
          ) : (
            <button type="button" className="link-button card-remove" onClick={() => setConfirmRemove(true)}>删除<span className="sr-only">第 {no} 条意见</span></button>
          )
        ) : null}
      </header>

      <div className="card-field citation">
        <label htmlFor={`${base}-citation`}>针对条款</label>
        <select id={`${base}-citation`} ref={clauseRef} value={citation} disabled={!editable} onChange={(e) => setCitation(card, e.currentTarget.value)}>
          <option value="">{GENERAL_CITATION}</option>
          {!known && citation ? <option value={citation}>{citation}</option> : null}
          {clauses.map((c) => (
            <option key={c.citation} value={c.citation}>{"\u3000".repeat(c.depth)}{c.citation}</option>
          ))}
        </select>
      </div>
      <ClauseText text={clauseText} />

      <div className="card-speaker">
        <BoundField
          card={card}
          field="speaker"
          label="发言人"
          id={`${base}-speaker`}
          editable={editable}
          placeholder="姓名"
          onLocalEdit={() => forgetSpeakerAccount(card)}
        >
          {speakerUserId ? <span className="tag deputy">人大代表</span> : null}
        </BoundField>
        {editable && speakers.length ? (
          <div className="card-field pick-speaker">
            <label htmlFor={`${base}-pick`}>从参会人员中选择</label>
            <select
              id={`${base}-pick`}
              value=""
              onChange={(e) => {
                const picked = speakers.find((s) => s.key === e.currentTarget.value);
                if (picked) setSpeaker(card, { name: picked.name, userId: picked.userId, occupation: picked.occupation ?? "" });
              }}
            >
              <option value="">选择…</option>
              {speakers.map((s) => (
                <option key={s.key} value={s.key}>{s.userId ? `${s.name}（人大代表）` : s.occupation ? `${s.name}（${s.occupation}）` : s.name}</option>
              ))}
            </select>
          </div>
        ) : null}
        <BoundField card={card} field="speakerOccupation" label="职业或单位" id={`${base}-occupation`} editable={editable} placeholder="如：退休职工、物业公司" hidden={Boolean(speakerUserId)} />
      </div>

      <BoundField card={card} field="opinion" label="意见" id={`${base}-opinion`} editable={editable} multiline placeholder="发言人的意见" />
      <BoundField card={card} field="suggestedText" label="建议修改为" id={`${base}-suggested`} editable={editable} multiline placeholder="建议的条文表述（可不填）" />
      <BoundField card={card} field="reason" label="理由" id={`${base}-reason`} editable={editable} multiline placeholder="可不填" />
      {editable && noOpinion ? <p className="card-hint muted small">尚未填写意见：结束座谈会时，没有意见的卡片不转为意见。</p> : null}
    </article>
  );
}
