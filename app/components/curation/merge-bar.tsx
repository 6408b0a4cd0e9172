// The merge form: the comments picked with 选择合并 belong to it through their form attribute.
import { Form } from "@remix-run/react";
import { MERGE_FORM_ID } from "./curated-comment";

export function MergeBar({ busy }: { busy: boolean }) {
  return (
    <Form method="post" id={MERGE_FORM_ID} className="merge-bar" preventScrollReset>
      <input type="hidden" name="intent" value="merge" />
      <p className="small">
        勾选内容相同的意见后合并：保留提出人数最多（相同时最早）的一条，其余标记为“已合并”，人数计入保留的一条。
      </p>
      <button type="submit" className="button secondary" disabled={busy}>合并所选意见</button>
    </Form>
  );
}
