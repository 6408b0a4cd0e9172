// /r/<回执号>: a resident's comment, where it stands, and the committee's answer once there is one (采纳情况).
import type { ReactNode } from "react";
import { COMMENT_KIND_LABELS, COMMENT_STATUS_LABELS, GENERAL_CITATION } from "~/comments/labels";
import type { AdoptionDecision, CommentKind, CommentStatus } from "~/generated/prisma/enums";
import { RedlineView } from "./redline-view";
import { formatChinaTime } from "~/utils/china-time";

export interface ReceiptView {
  receiptNo: string;
  createdAt: string;
  status: CommentStatus;
  kind: CommentKind;
  body: string;
  suggestedText: string | null;
  reason: string | null;
  citation: string | null;
  clauseText: string | null;
  receiver: string | null;
  title: string;
  versionLabel: string;
  contactPoint: string;
  publicToken: string;
  mergedSupporters: number | null;
  adoption: {
    decision: AdoptionDecision;
    explanation: string | null;
    createdAt: string;
    newClause?: { citation: string; draftVersion: { label: string } } | null;
  } | null;
}

const STATUS_EXPLAINED: Record<CommentStatus, string> = {
  active: "联系点已收到您的意见，将整理汇总后报送法工委。",
  merged: "您的意见与其他人提出的相同意见已合并，作为一条意见一并报送。",
  withdrawn: "这条意见已撤回，不再报送。",
  hidden: "联系点工作人员未将这条意见列入汇总（例如与草案无关或重复提交）。",
};

export const ADOPTION_LABELS: Record<AdoptionDecision, string> = { adopted: "采纳", partly: "部分采纳", declined: "未采纳" };

/** `rating`: the resident's rating of the answer, shown under it (see app/components/adoption/rating-form.tsx). */
export function ReceiptPage({ view, rating }: { view: ReceiptView; rating?: ReactNode }) {
  return (
    <main className="public">
      <section className="card receipt-card" aria-labelledby="receipt-title">
        <p className="muted small">{`回执号：${view.receiptNo}`}</p>
        <h1 id="receipt-title">我的意见</h1>
        <p>
          《{view.title.replace(/^《|》$/g, "")}》<span className="tag">{view.versionLabel}</span>
        </p>
        <p className="muted">
          提交给 {view.contactPoint}
          {view.receiver ? `（人大代表 ${view.receiver}）` : ""} · {formatChinaTime(view.createdAt)}
        </p>
        <p className={`status status-${view.status}`}>
          办理状态：<strong>{COMMENT_STATUS_LABELS[view.status]}</strong>
        </p>
        <p className="status-explained">
          {STATUS_EXPLAINED[view.status]}
          {view.mergedSupporters && view.mergedSupporters > 1 ? `共有 ${view.mergedSupporters} 人提出这条意见。` : ""}
        </p>
      </section>

      <section className="card receipt-card" aria-labelledby="comment-title">
        <h2 id="comment-title">
          {view.citation ?? GENERAL_CITATION}
          <span className="tag">{COMMENT_KIND_LABELS[view.kind]}</span>
        </h2>
        {view.clauseText ? (
          <>
            <h3 className="receipt-label">草案原文</h3>
            <blockquote className="clause-original">{view.clauseText}</blockquote>
          </>
        ) : null}
        <h3 className="receipt-label">我的意见</h3>
        <p className="receipt-text">{view.body}</p>
        {view.suggestedText ? (
          <>
            <h3 className="receipt-label">建议修改为</h3>
            {view.clauseText ? (
              <>
                <RedlineView original={view.clauseText} suggested={view.suggestedText} />
                <p className="muted small">删除线为建议删去的文字，下划线为建议增加的文字。</p>
              </>
            ) : (
              <p className="receipt-text">{view.suggestedText}</p>
            )}
          </>
        ) : null}
        {view.reason ? (
          <>
            <h3 className="receipt-label">理由</h3>
            <p className="receipt-text">{view.reason}</p>
          </>
        ) : null}
      </section>

      <section className="card receipt-card" aria-labelledby="adoption-title">
        <h2 id="adoption-title">采纳情况</h2>
        {view.adoption ? (
          <>
            <p>
              法工委的答复：<strong className={`adoption adoption-${view.adoption.decision}`}>{ADOPTION_LABELS[view.adoption.decision]}</strong>
            </p>
            {view.adoption.explanation ? <p className="receipt-text">{view.adoption.explanation}</p> : null}
            {view.adoption.newClause ? <p className="muted">对应{view.adoption.newClause.draftVersion.label}{view.adoption.newClause.citation}</p> : null}
          </>
        ) : (
          <p className="muted">法工委尚未答复。草案修改后，这里会显示您的意见是否被采纳及理由。</p>
        )}
      </section>
      {rating}
      <p className="receipt-card back-link">
        <a href={`/p/${view.publicToken}`}>查看草案</a>　<a href="/r">查询其他回执号</a>
      </p>
    </main>
  );
}
