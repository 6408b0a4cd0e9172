// 新建法规草案: title, 起草说明, proposed deadline and the text (a Word / text file or pasted). The text is read and
// parsed before anything is stored; then the committee previews and corrects it before publishing.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { getPrisma } from "~/utils/db.server";
import { requireUserWithRole } from "~/utils/auth.server";
import { getEnv } from "~/utils/env.server";
import { dateValue, earliestDeadlineDate } from "~/utils/deadline-date";
import { invalidFieldsResponse, readDraftForm, refusalResponse, uploadedFile } from "~/utils/draft-form.server";
import { fieldErrors } from "~/comments/input";
import { DraftTitle, VersionLabel, deadlineField, readExplanation } from "~/commands/draft-fields";
import { readDraftText } from "~/commands/read-draft-text.server";
import { createDraft } from "~/commands/create-draft.server";
import { RichTextEditor, RICH_TEXT_FIELDS } from "~/components/rich-text/rich-text-editor";
import { DraftTextFields, FieldError } from "~/components/legislature/draft-text-fields";

export const meta: MetaFunction = () => [{ title: "新建法规草案 · 立法意见征集平台" }];

const DEFAULT_CONSULTATION_DAYS = 30;
const FIELDS = ["title", "label", "deadline", "text", "file", RICH_TEXT_FIELDS.json, RICH_TEXT_FIELDS.plain];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithRole(request, ["legislature"]);
  return json({
    maxBytes: getEnv().DRAFT_UPLOAD_MAX_BYTES,
    earliestDeadline: earliestDeadlineDate(),
    defaultDeadline: dateValue(new Date(Date.now() + DEFAULT_CONSULTATION_DAYS * 86_400_000)),
  });
}

const NewDraftFields = z.object({ title: DraftTitle, label: VersionLabel, deadline: deadlineField() });

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithRole(request, ["legislature"]);
  if (!user.legislatureId) throw new Response("您的账号未关联法工委。", { status: 403 });
  let values: Record<string, string> = {};
  try {
    const form = await readDraftForm(request, FIELDS);
    values = Object.fromEntries(["title", "label", "deadline"].map((k) => [k, String(form.get(k) ?? "")]));
    const fields = NewDraftFields.safeParse(values);
    const explanation = readExplanation(form.get(RICH_TEXT_FIELDS.json), form.get(RICH_TEXT_FIELDS.plain));
    if (!fields.success || "error" in explanation) {
      const errors = { ...(fields.success ? {} : fieldErrors(fields.error)), ...("error" in explanation ? { explanation: explanation.error } : {}) };
      return invalidFieldsResponse(`new draft by user ${user.id}`, errors, values);
    }
    const text = form.get("text");
    const source = await readDraftText({ file: await uploadedFile(form), pasted: typeof text === "string" ? text : null });
    const { draftId, versionId } = await createDraft(getPrisma(), {
      legislatureId: user.legislatureId,
      userId: user.id,
      title: fields.data.title,
      explanation: explanation.value,
      deadline: fields.data.deadline,
      label: fields.data.label,
      source,
    });
    return redirect(`/legislature/drafts/${draftId}/versions/${versionId}/edit`);
  } catch (error) {
    return refusalResponse(error, `new draft by user ${user.id}`, { fieldErrors: {} as Record<string, string>, values });
  }
}

export default function NewDraft() {
  const { maxBytes, earliestDeadline, defaultDeadline } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors: Record<string, string> = result?.fieldErrors ?? {};
  const values = result?.values ?? {};
  return (
    <main className="legislature-form">
      <div className="breadcrumb"><Link to="/legislature">法规草案</Link> / 新建</div>
      <h1>新建法规草案</h1>
      <p className="muted">上传草案文件或粘贴文本后，先预览系统识别出的章、条、款、项，改正有问题的地方，再选择联系点发布征求意见。</p>
      {result && !result.ok ? <div className="error" role="alert">{result.message}</div> : null}
      <Form method="post" encType="multipart/form-data" className="card">
        <label className="field">
          <span>草案名称</span>
          <input name="title" required maxLength={200} defaultValue={values.title} placeholder="某市××条例（草案）" aria-invalid={errors.title ? true : undefined} aria-describedby="title-error" />
        </label>
        <FieldError id="title-error" message={errors.title ?? (result?.field === "title" ? result.message : null)} />
        <div className="field">
          <label htmlFor="explanation"><span>起草说明</span></label>
          <RichTextEditor id="explanation" label="起草说明" defaultValue={null} describedBy="explanation-hint explanation-error" />
          <small id="explanation-hint" className="muted">向联系点和群众说明起草的背景、主要内容和需要重点征求意见的问题。</small>
        </div>
        <FieldError id="explanation-error" message={errors.explanation} />
        <div className="field-row">
          <label className="field">
            <span>征求意见截止日期</span>
            <input type="date" name="deadline" required min={earliestDeadline} defaultValue={values.deadline || defaultDeadline} aria-invalid={errors.deadline ? true : undefined} aria-describedby="deadline-error" />
          </label>
          <label className="field">
            <span>版本名称</span>
            <input name="label" required maxLength={40} defaultValue={values.label || "征求意见稿"} aria-invalid={errors.label ? true : undefined} aria-describedby="label-error" />
          </label>
        </div>
        <FieldError id="deadline-error" message={errors.deadline} />
        <FieldError id="label-error" message={errors.label} />
        <DraftTextFields maxBytes={maxBytes} error={result?.message} errorField={result?.field} />
        <button type="submit" className="button" disabled={busy}>{busy ? "正在导入…" : "导入并预览"}</button>
      </Form>
    </main>
  );
}
