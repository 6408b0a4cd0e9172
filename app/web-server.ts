// The web process (`node --import tsx app/web-server.ts [build/index.js]`): Express serving the Remix build, with
// the checks every request passes first — a well-formed URL and Host, security headers with a per-response CSP
// nonce, and no cross-site mutations (data requests included). One request's bad input never ends the process.
import crypto from "node:crypto";
import path from "node:path";
import url from "node:url";
import express, { type NextFunction, type Request, type Response } from "express";
import compression from "compression";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import { getEnv, getSessionSecret, type Env } from "~/utils/env.server";
import { crossSiteRefusal, malformedRequestReason } from "~/utils/request-guard.server";
import { securityHeaders } from "~/utils/security-headers.server";
import { collabServerUrlFor } from "~/utils/collab.server";
import { describeError, quoteForLog } from "~/utils/log.server";
import { publicFormFastPath } from "~/utils/public-form-fast-path.server";

// Bodies larger than this are refused before Remix reads them into memory (uploads of Word files stay far below).
const MAX_BODY_BYTES = 20 * 1024 * 1024;

function plainError(res: Response, status: number, message: string) {
  res.status(status).type("text/plain; charset=utf-8").set("Cache-Control", "no-store").send(message);
}

/** The origin the browser sees this site at: PUBLIC_URL, else the request's scheme and Host. */
function siteOrigin(req: Request, env: Env): string {
  if (env.PUBLIC_URL) return env.PUBLIC_URL;
  const host = (env.TRUST_PROXY && req.get("X-Forwarded-Host")) || req.get("Host");
  return `${req.protocol}://${host}`;
}

export function createWebApp(build: ServerBuild, env: Env) {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", env.TRUST_PROXY);

  app.use((req, res, next) => {
    const host = (env.TRUST_PROXY && req.get("X-Forwarded-Host")) || req.get("Host");
    const reason = malformedRequestReason({ url: req.originalUrl, host });
    if (reason) {
      console.warn(`web: 400 for ${req.method} ${quoteForLog(req.originalUrl)}: ${reason}`);
      return plainError(res, 400, "请求地址无效。");
    }
    // A body of unknown length (chunked) could be endless: browsers and ordinary clients always say how long
    // theirs is, so requiring it lets the length check below bound every body Remix will read.
    if (req.get("Transfer-Encoding") && !req.get("Content-Length")) return plainError(res, 411, "请求缺少内容长度。");
    if (Number(req.get("Content-Length") ?? 0) > MAX_BODY_BYTES) return plainError(res, 413, "提交的内容过大。");
    next();
  });

  app.use((req, res, next) => {
    const nonce = crypto.randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    const pageUrl = new URL(siteOrigin(req, env));
    res.set(securityHeaders({ nonce, connectTo: [collabServerUrlFor(pageUrl, env)] }));
    next();
  });

  app.use(compression());
  app.use(build.publicPath, express.static(build.assetsBuildDirectory, { immutable: true, maxAge: "1y" }));
  app.use(express.static("public", { maxAge: "1h" }));

  app.use((req, res, next) => {
    const refusal = crossSiteRefusal({
      method: req.method,
      origin: req.get("Origin"),
      referer: req.get("Referer"),
      secFetchSite: req.get("Sec-Fetch-Site"),
      siteOrigin: siteOrigin(req, env),
    });
    if (!refusal) return next();
    console.warn(`web: refused a cross-site ${req.method} ${quoteForLog(req.originalUrl)}: ${refusal}`);
    plainError(res, 403, "拒绝来自其他网站的提交。请在本站页面上操作。");
  });

  // Plain posts of the public comment form (not Remix data requests) take the fast path; see its module.
  app.post(
    "/p/:token",
    (req, _res, next) => (req.query._data === undefined && req.is("application/x-www-form-urlencoded") ? next() : next("route")),
    express.urlencoded({ extended: false, limit: "256kb" }),
    publicFormFastPath(build, env.NODE_ENV),
  );

  app.all(
    "*",
    createRequestHandler({
      build,
      mode: env.NODE_ENV,
      getLoadContext: (req, res) => ({ cspNonce: res.locals.cspNonce as string, clientIp: req.ip ?? "unknown" }),
    }),
  );

  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    console.error(`web: ${req.method} ${quoteForLog(req.originalUrl)} failed: ${describeError(error)}`);
    if (res.headersSent) return res.end();
    // Errors of the body parser carry their status (413 too large, 400 malformed).
    const status = (error as { status?: number }).status;
    if (status === 413) return plainError(res, 413, "提交的内容过大。");
    if (typeof status === "number" && status >= 400 && status < 500) return plainError(res, status, "请求无法处理。");
    plainError(res, error instanceof URIError || error instanceof TypeError ? 400 : 500, "服务器出错了，请稍后再试。");
  });
  return app;
}

async function main() {
  // React and Remix pick their production builds from NODE_ENV at import time (the build is imported below).
  process.env.NODE_ENV ??= "production";
  const env = getEnv();
  getSessionSecret();
  const buildPath = path.resolve(process.argv[2] ?? "build/index.js");
  const build = (await import(url.pathToFileURL(buildPath).href)) as ServerBuild;
  const server = createWebApp(build, env).listen(env.PORT, env.HOST, () => {
    console.info(`web listening on http://${env.HOST}:${env.PORT}`);
  });
  // A bug in one request's promise chain is logged; it must not stop the pages of everyone else.
  process.on("unhandledRejection", (reason) => console.error(`web: unhandled rejection: ${describeError(reason)}`));
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

if (import.meta.url === url.pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
