// A fresh collab token for an open forum document (tokens live ten minutes): `?doc=minutes` (default) or `?doc=board`.
// Read-only once the forum is closed.
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { forumDocName, requireForumAccess } from "~/utils/forum-access.server";
import { collabTokenFor } from "~/utils/collab.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, forum, mode } = await requireForumAccess({ request, params });
  const document = new URL(request.url).searchParams.get("doc") === "board" ? "board" : "minutes";
  return json({ token: collabTokenFor(user, forumDocName(forum.id, document), mode) }, { headers: { "Cache-Control": "no-store" } });
}
