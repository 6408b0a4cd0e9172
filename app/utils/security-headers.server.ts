// Response headers that keep pages from being framed, sniffed, or made to load scripts or send data elsewhere.

/** Headers for every response; `connectTo` are the origins pages may open connections to besides their own (collab-server). */
export function securityHeaders({ nonce, connectTo }: { nonce: string; connectTo: string[] }): Record<string, string> {
  const csp = [
    "default-src 'self'",
    // Remix's inline hydration scripts carry the nonce; every other script is a file of ours.
    `script-src 'self' 'nonce-${nonce}'`,
    // Editor carets and small layout tweaks use style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self' ${connectTo.join(" ")}`.trim(),
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  return {
    "Content-Security-Policy": csp,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    // Public links and receipt numbers in URLs are not sent to other sites.
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
}
