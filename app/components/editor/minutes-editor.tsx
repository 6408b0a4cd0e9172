// The forum minutes (座谈会记录): a Tiptap editor bound to collab-server, with carets showing who is typing.
import { useEffect, useState } from "react";
import { EditorContent, useEditor } from "@tiptap/react";
import type { WebsocketProvider } from "y-websocket";
import type * as Y from "yjs";
import { collaborativeExtensions } from "./extensions";
import { PERMANENT_CLOSE_CODES, safeCollaborator, type CollaboratorIdentity } from "./collaboration";
import { useCollabProvider, type ConnectionStatus } from "./use-collab-provider";

const STATUS_LABELS: Record<ConnectionStatus, string> = {
  connecting: "正在连接…",
  connected: "已连接",
  disconnected: "连接已断开，正在重连（已输入的内容不会丢失）",
  closed: "连接已关闭，最近的修改未能保存，请复制未保存的内容后刷新页面",
};

/** Why the server closed the connection for good, as the user can act on it. */
const CLOSED_LABELS: Record<number, string> = {
  [PERMANENT_CLOSE_CODES.documentTooLarge]: "记录已达到大小上限，最近的修改未能保存。请复制未保存的内容，刷新页面并删减后再编辑",
  [PERMANENT_CLOSE_CODES.contentNotAllowed]: "最近的修改包含记录不支持的内容，未能保存。请复制未保存的内容后刷新页面",
  [PERMANENT_CLOSE_CODES.tooManyMessages]: "操作过于频繁，连接已关闭。请刷新页面",
};

type AwarenessSource = Pick<WebsocketProvider, "awareness">;

/** The other users present, their colours checked: a state comes from another browser and may carry anything. */
function peersOf(provider: AwarenessSource): CollaboratorIdentity[] {
  const states = [...provider.awareness.getStates().entries()];
  return states.filter(([id, s]) => id !== provider.awareness.clientID && s.user).map(([, s]) => safeCollaborator(s.user));
}

function usePeers(provider: AwarenessSource) {
  const [peers, setPeers] = useState(() => peersOf(provider));
  useEffect(() => {
    const update = () => setPeers(peersOf(provider));
    provider.awareness.on("change", update);
    update();
    return () => provider.awareness.off("change", update);
  }, [provider]);
  return peers;
}

function BoundEditor({ doc, provider, user, editable }: { doc: Y.Doc; provider: WebsocketProvider; user: CollaboratorIdentity; editable: boolean }) {
  const editor = useEditor(
    {
      immediatelyRender: false,
      editable,
      extensions: collaborativeExtensions(doc, provider, user, editable ? "在此记录座谈会发言，例如：王代表：建议第十二条……" : "尚无记录"),
      editorProps: { attributes: { "aria-label": "座谈会记录", class: "minutes-editor-content" } },
    },
    [doc, provider],
  );
  return <EditorContent editor={editor} className="minutes-editor" />;
}

export function PeerList({ provider }: { provider: AwarenessSource }) {
  const peers = usePeers(provider);
  if (peers.length === 0) return <span>暂无其他人在编辑</span>;
  return (
    <span>
      正在编辑：
      {peers.map((p, i) => (
        <span key={i} className="peer" style={{ background: p.color, marginRight: 4 }}>{p.name}</span>
      ))}
    </span>
  );
}

export function MinutesEditor(props: { serverUrl: string; docName: string; token: string; tokenUrl: string; user: CollaboratorIdentity; editable: boolean }) {
  const { doc, provider, status, synced, closeCode } = useCollabProvider(props);
  const label = status === "closed" ? (CLOSED_LABELS[closeCode ?? 0] ?? STATUS_LABELS.closed) : STATUS_LABELS[status];
  return (
    <div className="editor-shell">
      <div className="editor-status" data-status={status} data-synced={synced ? "yes" : "no"}>
        <span><span className={status === "connected" ? "dot connected" : "dot"} />{label}</span>
        {!props.editable ? <span className="tag">只读</span> : null}
        {provider ? <PeerList provider={provider} /> : null}
      </div>
      {doc && provider ? <BoundEditor doc={doc} provider={provider} user={props.user} editable={props.editable} /> : <div className="minutes-editor"><p className="muted" style={{ padding: "1rem" }}>正在加载…</p></div>}
    </div>
  );
}
