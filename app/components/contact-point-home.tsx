import { ConsultationList, type ConsultationListRow } from "./consultation-list";

const INTRO: Record<"staff" | "deputy" | "collector", string> = {
  staff: "本联系点收到的征求意见任务。组织座谈会、录入和整理意见，按时报送意见建议汇总。",
  deputy: "请阅读以下法规草案，逐条提出修改意见和理由，并参加联系点组织的座谈会。",
  collector: "请向群众宣传以下法规草案，代为录入收集到的意见。",
};

/** Home page of the contact-point roles: their contact point's consultations. */
export function ContactPointHome({
  role,
  contactPointName,
  consultations,
}: {
  role: keyof typeof INTRO;
  contactPointName: string;
  consultations: ConsultationListRow[];
}) {
  return (
    <main>
      <h1>{contactPointName}</h1>
      <p className="muted">{INTRO[role]}</p>
      {role === "deputy" ? (
        <p className="card small">
          <strong>我的二维码：</strong>群众扫描您的代表二维码，即可就本联系点正在征求意见的草案直接向您提出意见。
          <a href="/deputy/qr">查看、下载和打印我的二维码</a>
        </p>
      ) : null}
      <h2>{role === "deputy" ? "待审阅的法规草案" : "征求意见任务"}</h2>
      <ConsultationList rows={consultations} />
    </main>
  );
}
