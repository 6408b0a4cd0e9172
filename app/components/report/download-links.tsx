// Links to every export of a report (plain GET URLs: they also serve integrations and archiving): buttons where the
// download is the point of the section, compact links inside tables.
import { REPORT_FORMATS } from "./report-labels";

export function DownloadLinks({ base, label, compact = false }: { base: string; label: string; compact?: boolean }) {
  return (
    <ul className={compact ? "download-links compact" : "download-links"} aria-label={label}>
      {REPORT_FORMATS.map((f) => (
        <li key={f.ext}>
          <a href={`${base}.${f.ext}`} download className={compact ? undefined : "button secondary"}>
            {compact ? f.ext.toUpperCase() : f.label}
          </a>
        </li>
      ))}
    </ul>
  );
}
