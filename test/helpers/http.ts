// A minimal HTTP client for route tests against the running web process: logs in and keeps the cookie.
import { DEMO_PASSWORD } from "../../seeds/demo-data";

export async function login(webUrl: string, username: string, password = DEMO_PASSWORD): Promise<{ status: number; cookie: string | null; location: string | null; body: string }> {
  const response = await fetch(`${webUrl}/login`, {
    method: "POST",
    body: new URLSearchParams({ username, password }),
    redirect: "manual",
  });
  const setCookie = response.headers.get("set-cookie");
  return { status: response.status, cookie: setCookie?.split(";")[0] ?? null, location: response.headers.get("location"), body: await response.text() };
}

export async function get(webUrl: string, path: string, cookie?: string | null): Promise<Response> {
  return fetch(`${webUrl}${path}`, { headers: cookie ? { Cookie: cookie } : {}, redirect: "manual" });
}
