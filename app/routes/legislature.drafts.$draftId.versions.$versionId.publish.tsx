// 发布并征求意见: the committee picks the contact points it designated, each with its own deadline (the draft's
// proposed deadline by default), confirms any remaining parser warnings, and publishes — all in one transaction.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { getPrisma } from "~/utils/db.server";
import { requireUserWithRole } from "~/utils/auth.server";
import { invariantResponse } from "~/utils/http.server";
import { invalidFieldsResponse, refusalResponse } from "~/utils/draft-form.server";
import { dateValue, earliestDeadlineDate, isAcceptableDeadline } from "~/utils/deadline-date";
import { getDraftVersionForLegislature, listDesignatedContactPoints } from "~/models/draft.server";
import { deadlineField } from "~/commands/draft-fields";
import { publishDraftVersion } from "~/commands/publish-draft-version.server";
import { parseLegalText } from "~/legal/parse";
import { countClauses, warningViews } from "~/components/legislature/parse-summary";
import { FieldError } from "~/components/legislature/draft-text-fields";
import { formatDate } from "~/components/consultation-list";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `发布 · ${data?.version.draft.title ?? "法规草案"} · 立法意见征集平台` }];

const DEFAULT_CONSULTATION_DAYS = 30;
const MAX_CONTACT_POINTS = 500;

