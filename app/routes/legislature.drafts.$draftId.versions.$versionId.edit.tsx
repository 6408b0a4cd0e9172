// 预览与修改: the committee checks what the parser found in a version's text, corrects the source, and saves it
// (text and clause tree replaced together). A published version is shown read-only.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { getPrisma } from "~/utils/db.server";
import { requireUserWithRole } from "~/utils/auth.server";
import { invariantResponse } from "~/utils/http.server";
import { invalidFieldsResponse, refusalResponse } from "~/utils/draft-form.server";
import { fieldErrors } from "~/comments/input";
import { getDraftVersionForLegislature } from "~/models/draft.server";
import { VersionLabel } from "~/commands/draft-fields";
import { checkDraftText, MAX_SOURCE_CHARS } from "~/commands/read-draft-text.server";
import { saveDraftVersionText } from "~/commands/save-draft-version-text.server";
import { VersionWorkbench } from "~/components/legislature/version-workbench";
import { FieldError } from "~/components/legislature/draft-text-fields";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `预览与修改 · ${data?.version.draft.title ?? "法规草案"} · 立法意见征集平台` }];

async function findVersion(request: Request, params: LoaderFunctionArgs["params"]) {
  const user = await requireUserWithRole(request, ["legislature"]);
  const version = await getDraftVersionForLegislature(getPrisma(), {
    draftId: params.draftId ?? "",
    versionId: params.versionId ?? "",
    legislatureId: user.legislatureId ?? "-",
  });
  invariantResponse(version, "未找到该草案版本，或您无权查看。");
  return { user, version };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { version } = await findVersion(request, params);
  const saved = new URL(request.url).searchParams.has("saved");
  return json({ version, saved });
}

const SaveFields = z.object({
  intent: z.enum(["save", "publish"]).default("save"),
  label: VersionLabel,
  sourceText: z.string({ required_error: "草案文本为空" }).max(MAX_SOURCE_CHARS * 2, "草案文本过长"),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, version } = await findVersion(request, params);
  const form = await request.formData();
  const values = { label: String(form.get("label") ?? ""), sourceText: String(form.get("sourceText") ?? "") };
  const fields = SaveFields.safeParse({ intent: form.get("intent") ?? undefined, ...values });
  if (!fields.success) {
    return invalidFieldsResponse(`saving version ${version.id} by user ${user.id}`, fieldErrors(fields.error), values);
  }
  try {
    const source = checkDraftText(fields.data.sourceText, "pasted");
    await saveDraftVersionText(getPrisma(), { draftVersionId: version.id, label: fields.data.label, source });
    const base = `/legislature/drafts/${version.draft.id}/versions/${version.id}`;
    return redirect(fields.data.intent === "publish" ? `${base}/publish` : `${base}/edit?saved=1`);
  } catch (error) {
    return refusalResponse(error, `saving version ${version.id} by user ${user.id}`, { fieldErrors: {} as Record<string, string>, values });
  }
}

export default function EditVersion() {
  const { version, saved } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const published = version.publishedAt !== null;
  const errors: Record<string, string> = result?.fieldErrors ?? {};
  const draftHref = `/legislature/drafts/${version.draft.id}`;
  return (
    <main className="legislature-wide">
      <div className="breadcrumb">
        <Link to="/legislature">法规草案</Link> / <Link to={draftHref}>{version.draft.title}</Link> / {version.label}
      </div>
      <h1>{published ? "查看原文与识别结果" : "预览与修改"}：{version.label}</h1>
      {published ? (
        <p className="notice">该版本已发布，不能再修改。如需修改，请<Link to={`${draftHref}/versions/new`}>添加新版本</Link>。</p>
      ) : (
        <p className="muted">
          左侧是导入的原文，右侧是系统识别出的章、条、款、项。标红的行需要检查：直接在左侧改正，右侧会随之更新。改好后保存，再选择联系点发布。
        </p>
      )}
      {saved && !result ? <p className="notice" role="status">已保存。</p> : null}
      {result && !result.ok ? <div className="error" role="alert">{result.message}</div> : null}
      <Form method="post" className="version-form">
        {published ? null : (
          <div className="version-form-head">
            <label className="field inline">
              <span>版本名称</span>
              <input name="label" required maxLength={40} defaultValue={result?.values.label ?? version.label} aria-invalid={errors.label ? true : undefined} aria-describedby="label-error" />
            </label>
            <FieldError id="label-error" message={errors.label} />
          </div>
        )}
        <VersionWorkbench name="sourceText" initialText={result?.values.sourceText ?? version.sourceText} savedText={version.sourceText} readOnly={published} />
        {published ? null : (
          <div className="form-actions sticky-actions">
            <button type="submit" name="intent" value="save" className="button secondary" disabled={busy}>保存修改</button>
            <button type="submit" name="intent" value="publish" className="button" disabled={busy}>保存并选择联系点发布</button>
          </div>
        )}
      </Form>
    </main>
  );
}
