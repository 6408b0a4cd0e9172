import { json } from "@remix-run/node";
import { getPrisma } from "~/utils/db.server";

/** For load balancers: 200 when the web process can reach PostgreSQL. Reveals nothing else. */
export async function loader() {
  try {
    await getPrisma().$queryRaw`SELECT 1`;
    return json({ ok: true });
  } catch (error) {
    console.error(`healthz: database unreachable: ${(error as Error).message}`);
    return json({ ok: false }, { status: 503 });
  }
}
