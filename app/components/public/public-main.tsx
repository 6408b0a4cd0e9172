// The public page as a resident first sees it: who asks and until when, how to take part, the draft in the reader
// with a 对本条提意见 link per article, and the general-opinion form at the end.
import type { PublicHeader } from "~/comments/public-consultation.server";
import { DraftReader } from "~/components/reader/draft-reader";
import type { ReaderClause } from "~/components/reader/reader-model";
import { PublicConsultationHeader } from "./public-header";
import { PublicCommentForm } from "./comment-form";
import { ClosedNotice } from "./closed-notice";

/** The link to the comment form for a clause, keeping the deputy a resident came through. */
export function commentHref(header: PublicHeader, citation: string): string {
  const params = new URLSearchParams({ clause: citation });
  if (header.deputy) params.set("via", header.deputy.via);
  return `/p/${header.token}?${params}#comment`;
}

export function PublicMain({ header, clauses, counts, query, submissionKey }: { header: PublicHeader; clauses: ReaderClause[]; counts: Record<string, number>; query: string; submissionKey: string }) {
  return (
    <main className="public">
      <PublicConsultationHeader header={header} />
      {header.open ? (
        <section className="card how-to" aria-labelledby="how-to-title">
          <h2 id="how-to-title">如何提意见</h2>
          <ol>
            <li>阅读草案，可用“目录”跳到关心的条文，或搜索关键词。</li>
            <li>点条文下方的“对本条提意见”，写下意见、建议的修改文字和理由；对草案整体的看法写在页面最后的“总体意见”。</li>
            <li>提交后记下回执号，凭它查看办理情况和采纳反馈。无需登录，姓名电话可不填。</li>
          </ol>
          <p>
            <a href="#general">直接提总体意见</a>
          </p>
        </section>
      ) : (
        <ClosedNotice deadline={header.deadline} />
      )}
      <DraftReader
        title={header.title}
        clauses={clauses}
        counts={counts}
        query={query}
        clauseHref={header.open ? (c) => (c.citation ? commentHref(header, c.citation) : undefined) : undefined}
      />
      <section className="card general" id="general" aria-labelledby="general-title">
        <h2 id="general-title">总体意见</h2>
        {header.open ? (
          <>
            <p className="muted">对草案整体的看法，或草案没有写到、应当增加的内容，请写在这里。</p>
            <PublicCommentForm token={header.token} deadline={header.deadline} contactPoint={header.contactPoint} via={header.deputy?.via} submissionKey={submissionKey} citations={null} id="general-form" />
          </>
        ) : (
          <p>本次征求意见已截止，不再接收新的意见。</p>
        )}
      </section>
    </main>
  );
}
