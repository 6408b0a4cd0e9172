// The live part of a forum page: the minutes and the capture board, each a document on collab-server kept in this
// browser too (edits survive going offline and a reload), with one line saying whether edits reach the others.
import { useCollabProvider, type CollabSession } from "~/components/editor/use-collab-provider";
import { MinutesEditor } from "~/components/editor/minutes-editor";
import { connectionState, useBrowserOnline } from "~/components/editor/connection-state";
import { CaptureBoard, type BoardClause } from "./capture-board";
import type { SpeakerChoice } from "./attendees";

export interface ForumCollab {
  serverUrl: string;
  tokenUrl: string;
  editable: boolean;
  user: { id: string; name: string; color: string };
  minutes: { docName: string; token: string };
  board: { docName: string; token: string };
}

/** Shown while either document is not connected: what happens to what the user types. */
function ConnectionBanner({ sessions, editable }: { sessions: CollabSession[]; editable: boolean }) {
  const online = useBrowserOnline();
  const states = sessions.map((s) => connectionState(s, online));
  if (states.every((s) => s === "connected" || s === "syncing")) return null;
  const offline = states.includes("offline");
  const kept = sessions.every((s) => s.keptLocally);
  return (
    <div className={offline ? "connection-banner offline" : "connection-banner"} role="status" data-state={offline ? "offline" : "reconnecting"}>
      {offline ? "网络已断开。" : "与协同服务器的连接中断，正在重新连接。"}
      {editable ? (kept ? "您的修改已保存在本机，刷新页面也不会丢失，恢复连接后自动同步给其他人。" : "已输入的内容不会丢失，恢复连接后自动同步。") : null}
    </div>
  );
}

export function ForumWorkspace({
  collab,
  clauses,
  speakers,
  canClose,
}: {
  collab: ForumCollab;
  clauses: BoardClause[];
  speakers: SpeakerChoice[];
  canClose: boolean;
}) {
  const { serverUrl, tokenUrl, editable, user } = collab;
  const minutes = useCollabProvider({ serverUrl, tokenUrl: `${tokenUrl}?doc=minutes`, editable, ...collab.minutes });
  const board = useCollabProvider({ serverUrl, tokenUrl: `${tokenUrl}?doc=board`, editable, ...collab.board });
  const identity = { name: user.name, color: user.color };
  return (
    <>
      <ConnectionBanner sessions={[minutes, board]} editable={editable} />
      <div className="forum-workspace">
        <section className="forum-minutes" aria-labelledby="minutes-heading">
          <h2 id="minutes-heading">座谈会记录</h2>
          <p className="muted small">{editable ? "联络员和代表可同时记录，输入即时同步给所有参会记录人。" : "只读。"}</p>
          <MinutesEditor session={minutes} user={identity} editable={editable} />
        </section>
        <section className="forum-board" aria-labelledby="board-heading">
          <h2 id="board-heading">意见卡片</h2>
          <p className="muted small">{editable ? "每条意见一张卡片：选择针对的条款、发言人，记录意见、建议修改的文字和理由。多人可同时填写。" : "只读。"}</p>
          <CaptureBoard session={board} user={collab.user} editable={editable} clauses={clauses} speakers={speakers} canClose={canClose} />
        </section>
      </div>
    </>
  );
}
