import { useEffect, useState } from "react";
import * as Y from "yjs";
import { WebsocketProvider } from "y-websocket";

/** "closed": collab-server ended the connection for good (see PERMANENT_CLOSE_CODES); no reconnection follows. */
export type ConnectionStatus = "connecting" | "connected" | "disconnected" | "closed";

const TOKEN_REFRESH_MS = 4 * 60 * 1000;

/**
 * Opens a Y.Doc on collab-server. Tokens are short-lived, so a fresh one is fetched from `tokenUrl`
 * periodically; the provider uses it on its next (re)connection, at the latest when collab-server closes the
 * connection because the token it was opened with has expired.
 */
export function useCollabProvider({ serverUrl, docName, token, tokenUrl }: { serverUrl: string; docName: string; token: string; tokenUrl: string }) {
  const [state, setState] = useState<{ doc: Y.Doc; provider: WebsocketProvider } | null>(null);
  const [status, setStatus] = useState<ConnectionStatus>("connecting");
  const [synced, setSynced] = useState(false);
  const [closeCode, setCloseCode] = useState<number | null>(null);

  useEffect(() => {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(serverUrl, docName, doc, { disableBc: true, params: { token } });
    provider.on("status", ({ status }: { status: ConnectionStatus }) => setStatus(status));
    provider.on("sync", (isSynced: boolean) => setSynced(isSynced));
    provider.on("closed", ({ code }) => {
      setStatus("closed");
      setCloseCode(code);
    });
    const refresh = setInterval(async () => {
      try {
        const response = await fetch(tokenUrl, { headers: { Accept: "application/json" } });
        if (response.ok) provider.params = { ...provider.params, token: (await response.json()).token };
      } catch {
        // Offline: keep the old token; the next tick tries again.
      }
    }, TOKEN_REFRESH_MS);
    setState({ doc, provider });
    return () => {
      clearInterval(refresh);
      provider.destroy();
      doc.destroy();
    };
  }, [serverUrl, docName, token, tokenUrl]);

  return { ...state, status, synced, closeCode };
}
