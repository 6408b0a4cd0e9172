// The Prisma driver adapter for PostgreSQL, shared by the Prisma CLI (migrations) and the app.
// Two workarounds for Prisma 6.19's JS engine live here (see ../shared/STACK-NOTES.md):
// - catalog columns of type `name` (OID 19) / `name[]` (1003) and `char` (18) / `char[]` (1002) cannot be
//   deserialized by the engine (prisma/orm#27403): relabel them as text / text[];
// - the adapter's built-in shadow database replays into the real database; use a private one and force-drop it.
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";

const RELABELLED_OIDS: Record<number, number> = { 18: 25, 19: 25, 1002: 1009, 1003: 1009 };

function relabel(result: unknown): unknown {
  const results = Array.isArray(result) ? result : [result];
  for (const r of results as Array<{ fields?: Array<{ dataTypeID: number }> }>) {
    for (const field of r?.fields ?? []) {
      const to = RELABELLED_OIDS[field.dataTypeID];
      if (to) field.dataTypeID = to;
    }
  }
  return result;
}

class RelabellingClient extends pg.Client {
  // pg's query() is overloaded (promise or callback); both paths are wrapped.
  query(...args: unknown[]): any {
    const last = args[args.length - 1];
    if (typeof last === "function") {
      const callback = last as (err: unknown, res: unknown) => void;
      args[args.length - 1] = (err: unknown, res: unknown) => callback(err, err ? res : relabel(res));
      return (super.query as (...a: unknown[]) => unknown)(...args);
    }
    const out = (super.query as (...a: unknown[]) => unknown)(...args);
    if (out && typeof (out as Promise<unknown>).then === "function") {
      return (out as Promise<unknown>).then(relabel);
    }
    return out;
  }
}

export function createPool(connectionString: string, max = 10): pg.Pool {
  return new pg.Pool({ connectionString, max, Client: RelabellingClient as unknown as typeof pg.Client });
}

class ShadowAwarePrismaPg extends PrismaPg {
  constructor(private readonly connectionString: string) {
    super(createPool(connectionString), { disposeExternalPool: true });
  }

  async connectToShadowDb() {
    const name = `prisma_shadow_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: this.connectionString });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(this.connectionString);
    url.pathname = `/${name}`;
    const shadow = await new PrismaPg(createPool(url.toString()), { disposeExternalPool: true }).connect();
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      const dropper = new pg.Client({ connectionString: this.connectionString });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await dropper.end();
    };
    return shadow;
  }
}

export function createAdapter(connectionString: string): PrismaPg {
  return new ShadowAwarePrismaPg(connectionString);
}
