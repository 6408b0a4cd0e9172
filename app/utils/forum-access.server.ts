import type { LoaderFunctionArgs } from "@remix-run/node";
import { getPrisma } from "./db.server";
import { requireUserWithRole } from "./auth.server";
import { invariantResponse } from "./http.server";
import { forumBoardDocName, forumMinutesDocName, type CollabMode } from "./collab-token.server";
import { getForumForUser } from "~/models/forum.server";

/** The forum's two collaborative documents: the minutes (rich text) and the capture board (cards). */
export type ForumDocument = "minutes" | "board";

export function forumDocName(forumId: string, document: ForumDocument): string {
  return document === "board" ? forumBoardDocName(forumId) : forumMinutesDocName(forumId);
}

/**
 * Staff and deputies write the minutes and the board together; collectors may follow them. Once the forum is
 * closed everyone reads only. Other roles have no access; other contact points' forums answer 404.
 */
export async function requireForumAccess({ request, params }: Pick<LoaderFunctionArgs, "request" | "params">) {
  const user = await requireUserWithRole(request, ["staff", "deputy", "collector"]);
  const forum = await getForumForUser(getPrisma(), { id: params.forumId ?? "", user });
  invariantResponse(forum, "未找到该座谈会，或您无权查看。");
  const mode: CollabMode = user.role === "collector" || forum.closedAt ? "read" : "write";
  return { user, forum, mode, docName: forumMinutesDocName(forum.id) };
}
