// A report's SHA-256 as both sides read it: in full (a prefix proves nothing), in a monospace font that wraps
// anywhere on phones, and copied as one string.
export function ReportHash({ sha256 }: { sha256: string | null }) {
  if (!sha256) return <span className="muted">—</span>;
  return <code className="report-hash">{sha256}</code>;
}
