// The arguments of the operators' token command (token.ts), checked without I/O: what is wrong is said in Chinese
// and English, and the usage is shown.
import { parseArgs } from "node:util";

export const USAGE = [
  "用法 / usage: npm run -s collab:token -- --user 用户名 --doc 文档名 [--read-only] [--ttl 秒数]",
  "  --user LOGIN     用户名（登录名）/ the user's login name",
  "  --doc NAME       协同文档名，如 forum:<id>:minutes / the document, e.g. forum:<id>:minutes or forum:<id>:board",
  "  --read-only      只读令牌 / a read-only token (default: read-write)",
  `  --ttl SECONDS    有效期（秒），默认 600，最长 ${7 * 24 * 3600} / lifetime in seconds, default 600, at most 7 days`,
  "需要环境变量 / needs DATABASE_URL and COLLAB_SECRET (else .data/secrets.json of a local run).",
].join("\n");

export const MAX_TTL_SECONDS = 7 * 24 * 3600;
export const DEFAULT_TTL_SECONDS = 10 * 60;

export interface TokenRequest {
  username: string;
  docName: string;
  mode: "read" | "write";
  ttlSeconds: number;
}

export type TokenArgs = { ok: true; request: TokenRequest } | { ok: false; message: string };

/** A document name as the stock client puts it into the URL path unencoded: nothing that would end or split it. */
const DOC_NAME = /^[^\s/?#%\\\u0000-\u001f\u007f]{1,200}$/u;

export function parseTokenArgs(argv: string[]): TokenArgs {
  let values: { user?: string; doc?: string; "read-only"?: boolean; ttl?: string };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { user: { type: "string" }, doc: { type: "string" }, "read-only": { type: "boolean" }, ttl: { type: "string" } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return { ok: false, message: `参数有误 / bad arguments: ${(error as Error).message}` };
  }
  if (!values.user) return { ok: false, message: "缺少 --user（用户名）/ --user LOGIN is required" };
  if (!values.doc) return { ok: false, message: "缺少 --doc（文档名）/ --doc NAME is required" };
  if (!DOC_NAME.test(values.doc)) {
    return {
      ok: false,
      message: `文档名 ${JSON.stringify(values.doc)} 不可用（1–200 个字符，不含空白、/、?、#、%、\\ 和控制字符）/ unusable document name (1–200 characters, no whitespace, / ? # % \\ or control characters)`,
    };
  }
  let ttlSeconds = DEFAULT_TTL_SECONDS;
  if (values.ttl !== undefined) {
    ttlSeconds = /^\d+$/.test(values.ttl) ? Number(values.ttl) : Number.NaN;
    if (!(ttlSeconds >= 1 && ttlSeconds <= MAX_TTL_SECONDS)) {
      return {
        ok: false,
        message: `--ttl ${JSON.stringify(values.ttl)} 应为 1 到 ${MAX_TTL_SECONDS} 之间的整数秒 / --ttl must be a whole number of seconds from 1 to ${MAX_TTL_SECONDS}`,
      };
    }
  }
  return { ok: true, request: { username: values.user, docName: values.doc, mode: values["read-only"] ? "read" : "write", ttlSeconds } };
}
