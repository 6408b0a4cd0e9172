import type { LoaderFunctionArgs } from "@remix-run/node";
import { getPrisma } from "./db.server";
import { requireUserWithRole } from "./auth.server";
import { invariantResponse } from "./http.server";
import { forumMinutesDocName, type CollabMode } from "./collab-token.server";
import { getForumForUser } from "~/models/forum.server";

/** Staff and deputies write the minutes together; collectors may follow them. Other roles have no access. */
export async function requireForumAccess({ request, params }: Pick<LoaderFunctionArgs, "request" | "params">) {
  const user = await requireUserWithRole(request, ["staff", "deputy", "collector"]);
  const forum = await getForumForUser(getPrisma(), { id: params.forumId ?? "", user });
  invariantResponse(forum, "未找到该座谈会，或您无权查看。");
  const mode: CollabMode = user.role === "collector" ? "read" : "write";
  return { user, forum, mode, docName: forumMinutesDocName(forum.id) };
}
