// The CSP nonce of the current response, generated per request by the web server (app/web-server.ts) and handed
// to React on the server; in the browser it is the empty string (browsers hide nonces from the DOM anyway).
import { createContext, useContext } from "react";

const NonceContext = createContext("");

export const NonceProvider = NonceContext.Provider;

export function useNonce(): string {
  return useContext(NonceContext);
}
