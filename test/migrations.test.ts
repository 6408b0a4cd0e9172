import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { migrateDeploy } from "../scripts/infra/migrate";
import { createTestDatabase, type TestDatabase } from "./helpers/database";

const MODELS = [
  "Legislature", "ContactPoint", "LegislatureContactPoint", "User", "Draft", "DraftVersion", "Clause", "Consultation",
  "Forum", "Comment", "FeedbackReport", "Adoption", "AuditLog", "CollabDocument", "CollabUpdate",
];

describe("migrations", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ template: false });
  });
  afterAll(() => db.drop());

  it("apply to an empty database and create every model's table", async () => {
    migrateDeploy(db.url);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const tables = await client.query<{ name: string }>("SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = 'public'");
      const names = tables.rows.map((r) => r.name);
      for (const model of MODELS) expect(names).toContain(model);
      const applied = await client.query("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL");
      const committed = fs.readdirSync(path.resolve("prisma/migrations")).filter((d) => /^\d+_/.test(d));
      expect(applied.rowCount).toBe(committed.length);
    } finally {
      await client.end();
    }
  }, 60_000);
});
