// Plain posts of the public comment form (no JavaScript, integrations, load tests) are the platform's busiest
// writes: residents at a forum scan the QR code and submit together. A post that is stored is answered here, with a
// small page of its own, without running the Remix page; any other outcome (a field to correct, the deadline, a
// limit) is handed to the Remix route with the outcome already decided, so the form is re-rendered as usual and
// nothing is counted twice. Data requests (`?_data=`, pages with JavaScript) go to Remix untouched.
import type { NextFunction, Request, Response } from "express";
import { createRequestHandler as createRemixHandler, type ServerBuild } from "@remix-run/node";
import { getPrisma } from "./db.server";
import { handlePublicSubmission } from "~/comments/public-submission.server";
import { renderSubmittedDocument } from "~/components/public/submitted-document";

type BodyFields = Record<string, string | string[]>;

function formDataOf(body: BodyFields): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(body)) for (const v of Array.isArray(value) ? value : [value]) form.append(name, String(v));
  return form;
}

function encoded(body: BodyFields): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(body)) for (const v of Array.isArray(value) ? value : [value]) params.append(name, String(v));
  return params.toString();
}

/** Sends a Fetch Response through Express (what @remix-run/express does, for a request we rebuilt). */
async function send(res: Response, response: globalThis.Response): Promise<void> {
  res.status(response.status);
  for (const [name, value] of response.headers) if (name !== "set-cookie") res.append(name, value);
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader("Set-Cookie", cookies);
  if (response.body) for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) res.write(chunk);
  res.end();
}

export function publicFormFastPath(build: ServerBuild, mode: string) {
  const remix = createRemixHandler(build, mode);
  const stylesheets = ((build.routes.root?.module as { links?: () => Array<{ rel?: string; href?: string }> }).links?.() ?? [])
    .filter((link) => link.rel === "stylesheet" && link.href)
    .map((link) => link.href!);

  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const clientIp = req.ip ?? "unknown";
      const outcome = await handlePublicSubmission(getPrisma(), { token: req.params.token, form: formDataOf(req.body as BodyFields), clientIp });
      if (outcome.kind === "answered") {
        res.status(200).type("text/html; charset=utf-8").set("Cache-Control", "no-store");
        res.send(renderSubmittedDocument({ ...outcome, stylesheets }));
        return;
      }
      const host = req.get("Host");
      const request = new globalThis.Request(`${req.protocol}://${host}${req.originalUrl}`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: req.get("Cookie") ?? "", "User-Agent": req.get("User-Agent") ?? "" },
        body: encoded(req.body as BodyFields),
      });
      await send(res, await remix(request, { cspNonce: res.locals.cspNonce as string, clientIp, publicSubmission: outcome }));
    } catch (error) {
      next(error);
    }
  };
}
