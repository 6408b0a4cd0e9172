// Similar opinions the similarity search proposes as one suggestion, for staff to confirm (merged: "N 人提出") or
// split (not proposed again) before the final compile. Each decision is its own small form (works without JavaScript).
import { Form } from "@remix-run/react";
import type { CommentView } from "~/comments/present";

export interface ProposalView {
  key: string;
  citation: string;
  /** The weakest similarity that joined the group, 0..1. */
  similarity: number;
  comments: CommentView[];
}

export function GroupProposals({ proposals, total, busy }: { proposals: ProposalView[]; total: number; busy: boolean }) {
  return (
    <section className="card group-proposals" aria-labelledby="proposals-heading">
      <h2 id="proposals-heading">相似意见（{total} 组待确认）</h2>
      <p className="small muted">以下意见内容相近，可能是同一条建议。确认合并后汇总为一条（计为多人提出）；不是同一意见的请选择“分开”，系统不再提示这一组。</p>
      {total > proposals.length ? <p className="small muted">此处列出前 {proposals.length} 组。</p> : null}
      <ol className="proposal-list">
        {proposals.map((p) => (
          <li key={p.key} className="proposal">
            <p className="proposal-head">
              <strong>{p.citation}</strong>
              <span className="tag">{p.comments.length} 条，相似度 {Math.round(p.similarity * 100)}%</span>
            </p>
            <ul className="proposal-comments">
              {p.comments.map((c) => (
                <li key={c.id}>
                  <p className="proposal-body">{c.body}</p>
                  {c.suggestedText ? <p className="small">建议修改为：{c.suggestedText}</p> : null}
                  <p className="small muted">{c.who}{c.supporterCount > 1 ? ` · ${c.supporterCount} 人提出` : ""}</p>
                </li>
              ))}
            </ul>
            <div className="proposal-actions">
              <Form method="post" preventScrollReset>
                <input type="hidden" name="intent" value="group-merge" />
                {p.comments.map((c) => <input key={c.id} type="hidden" name="commentIds" value={c.id} />)}
                <button type="submit" className="button" disabled={busy}>确认合并<span className="sr-only">（{p.citation}的这 {p.comments.length} 条意见）</span></button>
              </Form>
              <Form method="post" preventScrollReset>
                <input type="hidden" name="intent" value="group-split" />
                {p.comments.map((c) => <input key={c.id} type="hidden" name="commentIds" value={c.id} />)}
                <button type="submit" className="button secondary" disabled={busy}>分开，不是同一意见<span className="sr-only">（{p.citation}）</span></button>
              </Form>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
