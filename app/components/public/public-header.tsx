// Top of every public page of a consultation: who asks, about which draft, until when.
import type { PublicHeader } from "~/comments/public-consultation.server";
import { daysLeftText, formatDeadline } from "~/utils/china-time";

export function PublicConsultationHeader({ header, compact = false }: { header: PublicHeader; compact?: boolean }) {
  const left = daysLeftText(header.deadline);
  return (
    <header className="public-header card">
      <p className="public-asker">
        <strong>{header.contactPoint}</strong>（基层立法联系点）{header.open ? "正在征求您的意见" : "征求意见已结束"}
      </p>
      {compact ? <p className="public-title-small">{header.title}<span className="tag">{header.versionLabel}</span></p> : (
        <h1 className="public-title">
          {header.title}
          <span className="tag">{header.versionLabel}</span>
        </h1>
      )}
      <p className="public-deadline">
        截止时间：{formatDeadline(header.deadline)}（北京时间）
        <span className={header.open ? (left.startsWith("还剩") ? "tag open" : "tag warn") : "tag"}>{header.open ? left : "已截止"}</span>
      </p>
      {header.deputy ? (
        <p className="public-deputy">您的意见将同时送达人大代表 <strong>{header.deputy.name}</strong>。</p>
      ) : null}
    </header>
  );
}
