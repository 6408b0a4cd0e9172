// What app/web-server.ts hands every loader and action besides the request.
import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The nonce allowed by this response's Content-Security-Policy for inline scripts. */
    cspNonce: string;
    /** The client's address (X-Forwarded-For is honoured only when TRUST_PROXY=true). */
    clientIp: string;
  }
}
