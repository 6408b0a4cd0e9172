// Live annotation in the browser: listens to the consultation's event stream and reloads the page's data when
// someone of the contact point adds comments (the draft page) or closes this forum (a forum page). The stream only
// says that something changed; the data comes through the loaders, masked as usual. A note says what arrived.
import { useEffect, useRef, useState } from "react";
import { useRevalidator } from "@remix-run/react";

const FIRST_RETRY_MS = 5_000;
const LAST_RETRY_MS = 5 * 60_000;

export function LiveEvents({ consultationId, forumId }: { consultationId: string; forumId?: string }) {
  const revalidator = useRevalidator();
  const [note, setNote] = useState("");
  const latest = useRef(revalidator);
  latest.current = revalidator;
  const wanted = useRef(false);

  // One reload at a time; events arriving meanwhile ask for one more afterwards.
  useEffect(() => {
    if (wanted.current && revalidator.state === "idle") {
      wanted.current = false;
      revalidator.revalidate();
    }
  }, [revalidator]);

  useEffect(() => {
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let delay = FIRST_RETRY_MS;
    let connectedBefore = false;
    const reload = () => {
      if (latest.current.state === "idle") latest.current.revalidate();
      else wanted.current = true;
    };
    const open = () => {
      source = new EventSource(`/consultations/${consultationId}/events`);
      source.addEventListener("ready", () => {
        delay = FIRST_RETRY_MS;
        // Events sent while the stream was down are gone: catch up once.
        if (connectedBefore) reload();
        connectedBefore = true;
      });
      source.addEventListener("comments", (event) => {
        if (forumId) return;
        const { count, mine } = JSON.parse((event as MessageEvent<string>).data) as { count: number; mine: boolean };
        if (!mine) setNote(`刚刚收到 ${count} 条新意见，已显示在下方。`);
        reload();
      });
      source.addEventListener("forum-closed", (event) => {
        const closed = JSON.parse((event as MessageEvent<string>).data) as { forumId: string; mine: boolean };
        if (!forumId || closed.forumId !== forumId) return;
        if (!closed.mine) setNote("座谈会已由联络员结束，记录和意见卡片已变为只读。");
        reload();
      });
      source.onerror = () => {
        // The browser retries by itself unless the answer was not a stream (logged out, refused, a proxy's page).
        if (source?.readyState !== EventSource.CLOSED) return;
        retry = setTimeout(open, delay);
        delay = Math.min(delay * 2, LAST_RETRY_MS);
      };
    };
    open();
    return () => {
      clearTimeout(retry);
      source?.close();
    };
  }, [consultationId, forumId]);

  return (
    <p className="live-note" aria-live="polite" aria-atomic="true">
      {note}
    </p>
  );
}
