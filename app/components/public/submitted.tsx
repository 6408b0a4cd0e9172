// The answer to a public comment: the receipt number to keep, and where to look the comment up later. Small on
// purpose (no draft text): it is what every submission renders.
import type { PublicHeader } from "~/comments/public-consultation.server";

export function CommentSubmitted({ header, receiptNo, citation }: { header: PublicHeader; receiptNo: string; citation: string | null }) {
  const back = `/p/${header.token}${header.deputy ? `?via=${encodeURIComponent(header.deputy.via)}` : ""}`;
  return (
    <section className="card submitted" aria-labelledby="submitted-title">
      <h1 id="submitted-title">意见已提交，谢谢您！</h1>
      <p>
        您对《{header.title.replace(/^《|》$/g, "")}》{citation ? citation : "的总体意见"}的意见已送达{header.contactPoint}
        {header.deputy ? `和人大代表${header.deputy.name}` : ""}。
      </p>
      {/* One text node, exactly 回执号：<value>: integrations read it from the page. */}
      <p className="receipt-number">{`回执号：${receiptNo}`}</p>
      <p>
        <strong>请保存好回执号</strong>（截图或抄下来）。凭回执号可以随时查看意见的办理情况和采纳反馈：
      </p>
      <p>
        <a className="button" href={`/r/${receiptNo}`}>
          查看我的意见（/r/{receiptNo}）
        </a>
      </p>
      <p className="submitted-more">
        <a href={citation ? `${back}#${citation}` : back}>继续阅读草案</a>
      </p>
    </section>
  );
}
