// 结束座谈会 (staff): asks once more before turning the cards into comments, which cannot be undone. Without
// JavaScript the form posts at once.
import { useEffect, useState } from "react";
import { Form, useNavigation } from "@remix-run/react";

export function CloseForumForm({ pending }: { pending: number }) {
  const [hydrated, setHydrated] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const closing = useNavigation().formData?.get("intent") === "close";
  useEffect(() => setHydrated(true), []);
  if (hydrated && !confirming) {
    return (
      <div className="close-forum">
        <button type="button" className="button secondary" onClick={() => setConfirming(true)}>结束座谈会…</button>
      </div>
    );
  }
  return (
    <Form method="post" className="close-forum confirming">
      <input type="hidden" name="intent" value="close" />
      <p className="small">
        结束后，{pending > 0 ? <strong>{pending} 张填写了意见的卡片</strong> : "填写了意见的卡片"}将转为本联系点的意见（来源：座谈会，署发言人），
        未填写意见的卡片不转；记录和意见卡片变为只读，不能撤销。
      </p>
      <div className="form-actions">
        <button type="submit" className="button" disabled={closing}>{closing ? "正在结束…" : "确认结束座谈会"}</button>
        {hydrated ? <button type="button" className="link-button" onClick={() => setConfirming(false)}>取消</button> : null}
      </div>
    </Form>
  );
}
