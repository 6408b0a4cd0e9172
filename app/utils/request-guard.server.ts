// Checks every request passes before any route sees it (wired in app/web-server.ts). Pure functions of the
// request's method, URL and headers, so they are tested without a server.

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
// Control characters have no place in a path, a query or a Host; a NUL byte reaching PostgreSQL is an error.
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;
const HOST_HEADER = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/** Why a request line or Host is unusable (answered 400), or null. */
export function malformedRequestReason({ url, host }: { url: string; host: string | undefined }): string | null {
  if (host !== undefined && !HOST_HEADER.test(host)) return `invalid Host header ${JSON.stringify(host.slice(0, 100))}`;
  let decoded: string;
  try {
    decoded = decodeURIComponent(url);
  } catch {
    return "undecodable percent-encoding in the URL";
  }
  if (CONTROL_CHARS.test(decoded)) return "control character in the URL";
  return null;
}

export interface MutationOrigin {
  method: string;
  origin: string | undefined;
  referer: string | undefined;
  secFetchSite: string | undefined;
  /** The site's own origin, e.g. http://127.0.0.1:3000. */
  siteOrigin: string;
}

/**
 * Why a state-changing request is refused as cross-site, or null. Browsers say where a request comes from
 * (Sec-Fetch-Site, else Origin, else Referer); a request that says nothing comes from a non-browser client,
 * which carries no victim's cookies, and is allowed (integrations post the public comment form that way).
 */
export function crossSiteRefusal({ method, origin, referer, secFetchSite, siteOrigin }: MutationOrigin): string | null {
  if (SAFE_METHODS.has(method.toUpperCase())) return null;
  if (secFetchSite && secFetchSite !== "same-origin" && secFetchSite !== "none") return `Sec-Fetch-Site is ${JSON.stringify(secFetchSite)}`;
  if (origin !== undefined) return origin === siteOrigin ? null : `Origin ${JSON.stringify(origin.slice(0, 200))} is not ${siteOrigin}`;
  if (referer !== undefined) {
    let refererOrigin: string | null = null;
    try {
      refererOrigin = new URL(referer).origin;
    } catch {
      // An unparsable Referer is treated as foreign.
    }
    return refererOrigin === siteOrigin ? null : `Referer ${JSON.stringify(referer.slice(0, 200))} is not from ${siteOrigin}`;
  }
  return null;
}
