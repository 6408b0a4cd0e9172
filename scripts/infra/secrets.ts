import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";

/**
 * SESSION_SECRET and COLLAB_SECRET for a local run: from the environment, else generated once and kept in
 * .data/secrets.json so that logins survive restarts. Production sets both explicitly.
 */
export function localSecrets(persistent: boolean): { SESSION_SECRET: string; COLLAB_SECRET: string } {
  const file = path.resolve(".data/secrets.json");
  let stored: Record<string, string> = {};
  if (persistent && fs.existsSync(file)) stored = JSON.parse(fs.readFileSync(file, "utf8"));
  const secrets = {
    SESSION_SECRET: process.env.SESSION_SECRET ?? stored.SESSION_SECRET ?? crypto.randomBytes(32).toString("hex"),
    COLLAB_SECRET: process.env.COLLAB_SECRET ?? stored.COLLAB_SECRET ?? crypto.randomBytes(32).toString("hex"),
  };
  if (persistent) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return secrets;
}
