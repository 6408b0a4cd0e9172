// What app/web-server.ts hands every loader and action besides the request.
import "@remix-run/node";
import type { PublicSubmissionOutcome } from "./comments/public-submission.server";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The nonce allowed by this response's Content-Security-Policy for inline scripts. */
    cspNonce: string;
    /** The client's address (X-Forwarded-For is honoured only when TRUST_PROXY=true). */
    clientIp: string;
    /** Set when the web server's fast path already handled a plain post of the public comment form (see app/web-server.ts). */
    publicSubmission?: PublicSubmissionOutcome;
  }
}
