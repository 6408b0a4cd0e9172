import { daysLeft, daysLeftText, formatChinaDate as formatDate } from "~/utils/china-time";

/** 截止日期 and days left, shown wherever a comment can be written. */
export function DeadlineNote({ deadline, open }: { deadline: string; open: boolean }) {
  const left = daysLeft(deadline);
  return (
    <p className="deadline-note small">
      意见截止：{formatDate(deadline)}
      {open && left >= 0 ? <span className={left <= 7 ? "tag warn" : "tag open"}>{daysLeftText(deadline)}</span> : <span className="tag">已截止，不再接收新意见</span>}
    </p>
  );
}
