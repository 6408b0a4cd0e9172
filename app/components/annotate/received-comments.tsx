// The opinions this contact point has received on the draft, in the draft's order, below the text: deputies and
// staff under their names, residents masked unless the reader is the contact point's staff (done on the server).
import type { CommentView } from "~/comments/present";
import { CommentCard } from "./comment-card";

export function ReceivedComments({
  comments,
  total,
  originals,
  savedId,
}: {
  comments: CommentView[];
  total: number;
  originals: Record<string, string>;
  savedId?: string | null;
}) {
  return (
    <section className="received-comments" aria-labelledby="received-heading">
      <h2 id="received-heading">本联系点已提出的意见（{total} 条）</h2>
      {comments.length === 0 ? <p className="muted">还没有意见。选中条文中的文字，或点条文旁的“批注”，提出第一条意见。</p> : null}
      {total > comments.length ? <p className="muted small">此处列出前 {comments.length} 条。</p> : null}
      <ol className="comment-list">
        {comments.map((c) => (
          <li key={c.id} className={c.id === savedId ? "just-saved" : undefined}>
            <CommentCard comment={c} original={c.clauseId ? originals[c.clauseId] : undefined} citationHref={c.clauseId ? `#${c.citation}` : undefined} />
          </li>
        ))}
      </ol>
    </section>
  );
}
