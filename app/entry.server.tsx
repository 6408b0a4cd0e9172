// Server rendering. Pages are rendered to one string rather than streamed: React 18.3's streaming renderer
// writes stray NUL bytes before 2 KB boundaries when a multi-byte character straddles one (fixed upstream in
// React PR #26228, never released in 18.x), and we use no deferred data that streaming would help with.
import type { AppLoadContext, EntryContext, HandleDataRequestFunction, HandleErrorFunction } from "@remix-run/node";
import { RemixServer, isRouteErrorResponse } from "@remix-run/react";
import { renderToString } from "react-dom/server";
import { NonceProvider } from "~/utils/nonce";
import { describeError } from "~/utils/log.server";

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const html = renderToString(
    <NonceProvider value={loadContext.cspNonce ?? ""}>
      <RemixServer context={remixContext} url={request.url} />
    </NonceProvider>,
  );
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  keepPrivate(responseHeaders);
  return new Response(`<!DOCTYPE html>${html}`, { status: responseStatusCode, headers: responseHeaders });
}

// Pages and their data carry personal and unpublished material: no shared cache may keep them unless a route says so.
function keepPrivate(headers: Headers) {
  if (!headers.has("Cache-Control")) headers.set("Cache-Control", "private, no-cache");
}

export const handleDataRequest: HandleDataRequestFunction = (response) => {
  keepPrivate(response.headers);
  return response;
};

/** One line per failed request, without the stack of a database driver's message (ErrorBoundary shows users a Chinese page). */
export const handleError: HandleErrorFunction = (error, { request }) => {
  // Aborted requests and our own 4xx answers (not found, forbidden) are not errors.
  if (request.signal.aborted || isRouteErrorResponse(error) || (error instanceof Response && error.status < 500)) return;
  const url = new URL(request.url);
  console.error(`${request.method} ${JSON.stringify(url.pathname)}: ${describeError(error)}`);
};
