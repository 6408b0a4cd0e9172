const SAME_SITE = "http://same-site.invalid";

/**
 * Only same-site paths: an open redirect would let a phishing link log users in and send them away.
 * Browsers read a backslash as "/" and drop tabs and newlines, so "/\evil.example" must be refused too.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback: string): string {
  if (typeof to !== "string" || !to.startsWith("/") || /[\\\s\u0000-\u001f\u007f]/.test(to)) return fallback;
  const url = new URL(to, SAME_SITE);
  return url.origin === SAME_SITE ? `${url.pathname}${url.search}${url.hash}` : fallback;
}
