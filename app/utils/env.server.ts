// Every environment variable the platform reads, validated once at start-up (documented in README.md).
// Each process asks for what it needs: the web app requires SESSION_SECRET, collab-server and the worker do not.
import { z } from "zod";

const boolean = z.enum(["true", "false"]).transform((v) => v === "true");
const positiveInt = z.coerce.number().int().positive();

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL"),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, "must be a redis:// URL"),
  /** Signs session cookies; web only. */
  SESSION_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  COLLAB_SECRET: z.string().min(16, "must be at least 16 characters"),
  PORT: positiveInt.default(3000),
  COLLAB_PORT: positiveInt.default(3001),
  COLLAB_HOST: z.string().default("127.0.0.1"),
  /** Where browsers reach collab-server; default ws(s)://<the page's host>:COLLAB_PORT. */
  COLLAB_PUBLIC_URL: z.string().regex(/^wss?:\/\/[^\s]+$/, "must be a ws:// or wss:// URL").optional(),
  /** collab-server caps; unset means the default in collab-server/limits.ts. */
  COLLAB_MAX_CONNECTIONS_PER_DOCUMENT: positiveInt.optional(),
  COLLAB_MAX_CONNECTIONS_PER_USER_DOCUMENT: positiveInt.optional(),
  COLLAB_MAX_CONNECTIONS_PER_USER: positiveInt.optional(),
  COLLAB_MAX_DOCUMENT_BYTES: positiveInt.optional(),
  /** collab-server: largest WebSocket message, awareness rate per connection (burst, per second, flood threshold). */
  COLLAB_MAX_MESSAGE_BYTES: positiveInt.optional(),
  COLLAB_AWARENESS_BURST: positiveInt.optional(),
  COLLAB_AWARENESS_PER_SECOND: positiveInt.optional(),
  COLLAB_AWARENESS_FLOOD_PER_SECOND: positiveInt.optional(),
  /** collab-server: how long the first update after a quiet spell waits for others before its group commit starts. */
  COLLAB_COMMIT_GATHER_MS: z.coerce.number().int().min(0).max(1_000).default(0),
  /** Set to true behind HTTPS so that the session cookie is only sent over TLS. */
  COOKIE_SECURE: boolean.default("false"),
  /** Interface the web app binds. */
  HOST: z.string().default("127.0.0.1"),
  /** Redis key prefix of the Bull queue (and of the web app's rate-limit counters). */
  QUEUE_PREFIX: z.string().min(1).default("lifa"),
  /**
   * The site's public origin (e.g. https://lifa.example.org). When set, it is the only origin accepted on
   * mutations and the only host put into links; when unset, the request's own Host is used (LAN use).
   */
  PUBLIC_URL: z.string().regex(/^https?:\/\/[^\s/]+$/, "must be an origin like https://example.org (no path)").optional(),
  /** Trust X-Forwarded-Proto / X-Forwarded-For / X-Forwarded-Host: only behind a reverse proxy that sets them. */
  TRUST_PROXY: boolean.default("false"),
  /** Server-side session lifetime in hours (also the cookie's). */
  SESSION_TTL_HOURS: positiveInt.default(12),
  /** Failed logins allowed per account, and per client address, within LOGIN_WINDOW_MINUTES. */
  LOGIN_MAX_FAILURES_PER_ACCOUNT: positiveInt.default(5),
  LOGIN_MAX_FAILURES_PER_IP: positiveInt.default(30),
  LOGIN_WINDOW_MINUTES: positiveInt.default(15),
  /** Public comment posts (/p/<token>) allowed per client address, and per consultation, within the window. */
  PUBLIC_COMMENT_LIMIT_PER_IP: positiveInt.default(30),
  PUBLIC_COMMENT_LIMIT_PER_CONSULTATION: positiveInt.default(3000),
  PUBLIC_COMMENT_WINDOW_MINUTES: positiveInt.default(60),
  /** Receipt lookups (/r/<回执号>) allowed per client address per hour (receipt numbers must not be guessed). */
  RECEIPT_LOOKUP_LIMIT_PER_IP: positiveInt.default(120),
  /** Satisfaction ratings (/r/<回执号>, 满意 / 基本满意 / 不满意) allowed per client address per hour. */
  RATING_LIMIT_PER_IP: positiveInt.default(30),
  /** Largest draft file (.docx / .txt / .md) the committee may upload; the web server refuses bodies over 20 MiB anyway. */
  DRAFT_UPLOAD_MAX_BYTES: positiveInt.default(10 * 1024 * 1024),
  /** How long the worker's claim on a job lasts unrenewed: a killed worker's jobs are retried this long after it died. */
  QUEUE_LOCK_DURATION_MS: positiveInt.default(30_000),
  /** Feedback reports as PDF: a CJK font file (.ttf/.otf, or .ttc whose Simplified Chinese face is used) to embed. */
  REPORT_PDF_FONT: z.string().min(1).default("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"),
  /** Its bold face; when the file is missing, bold text uses REPORT_PDF_FONT. */
  REPORT_PDF_BOLD_FONT: z.string().min(1).default("/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc"),
  /** Tests and demonstrations: a pause in milliseconds between the stages of compiling a report, so its progress can be watched. */
  REPORT_COMPILE_STAGE_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(0),
  /** Live annotation: event streams (/consultations/<id>/events) one user may hold open per web process. */
  LIVE_EVENTS_MAX_CONNECTIONS_PER_USER: positiveInt.default(8),
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

/** SESSION_SECRET, which only the web app needs; throws a clear start-up error when it is missing. */
export function getSessionSecret(): string {
  const secret = getEnv().SESSION_SECRET;
  if (!secret) throw new Error("Invalid environment variables:\n  SESSION_SECRET: required by the web app (at least 16 characters)");
  return secret;
}
