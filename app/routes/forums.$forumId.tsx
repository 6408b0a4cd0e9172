// A forum (座谈会) as it happens: the minutes and the capture board written live by staff and deputies (collectors
// follow), who is online, the connection state; staff close it, turning the board's cards into comments. Closed
// forums are read-only; the record downloads as Word.
import { json, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { getPrisma } from "~/utils/db.server";
import { forumDocName, requireForumAccess } from "~/utils/forum-access.server";
import { collabServerUrl, collabTokenFor } from "~/utils/collab.server";
import { quoteForLog } from "~/utils/log.server";
import { getClauses } from "~/models/draft.server";
import { closeForum } from "~/commands/close-forum.server";
import { ForumRefusedError } from "~/commands/forum-refused-error.server";
import { anchorTexts, pickableClauses } from "~/components/annotate/clause-texts";
import { colorFor } from "~/components/editor/extensions";
import { ForumWorkspace } from "~/components/forum/forum-workspace";
import { ForumFacts } from "~/components/forum/forum-facts";
import { forumAttendeesFor, forumSpeakersFor } from "~/components/forum/attendees";
import { ClosedNotice } from "~/components/forum/closed-notice";
import { LiveEvents } from "~/components/live/live-events";

// The page embeds collab tokens: no cache (browser, proxy or back/forward) may keep them.
const NO_STORE = { "Cache-Control": "no-store" };

export const headers: HeadersFunction = ({ loaderHeaders, actionHeaders }) => (actionHeaders.has("Cache-Control") ? actionHeaders : loaderHeaders);

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.forum.title ?? "座谈会"} · 立法意见征集平台` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, forum, mode } = await requireForumAccess({ request, params });
  const { consultation } = forum;
  const rows = await getClauses(getPrisma(), { draftVersionId: consultation.draftVersionId });
  const texts = anchorTexts(rows);
  const staff = user.role === "staff";
  const minutesDoc = forumDocName(forum.id, "minutes");
  const boardDoc = forumDocName(forum.id, "board");
  return json(
    {
      forum: {
        id: forum.id,
        title: forum.title,
        heldAt: forum.heldAt.toISOString(),
        location: forum.location,
        attendeeCount: forum.attendeeCount,
        closedAt: forum.closedAt?.toISOString() ?? null,
        closedBy: forum.closedBy?.displayName ?? null,
        commentCount: forum._count.comments,
      },
      consultation: {
        id: consultation.id,
        draftTitle: consultation.draftVersion.draft.title,
        versionLabel: consultation.draftVersion.label,
        contactPointName: consultation.contactPoint.name,
      },
      attendees: forumAttendeesFor(forum.attendees, staff),
      speakers: forumSpeakersFor(forum.attendees, staff),
      clauses: pickableClauses(rows).map((c) => ({ citation: c.citation, depth: c.depth, text: texts.get(c.id) ?? "" })),
      staff,
      closedNow: new URL(request.url).searchParams.has("closed"),
      collab: {
        serverUrl: collabServerUrl(request),
        tokenUrl: `/forums/${forum.id}/collab-token`,
        editable: mode === "write",
        user: { id: user.id, name: user.displayName, color: colorFor(user.id) },
        minutes: { docName: minutesDoc, token: collabTokenFor(user, minutesDoc, mode) },
        board: { docName: boardDoc, token: collabTokenFor(user, boardDoc, mode) },
      },
    },
    { headers: NO_STORE },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, forum } = await requireForumAccess({ request, params });
  if (user.role !== "staff") throw new Response("只有联络员可以结束座谈会。", { status: 403 });
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent !== "close") {
    console.warn(`forum ${forum.id}: unknown intent ${quoteForLog(intent ?? "")} from user ${user.username}`);
    return json({ ok: false as const, message: "无法识别的操作。" }, { status: 400, headers: NO_STORE });
  }
  try {
    const result = await closeForum(getPrisma(), { forum: { id: forum.id, heldAt: forum.heldAt, consultation: forum.consultation }, userId: user.id });
    if (result.closed) console.info(`forum ${forum.id} closed by user ${user.username}: ${result.commentIds.length} comments`);
    else console.info(`forum ${forum.id}: user ${user.username} asked to close it, already closed`);
    return redirect(`/forums/${forum.id}?closed=1`);
  } catch (error) {
    if (!(error instanceof ForumRefusedError)) throw error;
    console.warn(`forum ${forum.id}: closing refused (${error.status}) for user ${user.username}: ${error.message}`);
    return json({ ok: false as const, message: error.userMessage }, { status: error.status, headers: NO_STORE });
  }
}

export default function ForumPage() {
  const data = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  const { forum, consultation, collab } = data;
  const closed = forum.closedAt !== null;
  return (
    <main className="forum-page">
      <div className="breadcrumb">
        <Link to={`/consultations/${consultation.id}`}>{consultation.draftTitle}</Link> / <Link to="/forums">座谈会</Link> / {forum.title}
      </div>
      <LiveEvents consultationId={consultation.id} forumId={forum.id} />
      <div className="card forum-head">
        <h1>{forum.title}</h1>
        <ForumFacts forum={forum} consultation={consultation} attendees={data.attendees} />
        <p className="forum-actions">
          <a href={`/forums/${forum.id}/minutes.docx`} className="button secondary" download>下载记录（Word）</a>
          {data.staff && !closed ? <Link to={`/forums/${forum.id}/edit`} className="button secondary">修改座谈会信息</Link> : null}
        </p>
      </div>
      {refused && !refused.ok ? <div className="error" role="alert">{refused.message}</div> : null}
      {closed ? <ClosedNotice forum={forum} consultationId={consultation.id} staff={data.staff} justClosed={data.closedNow} /> : null}
      <ForumWorkspace
        key={collab.editable ? "write" : "read"}
        collab={collab}
        clauses={data.clauses}
        speakers={data.speakers}
        canClose={data.staff && !closed}
      />
    </main>
  );
}
