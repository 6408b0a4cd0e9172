// Pings every connection; one that has not answered the previous ping is dead (e.g. a laptop lid closed
// mid-session) and is terminated, so its awareness state and document lease are released.
import type { WebSocket, WebSocketServer } from "ws";

export function startKeepalive(wss: WebSocketServer, intervalMs: number, onDead: (ws: WebSocket) => void): () => void {
  const alive = new WeakMap<WebSocket, boolean>();
  const onConnection = (ws: WebSocket) => {
    alive.set(ws, true);
    ws.on("pong", () => alive.set(ws, true));
  };
  wss.on("connection", onConnection);
  const timer = setInterval(() => {
    for (const ws of wss.clients) {
      if (alive.get(ws) === false) {
        onDead(ws);
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      ws.ping();
    }
  }, intervalMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    wss.off("connection", onConnection);
  };
}
