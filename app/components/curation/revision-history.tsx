// The wording a comment had before each edit by staff, newest first: what the person actually said is never lost.
import { formatTime } from "~/components/annotate/comment-card";

export interface RevisionRow {
  id: string;
  body: string;
  suggestedText: string | null;
  reason: string | null;
  editedBy: string;
  createdAt: string;
}

export function RevisionHistory({ revisions }: { revisions: RevisionRow[] }) {
  return (
    <section className="card revision-history" aria-labelledby="history-heading">
      <h2 id="history-heading">修改记录</h2>
      {revisions.length === 0 ? <p className="muted small">尚未修改过，以上为原始内容。</p> : (
        <ol>
          {revisions.map((r) => (
            <li key={r.id}>
              <p className="small muted">{r.editedBy} 于 <time dateTime={r.createdAt}>{formatTime(r.createdAt)}</time> 修改，修改前为：</p>
              <p className="revision-body">{r.body}</p>
              {r.suggestedText ? <p className="small"><span className="muted">建议修改为：</span>{r.suggestedText}</p> : null}
              {r.reason ? <p className="small"><span className="muted">理由：</span>{r.reason}</p> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
