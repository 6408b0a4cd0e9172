const SAME_SITE = "http://same-site.invalid";

/**
 * Only same-site paths: an open redirect would let a phishing link log users in and send them away.
 * The decision is made on the normalised URL, as the browser will read it: "/.//evil.com", "/a/..//evil.com" and
 * "/%2e//evil.com" all normalise to the protocol-relative "//evil.com". Browsers also read a backslash as "/" and
 * drop tabs and newlines, so those are refused before parsing.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback: string): string {
  if (typeof to !== "string" || !to.startsWith("/") || /[\\\s\u0000-\u001f\u007f]/.test(to)) return fallback;
  let url: URL;
  try {
    url = new URL(to, SAME_SITE);
  } catch {
    return fallback;
  }
  const normalised = `${url.pathname}${url.search}${url.hash}`;
  if (url.origin !== SAME_SITE || !normalised.startsWith("/") || normalised.startsWith("//")) return fallback;
  return normalised;
}
