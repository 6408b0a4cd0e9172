// The forum minutes (座谈会记录): a Tiptap editor bound to a live document, with carets showing who is typing.
import { useEffect, useState } from "react";
import { EditorContent, useEditor } from "@tiptap/react";
import type { WebsocketProvider } from "y-websocket";
import type * as Y from "yjs";
import { collaborativeExtensions } from "./extensions";
import { safeCollaborator, type CollaboratorIdentity } from "./collaboration";
import type { CollabSession } from "./use-collab-provider";
import { connectionLabel, connectionState, useBrowserOnline } from "./connection-state";

type AwarenessSource = Pick<WebsocketProvider, "awareness">;

/** The other users present, their colours checked: a state comes from another browser and may carry anything. */
function peersOf(provider: AwarenessSource): CollaboratorIdentity[] {
  const states = [...provider.awareness.getStates().entries()];
  return states.filter(([id, s]) => id !== provider.awareness.clientID && s.user).map(([, s]) => safeCollaborator(s.user));
}

export function usePeers(provider: AwarenessSource) {
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
    [doc, provider, editable],
  );
  return <EditorContent editor={editor} className="minutes-editor" />;
}

export function PeerList({ provider, verb = "正在编辑" }: { provider: AwarenessSource; verb?: string }) {
  const peers = usePeers(provider);
  if (peers.length === 0) return <span>暂无其他人在线</span>;
  return (
    <span>
      {verb}：
      {peers.map((p, i) => (
        <span key={i} className="peer" style={{ background: p.color, marginRight: 4 }}>{p.name}</span>
      ))}
    </span>
  );
}

/** The status line of a live document: connection state (with `data-status` / `data-synced` for tests) and who is there. */
export function SessionStatus({ session, editable, verb }: { session: CollabSession; editable: boolean; verb?: string }) {
  const online = useBrowserOnline();
  const state = connectionState(session, online);
  return (
    <div className="editor-status" data-status={session.status} data-state={state} data-synced={session.synced ? "yes" : "no"}>
      <span><span className={state === "connected" ? "dot connected" : state === "closed" ? "dot closed" : "dot"} />{connectionLabel(state, { closeCode: session.closeCode, keptLocally: session.keptLocally, editable })}</span>
      {!editable ? <span className="tag">只读</span> : null}
      {session.provider ? <PeerList provider={session.provider} verb={verb ?? (editable ? "正在编辑" : "在线")} /> : null}
    </div>
  );
}

export function MinutesEditor({ session, user, editable }: { session: CollabSession; user: CollaboratorIdentity; editable: boolean }) {
  const { doc, provider } = session;
  return (
    <div className="editor-shell">
      <SessionStatus session={session} editable={editable} />
      {doc && provider ? <BoundEditor doc={doc} provider={provider} user={user} editable={editable} /> : <div className="minutes-editor"><p className="muted" style={{ padding: "1rem" }}>正在加载…</p></div>}
    </div>
  );
}
