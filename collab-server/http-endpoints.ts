// The plain HTTP side of collab-server: /healthz for load balancers and probes (says nothing about what is being
// edited), /metrics for operators holding COLLAB_SECRET (document and user activity shows in the counters' trends).
import crypto from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { CollabMetrics } from "./metrics";

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  response.writeHead(status, { "Content-Type": "application/json", "Cache-Control": "no-store", ...headers });
  response.end(JSON.stringify(body));
}

/** Compares digests, so that neither the secret's content nor its length shows in the timing. */
function holdsSecret(authorization: string | undefined, secret: string): boolean {
  const match = /^Bearer +(\S+) *$/i.exec(authorization ?? "");
  if (!match) return false;
  const digest = (value: string) => crypto.createHash("sha256").update(value).digest();
  return crypto.timingSafeEqual(digest(match[1]), digest(secret));
}

export function createHttpHandler(secret: string, metrics: CollabMetrics) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    const path = (request.url ?? "").split("?")[0];
    if (path === "/healthz") return sendJson(response, 200, { status: "ok" });
    if (path === "/metrics") {
      if (!holdsSecret(request.headers.authorization, secret)) {
        return sendJson(response, 401, { error: "unauthorized" }, { "WWW-Authenticate": "Bearer" });
      }
      return sendJson(response, 200, metrics);
    }
    response.writeHead(426, { "Content-Type": "text/plain" }).end("Upgrade Required");
  };
}
