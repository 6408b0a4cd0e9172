// The committee's answers (采纳情况) as the contact point reads them: counts by decision, residents' ratings, and
// each answered opinion with the explanation and the clause of the new version it points to.
import { formatChinaDate } from "~/utils/china-time";
import { GENERAL_CITATION } from "~/comments/labels";
import { ADOPTION_LABELS } from "~/components/adoption/adoption-fields";
import { SATISFACTION_LABELS } from "~/components/adoption/satisfaction";
import type { AdoptionDecision, Satisfaction } from "~/generated/prisma/enums";

export interface AnswerView {
  id: string;
  body: string;
  citation: string | null;
  supporterCount: number;
  decision: AdoptionDecision;
  explanation: string | null;
  newCitation: string | null;
  newVersionLabel: string | null;
  answeredAt: string;
}

export function AnswerCounts({
  scope,
  answered,
  unanswered,
  satisfaction,
}: {
  /** Whose opinions are counted: 本联系点 / 本草案. */
  scope: string;
  answered: Record<AdoptionDecision, number>;
  unanswered: number;
  satisfaction: Record<Satisfaction, number>;
}) {
  const rated = Object.values(satisfaction).reduce((a, b) => a + b, 0);
  return (
    <div className="answer-counts small">
      <p>
        {scope}意见：
        {(Object.keys(ADOPTION_LABELS) as AdoptionDecision[]).map((d, i) => (
          <span key={d}>{i > 0 ? " · " : ""}<span className={`answer-decision adoption-${d}`}>{ADOPTION_LABELS[d]}</span> {answered[d]}</span>
        ))}
        {" · "}尚未答复 {unanswered}
      </p>
      <p className="muted">
        群众评价（{rated} 人）：
        {(Object.keys(SATISFACTION_LABELS) as Satisfaction[]).map((s, i) => <span key={s}>{i > 0 ? " · " : ""}{SATISFACTION_LABELS[s]} {satisfaction[s]}</span>)}
      </p>
    </div>
  );
}

export function AnswersList({ answers, empty }: { answers: AnswerView[]; empty: string }) {
  if (answers.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ol className="answers-list">
      {answers.map((a) => (
        <li key={a.id} className="answer">
          <p className="answer-head">
            <strong>{a.citation ?? GENERAL_CITATION}</strong>
            <span className={`tag adoption adoption-${a.decision}`}>{ADOPTION_LABELS[a.decision]}</span>
            {a.supporterCount > 1 ? <span className="tag">{a.supporterCount} 人提出</span> : null}
          </p>
          <p className="answer-body">{a.body}</p>
          {a.explanation ? <p className="answer-explanation"><span className="muted small">法工委说明：</span>{a.explanation}</p> : null}
          <p className="small muted">
            {a.newCitation ? `对应${a.newVersionLabel ?? "新版本"}${a.newCitation}` : "未对应具体条款"} · {formatChinaDate(a.answeredAt)}答复
          </p>
        </li>
      ))}
    </ol>
  );
}