async function findVersion(request: Request, params: LoaderFunctionArgs["params"]) {
  const user = await requireUserWithRole(request, ["legislature"]);
  const legislatureId = user.legislatureId ?? "-";
  const version = await getDraftVersionForLegislature(getPrisma(), { draftId: params.draftId ?? "", versionId: params.versionId ?? "", legislatureId });
  invariantResponse(version, "未找到该草案版本，或您无权查看。");
  return { user, legislatureId, version };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { legislatureId, version } = await findVersion(request, params);
  const prisma = getPrisma();
  const contactPoints = await listDesignatedContactPoints(prisma, { legislatureId });
  // Those consulted on the previous published version are ticked by default: a 二审稿 usually goes back to them.
  const previous = await prisma.consultation.findMany({
    where: { draftVersion: { draftId: version.draft.id, publishedAt: { not: null }, versionNo: { lt: version.versionNo } } },
    orderBy: { draftVersion: { versionNo: "desc" } },
    select: { contactPointId: true, draftVersion: { select: { versionNo: true } } },
  });
  const lastNo = previous[0]?.draftVersion.versionNo;
  const parsed = parseLegalText(version.sourceText);
  const proposed = version.draft.deadline && isAcceptableDeadline(version.draft.deadline) ? version.draft.deadline : new Date(Date.now() + DEFAULT_CONSULTATION_DAYS * 86_400_000);
  return json({
    version: { ...version, sourceText: undefined },
    contactPoints,
    preselected: lastNo === undefined ? contactPoints.map((c) => c.id) : previous.filter((p) => p.draftVersion.versionNo === lastNo).map((p) => p.contactPointId),
    counts: countClauses(parsed),
    warnings: warningViews(parsed.warnings),
    defaultDeadline: dateValue(proposed),
    earliestDeadline: earliestDeadlineDate(),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, legislatureId, version } = await findVersion(request, params);
  const form = await request.formData();
  const ids = form.getAll("contactPointId").filter((v): v is string => typeof v === "string" && v.length > 0 && v.length <= 64);
  const values = { contactPointIds: ids, deadlines: Object.fromEntries(ids.map((id) => [id, String(form.get(`deadline_${id}`) ?? "")])) };
  if (ids.length > MAX_CONTACT_POINTS) return json({ ok: false as const, message: "选择的联系点过多。", field: null, fieldErrors: {}, values }, { status: 400 });
  const errors: Record<string, string> = {};
  const consultations: Array<{ contactPointId: string; deadline: Date }> = [];
  const deadline = deadlineField();
  for (const id of ids) {
    const parsed = deadline.safeParse(values.deadlines[id]);
    if (parsed.success) consultations.push({ contactPointId: id, deadline: parsed.data });
    else errors[`deadline_${id}`] = parsed.error.issues[0]?.message ?? "截止日期不正确";
  }
  if (Object.keys(errors).length) return invalidFieldsResponse(`publishing version ${version.id} by user ${user.id}`, errors, values);
  try {
    await publishDraftVersion(getPrisma(), {
      legislatureId,
      userId: user.id,
      draftId: version.draft.id,
      draftVersionId: version.id,
      consultations,
      confirmWarnings: form.get("confirmWarnings") === "on",
    });
    return redirect(`/legislature/drafts/${version.draft.id}?version=${version.id}&published=1`);
  } catch (error) {
    return refusalResponse(error, `publishing version ${version.id} by user ${user.id}`, { fieldErrors: {} as Record<string, string>, values });
  }
}

export default function PublishVersion() {
  const { version, contactPoints, preselected, counts, warnings, defaultDeadline, earliestDeadline } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors: Record<string, string> = result?.fieldErrors ?? {};
  const chosen = new Set(result?.values.contactPointIds ?? preselected);
  const draftHref = `/legislature/drafts/${version.draft.id}`;
  const editHref = `${draftHref}/versions/${version.id}/edit`;
  return (
    <main className="legislature-form">
      <div className="breadcrumb">
        <Link to="/legislature">法规草案</Link> / <Link to={draftHref}>{version.draft.title}</Link> / 发布{version.label}
      </div>
      <h1>{version.publishedAt ? `${version.label}（已发布）` : `发布${version.label}`}</h1>
      <div className="card">
        <p>
          《{version.draft.title}》{version.label}：章 {counts.chapters}，条 {counts.articles}，款 {counts.paragraphs}，项 {counts.items}。
          <Link to={editHref}>{version.publishedAt ? "查看原文与识别结果" : "返回预览与修改"}</Link>
        </p>
        {version.versionNo > 1 && !version.publishedAt ? (
          <p>发布前可查看<Link to={`${draftHref}/compare?to=${version.id}`}>与上一版本的修改对照表</Link>：发布后，所有参与过征求意见的联系点都能看到它。</p>
        ) : null}
      </div>
      {version.publishedAt ? (
        <div className="card">
          <p className="notice">该版本已于 {formatDate(version.publishedAt)} 发布。</p>
          {version.consultations.length ? (
            <ul>
              {version.consultations.map((c) => (
                <li key={c.id}><Link to={`/consultations/${c.id}`}>{c.contactPoint.name}</Link>　截止 {formatDate(c.deadline)}</li>
              ))}
            </ul>
          ) : <p className="muted">该版本发布时未向联系点征求意见。</p>}
          <p><Link to={draftHref}>返回草案</Link></p>
        </div>
      ) : (
        <Form method="post" className="card publish-form">
          {result && !result.ok ? <div className="error" role="alert">{result.message}</div> : null}
          <fieldset>
            <legend>征求意见的基层立法联系点</legend>
            <p className="muted small">每个联系点可以有不同的截止日期（默认为草案建议的截止日期）。版本发布后，各联系点的联络员、人大代表和信息员即可阅读草案并提出意见。</p>
            {contactPoints.length === 0 ? <p className="muted">本委员会尚未确定基层立法联系点。</p> : (
              <ul className="contact-point-choices">
                {contactPoints.map((cp) => {
                  const error = errors[`deadline_${cp.id}`];
                  return (
                    <li key={cp.id}>
                      <label className="choice">
                        <input type="checkbox" name="contactPointId" value={cp.id} defaultChecked={chosen.has(cp.id)} />
                        <span>{cp.name}<small className="muted">　{cp.region}</small></span>
                      </label>
                      <label className="choice-deadline">
                        <span>截止日期</span>
                        <input
                          type="date"
                          name={`deadline_${cp.id}`}
                          min={earliestDeadline}
                          defaultValue={result?.values.deadlines[cp.id] || defaultDeadline}
                          aria-label={`${cp.name}的截止日期`}
                          aria-invalid={error ? true : undefined}
                          aria-describedby={`deadline-error-${cp.id}`}
                        />
                      </label>
                      <FieldError id={`deadline-error-${cp.id}`} message={error} />
                    </li>
                  );
                })}
              </ul>
            )}
            <FieldError id="contact-point-error" message={result?.field === "contactPointId" ? result.message : null} />
          </fieldset>
          {warnings.length ? (
            <div className="publish-warnings">
              <p><strong>文本还有 {warnings.length} 处需要检查：</strong></p>
              <ul>
                {warnings.slice(0, 10).map((w, i) => <li key={i}>第 {w.line} 行：{w.message}</li>)}
                {warnings.length > 10 ? <li>……</li> : null}
              </ul>
              <p className="small"><Link to={editHref}>返回修改</Link>，或确认这些地方无误后发布：</p>
              <label className="choice">
                <input type="checkbox" name="confirmWarnings" aria-describedby="confirm-error" />
                <span>已检查，确认发布</span>
              </label>
              <FieldError id="confirm-error" message={result?.field === "confirmWarnings" ? result.message : null} />
            </div>
          ) : null}
          <div className="form-actions">
            <button type="submit" className="button" disabled={busy}>{busy ? "正在发布…" : "发布"}</button>
            <Link to={draftHref}>取消</Link>
          </div>
        </Form>
      )}
    </main>
  );
}
