import path from "node:path";
import { defineConfig } from "prisma/config";
import { createAdapter } from "../app/utils/pg-adapter";

// The CLI must always resolve DATABASE_URL, or it falls back to downloading a query engine (STACK-NOTES trap A).
// `prisma generate` needs no database, so a placeholder is enough there.
process.env.DATABASE_URL ??= "postgresql://postgres@127.0.0.1:5432/placeholder";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(import.meta.dirname, "schema.prisma"),
  migrations: { path: path.join(import.meta.dirname, "migrations") },
  adapter: async () => createAdapter(process.env.DATABASE_URL!),
});
