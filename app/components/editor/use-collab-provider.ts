import { useEffect, useRef, useState } from "react";
import * as Y from "yjs";
import { WebsocketProvider } from "y-websocket";
import { IndexeddbPersistence } from "y-indexeddb";

/** "closed": collab-server ended the connection for good (see PERMANENT_CLOSE_CODES); no reconnection follows. */
export type ConnectionStatus = "connecting" | "connected" | "disconnected" | "closed";

const TOKEN_REFRESH_MS = 4 * 60 * 1000;
/** After a lost connection a fresh token is fetched (the page may have been reloaded from a stale token), at most this often. */
const TOKEN_RETRY_MS = 15 * 1000;
/** How long the editor waits for the browser's local copy before connecting anyway (a blocked or slow IndexedDB). */
const LOCAL_COPY_WAIT_MS = 1500;

export interface CollabSession {
  doc?: Y.Doc;
  provider?: WebsocketProvider;
  status: ConnectionStatus;
  /** The server's state has been received since the last (re)connection. */
  synced: boolean;
  closeCode: number | null;
  /** The browser keeps a local copy (IndexedDB): edits made offline survive a reload and are sent on reconnection. */
  keptLocally: boolean;
}

/** The IndexedDB database holding the browser's copy of a document. */
export function localCopyName(docName: string): string {
  return `lifa-collab:${docName}`;
}

/**
 * Opens a Y.Doc on collab-server. Writers keep a local copy in IndexedDB, loaded before connecting: edits made while
 * offline are kept across reloads and merged when the connection returns. Tokens are short-lived, so a fresh one is
 * fetched from `tokenUrl` periodically and after a lost connection; the provider uses it on its next reconnection.
 * The token given is only the first one: a new token from a reloaded page does not reopen the document.
 */
export function useCollabProvider({ serverUrl, docName, token, tokenUrl, editable = true }: { serverUrl: string; docName: string; token: string; tokenUrl: string; editable?: boolean }): CollabSession {
  const [state, setState] = useState<{ doc: Y.Doc; provider: WebsocketProvider } | null>(null);
  const [status, setStatus] = useState<ConnectionStatus>("connecting");
  const [synced, setSynced] = useState(false);
  const [closeCode, setCloseCode] = useState<number | null>(null);
  const [keptLocally, setKeptLocally] = useState(false);
  const latestToken = useRef(token);
  latestToken.current = token;

  useEffect(() => {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(serverUrl, docName, doc, { connect: false, disableBc: true, params: { token: latestToken.current } });
    let destroyed = false;
    let lastTokenFetch = Date.now();
    provider.on("status", ({ status }: { status: ConnectionStatus }) => setStatus(status));
    provider.on("sync", (isSynced: boolean) => setSynced(isSynced));
    let closedForGood = false;
    provider.on("closed", ({ code }) => {
      closedForGood = true;
      setStatus("closed");
      setCloseCode(code);
    });

    async function refreshToken() {
      lastTokenFetch = Date.now();
      try {
        const response = await fetch(tokenUrl, { headers: { Accept: "application/json" } });
        if (response.ok && !destroyed) provider.params = { ...provider.params, token: (await response.json()).token };
      } catch {
        // Offline: keep the old token; the next attempt tries again.
      }
    }
    const refresh = setInterval(refreshToken, TOKEN_REFRESH_MS);
    const onLost = () => {
      setSynced(false);
      if (navigator.onLine && Date.now() - lastTokenFetch > TOKEN_RETRY_MS) void refreshToken();
    };
    provider.on("connection-close", onLost);
    provider.on("connection-error", onLost);
    // The browser says the network is gone: a socket may still look open while nothing passes. Close it, so that
    // the page says "offline" at once and edits go only to the local copy; reconnect as soon as the network returns.
    const onOffline = () => provider.disconnect();
    const onOnline = () => {
      if (!closedForGood && !destroyed && !provider.wsconnected) {
        provider.disconnect();
        provider.connect();
      }
    };
    window.addEventListener("offline", onOffline);
    window.addEventListener("online", onOnline);

    // Readers (a collector, or anyone once the forum is closed) read the server's copy only: a local copy could hold
    // edits that can no longer be stored, shown as if they were part of the record.
    const local = editable && typeof indexedDB !== "undefined" ? new IndexeddbPersistence(localCopyName(docName), doc) : null;
    const connect = () => {
      if (!destroyed && !provider.shouldConnect && navigator.onLine) provider.connect();
    };
    if (local) {
      local.whenSynced.then(() => {
        if (!destroyed) setKeptLocally(true);
        connect();
      });
      setTimeout(connect, LOCAL_COPY_WAIT_MS);
    } else {
      connect();
    }
    setState({ doc, provider });
    return () => {
      destroyed = true;
      clearInterval(refresh);
      window.removeEventListener("online", onOnline);
      window.removeEventListener("offline", onOffline);
      provider.destroy();
      void local?.destroy();
      doc.destroy();
    };
  }, [serverUrl, docName, tokenUrl, editable]);

  // A reloaded page brings a fresh token: the next reconnection uses it.
  useEffect(() => {
    if (state) state.provider.params = { ...state.provider.params, token };
  }, [state, token]);

  return { ...state, status, synced, closeCode, keptLocally };
}
