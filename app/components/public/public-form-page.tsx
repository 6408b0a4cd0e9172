// The comment form on its own page: for one clause (its text shown above the form) or for 总体意见. Also what a
// refused post re-renders: the message, the field errors, and everything the resident typed.
import type { PublicHeader } from "~/comments/public-consultation.server";
import type { PublicFormValues } from "~/comments/public-form";
import { layoutDraft } from "~/components/reader/reader-model";
import { ReaderLineText } from "~/components/reader/reader-line";
import { PublicConsultationHeader } from "./public-header";
import { PublicCommentForm } from "./comment-form";
import { ClosedNotice } from "./closed-notice";
import type { ClauseTarget } from "./clause-target";

export interface FormFailure {
  message: string;
  fieldErrors: Record<string, string>;
  values: PublicFormValues;
  via: string;
  submission: string;
  closed: boolean;
}

function ClauseText({ target }: { target: ClauseTarget }) {
  const layout = layoutDraft(target.clauses);
  return (
    <div className="draft reader-text clause-quote">
      {layout.lines.map((line) => (
        <ReaderLineText key={line.clause.id + line.prefix} line={line} />
      ))}
    </div>
  );
}

export function PublicFormPage({
  header,
  target,
  unknownCitation,
  failure,
  submissionKey,
}: {
  header: PublicHeader;
  target: ClauseTarget | null;
  unknownCitation?: string;
  failure?: FormFailure;
  submissionKey: string;
}) {
  const back = `/p/${header.token}${header.deputy ? `?via=${encodeURIComponent(header.deputy.via)}` : ""}${target ? `#${target.citation}` : ""}`;
  const canWrite = header.open || failure?.closed;
  return (
    <main className="public">
      <PublicConsultationHeader header={header} compact />
      {failure ? (
        <div className="error" role="alert">
          {failure.message}
        </div>
      ) : null}
      <section className="card form-card" id="comment" aria-labelledby="form-title">
        <h1 id="form-title">{target ? `对${target.citation}提意见` : unknownCitation ? "提意见" : "提总体意见"}</h1>
        {target ? <ClauseText target={target} /> : null}
        {canWrite ? (
          <PublicCommentForm
            token={header.token}
            deadline={header.deadline}
            contactPoint={header.contactPoint}
            via={failure?.via || header.deputy?.via}
            submissionKey={failure?.submission || submissionKey}
            citations={target ? target.choices : null}
            unknownCitation={target ? undefined : unknownCitation}
            values={failure?.values}
            fieldErrors={failure?.fieldErrors}
            closed={failure?.closed}
          />
        ) : null}
        <p className="back-link">
          <a href={back}>← 返回阅读草案全文</a>
        </p>
      </section>
      {canWrite ? null : <ClosedNotice deadline={header.deadline} />}
    </main>
  );
}
