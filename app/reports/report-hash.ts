// The SHA-256 shown to both sides of a report: of its canonical JSON (keys sorted, no whitespace), leaving out when
// and as which version it was compiled, so that compiling the same opinions again gives the same SHA-256 and a
// reviewer can tell at a glance that nothing changed between two versions.
import crypto from "node:crypto";

/** Fields that say when or as which copy a document was made, not what it says. */
const NOT_HASHED = new Set(["generatedAt", "reportVersion"]);

function canonical(value: unknown, top: boolean): unknown {
  if (Array.isArray(value)) return value.map((v) => canonical(v, false));
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      if (top && NOT_HASHED.has(key)) continue;
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = canonical(v, false);
    }
    return out;
  }
  return value;
}

/** The document as hashed: JSON with object keys sorted, without generatedAt and reportVersion. */
export function canonicalReportJson(document: object): string {
  return JSON.stringify(canonical(document, true));
}

export function reportSha256(document: object): string {
  return crypto.createHash("sha256").update(canonicalReportJson(document), "utf8").digest("hex");
}
