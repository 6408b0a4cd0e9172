import { json, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireForumAccess } from "~/utils/forum-access.server";
import { collabServerUrl, collabTokenFor } from "~/utils/collab.server";
import { MinutesEditor } from "~/components/editor/minutes-editor";
import { colorFor } from "~/components/editor/extensions";
import { formatDate } from "~/components/consultation-list";

// The page embeds a collab token: no cache (browser, proxy or back/forward) may keep it.
const NO_STORE = { "Cache-Control": "no-store" };

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.forum.title ?? "座谈会"} · 立法意见征集平台` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, forum, mode, docName } = await requireForumAccess({ request, params });
  return json({
    forum,
    collab: {
      serverUrl: collabServerUrl(request),
      docName,
      token: collabTokenFor(user, docName, mode),
      tokenUrl: `/forums/${forum.id}/collab-token`,
      editable: mode === "write",
      user: { name: user.displayName, color: colorFor(user.id) },
    },
  }, { headers: NO_STORE });
}

export default function ForumPage() {
  const { forum, collab } = useLoaderData<typeof loader>();
  const { consultation } = forum;
  return (
    <main>
      <div className="breadcrumb">
        <Link to={`/consultations/${consultation.id}`}>{consultation.draftVersion.draft.title}</Link> / 座谈会
      </div>
      <h1>{forum.title}</h1>
      <p className="muted small">
        {consultation.contactPoint.name} · {formatDate(forum.heldAt)} · {forum.location} · 参会 {forum.attendeeCount} 人
      </p>
      <h2>座谈会记录</h2>
      <p className="muted small">联络员和代表可同时记录，输入即时同步给所有参会记录人。</p>
      <MinutesEditor {...collab} />
    </main>
  );
}
