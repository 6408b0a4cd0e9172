// Every version of a consultation's report: when it was compiled, its state, who submitted it and when, its SHA-256.
// A submitted version never changes; each compile adds a version.
import { formatChinaTime } from "~/utils/china-time";
import type { FeedbackReportStatus } from "~/generated/prisma/enums";
import { REPORT_STATUS_LABELS } from "./report-labels";
import { ReportHash } from "./report-hash";
import { DownloadLinks } from "./download-links";

export interface ReportVersionRow {
  id: string;
  version: number;
  status: FeedbackReportStatus;
  fileSha256: string | null;
  error: string | null;
  createdAt: string;
  compiledAt: string | null;
  submittedAt: string | null;
  receivedAt: string | null;
  createdBy: { displayName: string };
  submittedBy: { displayName: string } | null;
  receivedBy: { displayName: string } | null;
}

export function statusTagClass(status: FeedbackReportStatus): string {
  if (status === "submitted" || status === "received") return "tag open";
  if (status === "failed") return "tag warn";
  return "tag";
}

const DOWNLOADABLE = new Set<FeedbackReportStatus>(["compiled", "submitted", "received"]);

/** `base`: /consultations/<id>/report/versions — each compiled version is downloadable there as <n>.<ext>. */
export function ReportVersions({ versions, base }: { versions: ReportVersionRow[]; base: string }) {
  if (versions.length === 0) return <p className="muted">还没有汇总过。</p>;
  return (
    <table className="list report-versions">
      <thead>
        <tr><th scope="col">版本</th><th scope="col">状态</th><th scope="col">生成</th><th scope="col">报送</th><th scope="col">SHA-256</th><th scope="col">下载</th></tr>
      </thead>
      <tbody>
        {versions.map((v) => (
          <tr key={v.id}>
            <td>第 {v.version} 版</td>
            <td><span className={statusTagClass(v.status)}>{REPORT_STATUS_LABELS[v.status]}</span></td>
            <td className="small">{v.compiledAt ? formatChinaTime(v.compiledAt) : formatChinaTime(v.createdAt)} · {v.createdBy.displayName}</td>
            <td className="small">
              {v.submittedAt ? `${formatChinaTime(v.submittedAt)} · ${v.submittedBy?.displayName ?? ""}` : "—"}
              {v.receivedAt ? <><br />接收：{formatChinaTime(v.receivedAt)}</> : null}
            </td>
            <td><ReportHash sha256={v.fileSha256} /></td>
            <td>{DOWNLOADABLE.has(v.status) ? <DownloadLinks compact base={`${base}/${v.version}`} label={`下载第 ${v.version} 版`} /> : "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
