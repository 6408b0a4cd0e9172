// The facts of a forum above its workspace: draft, contact point, time (China time), place, who attended.
import { formatChinaTime } from "~/utils/china-time";
import type { AttendeeView } from "./attendees";

export function ForumFacts({
  forum,
  consultation,
  attendees,
}: {
  forum: { heldAt: string; location: string; attendeeCount: number };
  consultation: { draftTitle: string; versionLabel: string; contactPointName: string };
  attendees: AttendeeView[];
}) {
  const deputies = attendees.filter((a) => a.deputy);
  const residents = attendees.filter((a) => !a.deputy);
  return (
    <dl className="forum-facts">
      <dt>草案</dt>
      <dd>{consultation.draftTitle}<span className="tag">{consultation.versionLabel}</span></dd>
      <dt>联系点</dt>
      <dd>{consultation.contactPointName}</dd>
      <dt>时间</dt>
      <dd><time dateTime={forum.heldAt}>{formatChinaTime(forum.heldAt)}</time></dd>
      <dt>地点</dt>
      <dd>{forum.location}</dd>
      <dt>参会人员</dt>
      <dd>
        {deputies.length ? <span className="attendee-group">人大代表：{deputies.map((d) => d.name).join("、")}</span> : null}
        {residents.length ? (
          <span className="attendee-group">群众及企业代表：{residents.map((r) => (r.occupation ? `${r.name}（${r.occupation}）` : r.name)).join("、")}</span>
        ) : null}
        {forum.attendeeCount > 0 ? <span className="attendee-group">其他参会人员 {forum.attendeeCount} 人</span> : null}
        {!deputies.length && !residents.length && forum.attendeeCount === 0 ? <span className="muted">未登记</span> : null}
      </dd>
    </dl>
  );
}
