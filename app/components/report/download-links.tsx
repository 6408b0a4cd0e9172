// Links to every export of a report (plain GET URLs: they also serve integrations and archiving).
import { REPORT_FORMATS } from "./report-labels";

export function DownloadLinks({ base, label, query = "" }: { base: string; label: string; query?: string }) {
  return (
    <ul className="download-links" aria-label={label}>
      {REPORT_FORMATS.map((f) => (
        <li key={f.ext}>
          <a href={`${base}.${f.ext}${query}`} download className="button secondary">{f.label}</a>
        </li>
      ))}
    </ul>
  );
}
