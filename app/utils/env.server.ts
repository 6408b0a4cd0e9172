// Every environment variable the platform reads, validated once at start-up (documented in README.md).
import { z } from "zod";

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL"),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, "must be a redis:// URL"),
  SESSION_SECRET: z.string().min(16, "must be at least 16 characters"),
  COLLAB_SECRET: z.string().min(16, "must be at least 16 characters"),
  PORT: z.coerce.number().int().positive().default(3000),
  COLLAB_PORT: z.coerce.number().int().positive().default(3001),
  COLLAB_HOST: z.string().default("127.0.0.1"),
  /** Where browsers reach collab-server; default ws(s)://<the page's host>:COLLAB_PORT. */
  COLLAB_PUBLIC_URL: z.string().optional(),
  /** Set to true behind HTTPS so that the session cookie is only sent over TLS. */
  COOKIE_SECURE: z.enum(["true", "false"]).default("false"),
  /** Interface the web app binds (read by remix-serve). */
  HOST: z.string().default("127.0.0.1"),
  /** Redis key prefix of the Bull queue. */
  QUEUE_PREFIX: z.string().min(1).default("lifa"),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

export function getEnv(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment variables:\n${fields}`);
  }
  cached = parsed.data;
  return cached;
}
