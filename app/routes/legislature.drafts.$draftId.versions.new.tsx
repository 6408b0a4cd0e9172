// 添加新版本 (二审稿, 修改稿 …): the next text of a draft, uploaded or pasted, then previewed and corrected like the
// first; once published, its 修改对照表 against the previous version is visible to every contact point consulted.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { getPrisma } from "~/utils/db.server";
import { requireUserWithRole } from "~/utils/auth.server";
import { invariantResponse } from "~/utils/http.server";
import { getEnv } from "~/utils/env.server";
import { dateValue, earliestDeadlineDate, isAcceptableDeadline } from "~/utils/deadline-date";
import { invalidFieldsResponse, readDraftForm, refusalResponse, uploadedFile } from "~/utils/draft-form.server";
import { fieldErrors } from "~/comments/input";
import { getDraftForLegislature } from "~/models/draft.server";
import { VersionLabel, deadlineField } from "~/commands/draft-fields";
import { readDraftText } from "~/commands/read-draft-text.server";
import { addDraftVersion } from "~/commands/add-draft-version.server";
import { DraftTextFields, FieldError } from "~/components/legislature/draft-text-fields";
import { toChineseNumeral } from "~/legal/numerals";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `添加新版本 · ${data?.draft.title ?? "法规草案"} · 立法意见征集平台` }];

/** 二审稿, 三审稿 …: how the versions after the first are usually named. */
function suggestedLabel(versionNo: number): string {
  return versionNo <= 1 ? "征求意见稿" : `${toChineseNumeral(versionNo)}审稿`;
}

async function findDraft(request: Request, params: LoaderFunctionArgs["params"]) {
  const user = await requireUserWithRole(request, ["legislature"]);
  const draft = await getDraftForLegislature(getPrisma(), { id: params.draftId ?? "", legislatureId: user.legislatureId ?? "-" });
  invariantResponse(draft, "未找到该法规草案，或您无权查看。");
  return { user, draft };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { draft } = await findDraft(request, params);
  const unpublished = draft.versions.find((v) => v.publishedAt === null) ?? null;
  const next = Math.max(0, ...draft.versions.map((v) => v.versionNo)) + 1;
  const deadline = draft.deadline && isAcceptableDeadline(draft.deadline) ? dateValue(draft.deadline) : "";
  return json({
    draft: { id: draft.id, title: draft.title },
    unpublished: unpublished && { id: unpublished.id, label: unpublished.label },
    suggestedLabel: suggestedLabel(next),
    deadline,
    earliestDeadline: earliestDeadlineDate(),
    maxBytes: getEnv().DRAFT_UPLOAD_MAX_BYTES,
  });
}

const NewVersionFields = z.object({
  label: VersionLabel,
  deadline: z.union([z.literal("").transform(() => undefined), deadlineField()]),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, draft } = await findDraft(request, params);
  let values: Record<string, string> = {};
  try {
    const form = await readDraftForm(request, ["label", "deadline", "text", "file"]);
    values = { label: String(form.get("label") ?? ""), deadline: String(form.get("deadline") ?? "") };
    const fields = NewVersionFields.safeParse(values);
    if (!fields.success) {
      return invalidFieldsResponse(`new version of draft ${draft.id} by user ${user.id}`, fieldErrors(fields.error), values);
    }
    const text = form.get("text");
    const source = await readDraftText({ file: await uploadedFile(form), pasted: typeof text === "string" ? text : null });
    const { versionId } = await addDraftVersion(getPrisma(), { draftId: draft.id, userId: user.id, label: fields.data.label, source, deadline: fields.data.deadline });
    return redirect(`/legislature/drafts/${draft.id}/versions/${versionId}/edit`);
  } catch (error) {
    return refusalResponse(error, `new version of draft ${draft.id} by user ${user.id}`, { fieldErrors: {} as Record<string, string>, values });
  }
}

export default function NewVersion() {
  const { draft, unpublished, suggestedLabel, deadline, earliestDeadline, maxBytes } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors: Record<string, string> = result?.fieldErrors ?? {};
  const draftHref = `/legislature/drafts/${draft.id}`;
  return (
    <main className="legislature-form">
      <div className="breadcrumb">
        <Link to="/legislature">法规草案</Link> / <Link to={draftHref}>{draft.title}</Link> / 添加新版本
      </div>
      <h1>添加新版本</h1>
      {unpublished ? (
        <div className="card">
          <p>该草案已有一个尚未发布的版本（{unpublished.label}）。请先修改并发布它，再添加新版本。</p>
          <p><Link className="button" to={`${draftHref}/versions/${unpublished.id}/edit`}>继续修改{unpublished.label}</Link></p>
        </div>
      ) : (
        <>
          <p className="muted">上传修改后的全文（如二审稿）。预览、改正后发布；发布后，新旧版本的修改对照表对所有参与征求意见的联系点可见。</p>
          {result && !result.ok ? <div className="error" role="alert">{result.message}</div> : null}
          <Form method="post" encType="multipart/form-data" className="card">
            <div className="field-row">
              <label className="field">
                <span>版本名称</span>
                <input name="label" required maxLength={40} defaultValue={result?.values.label || suggestedLabel} aria-invalid={errors.label ? true : undefined} aria-describedby="label-error" />
              </label>
              <label className="field">
                <span>再次征求意见的截止日期（可选）</span>
                <input type="date" name="deadline" min={earliestDeadline} defaultValue={result?.values.deadline ?? deadline} aria-invalid={errors.deadline ? true : undefined} aria-describedby="deadline-error" />
              </label>
            </div>
            <FieldError id="label-error" message={errors.label} />
            <FieldError id="deadline-error" message={errors.deadline} />
            <DraftTextFields maxBytes={maxBytes} error={result?.message} errorField={result?.field} />
            <button type="submit" className="button" disabled={busy}>{busy ? "正在导入…" : "导入并预览"}</button>
          </Form>
        </>
      )}
    </main>
  );
}
