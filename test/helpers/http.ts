// A minimal HTTP client for route tests against the running web process: logs in and keeps the cookie.
import { DEMO_PASSWORD } from "../../seeds/demo-data";

export async function login(
  webUrl: string,
  username: string,
  password = DEMO_PASSWORD,
  extra: Record<string, string> = {},
): Promise<{ status: number; cookie: string | null; location: string | null; body: string }> {
  const response = await fetch(`${webUrl}/login`, {
    method: "POST",
    body: new URLSearchParams({ username, password, ...extra }),
    redirect: "manual",
  });
  const setCookie = response.headers.get("set-cookie");
  return { status: response.status, cookie: setCookie?.split(";")[0] ?? null, location: response.headers.get("location"), body: await response.text() };
}

export async function get(webUrl: string, path: string, cookie?: string | null, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${webUrl}${path}`, { headers: { ...(cookie ? { Cookie: cookie } : {}), ...headers }, redirect: "manual" });
}

/** A form post, as a browser on `origin` would send it (no Origin header when `origin` is null, like a script). */
export async function postForm(
  webUrl: string,
  path: string,
  form: Record<string, string>,
  { cookie, origin = webUrl, headers = {} }: { cookie?: string | null; origin?: string | null; headers?: Record<string, string> } = {},
): Promise<Response> {
  return fetch(`${webUrl}${path}`, {
    method: "POST",
    body: new URLSearchParams(form),
    headers: { ...(cookie ? { Cookie: cookie } : {}), ...(origin ? { Origin: origin } : {}), ...headers },
    redirect: "manual",
  });
}
