// Live annotation: a Server-Sent Events stream telling the consultation's open pages (the draft with its comments,
// a forum) that comments were added or a forum closed, so that they reload their data. Contact-point users of the
// consultation only; events carry no content (the pages' loaders apply scope and masking).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getPrisma } from "~/utils/db.server";
import { requireUserWithRole } from "~/utils/auth.server";
import { invariantResponse } from "~/utils/http.server";
import { getEnv } from "~/utils/env.server";
import { describeError } from "~/utils/log.server";
import { eventStream } from "~/utils/event-stream.server";
import { reserveLiveConnection } from "~/utils/live-connections.server";
import { onLiveEvents, type LiveEvent } from "~/utils/live-events.server";
import { consultationScope } from "~/models/consultation.server";

const HEARTBEAT_MS = 25_000;
// Re-authenticated at every reconnection: a stream outlives neither a logout nor a role change by more than this.
const LIFETIME_MS = 10 * 60_000;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithRole(request, ["staff", "deputy", "collector"]);
  const consultation = await getPrisma().consultation.findFirst({
    where: { id: params.consultationId ?? "", ...consultationScope(user) },
    select: { id: true },
  });
  invariantResponse(consultation, "未找到该征求意见任务，或您无权查看。");

  const lease = reserveLiveConnection(user.id, getEnv().LIVE_EVENTS_MAX_CONNECTIONS_PER_USER);
  if (!lease) {
    console.warn(`live events: user ${user.username} over the connection cap on consultation ${consultation.id}`);
    return new Response("打开的页面过多，请关闭部分页面后刷新。", { status: 429, headers: { "Retry-After": "60", "Cache-Control": "no-store" } });
  }
  let stopListening = () => {};
  let ended = false;
  const stream = eventStream({
    signal: request.signal,
    heartbeatMs: HEARTBEAT_MS,
    lifetimeMs: LIFETIME_MS,
    onClose: () => {
      ended = true;
      stopListening();
      lease.release();
    },
  });
  const forward = (event: LiveEvent) => {
    const mine = event.by === user.id;
    if (event.type === "comments") stream.send("comments", { count: event.commentIds.length, mine });
    else stream.send("forum-closed", { forumId: event.forumId, mine });
  };
  try {
    stopListening = await onLiveEvents(consultation.id, forward);
    // The client left while the subscription was being made.
    if (ended) stopListening();
  } catch (error) {
    stream.close();
    console.error(`live events: cannot listen for consultation ${consultation.id}: ${describeError(error)}`);
    return new Response("实时更新暂不可用。", { status: 503, headers: { "Retry-After": "30", "Cache-Control": "no-store" } });
  }
  // Subscribed: from here on nothing announced is missed. A client reconnecting after a gap reloads on `ready`.
  stream.send("ready", {});
  return stream.response;
}
