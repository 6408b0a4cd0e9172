// A fresh collab token for an open minutes editor (tokens live ten minutes).
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { requireForumAccess } from "~/utils/forum-access.server";
import { collabTokenFor } from "~/utils/collab.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, mode, docName } = await requireForumAccess({ request, params });
  return json({ token: collabTokenFor(user, docName, mode) }, { headers: { "Cache-Control": "no-store" } });
}
