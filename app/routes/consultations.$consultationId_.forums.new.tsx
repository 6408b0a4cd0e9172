// 组织座谈会 (staff): a new forum of the consultation, with its attendees; then its live workspace.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { getPrisma } from "~/utils/db.server";
import { requireUserWithRole } from "~/utils/auth.server";
import { invariantResponse } from "~/utils/http.server";
import { chinaDateTimeValue } from "~/utils/china-datetime";
import { DAY_MS } from "~/utils/china-time";
import { getConsultationForUser } from "~/models/consultation.server";
import { listDeputiesOfContactPoint } from "~/models/forum.server";
import { forumFormValuesOf, parseForumForm, type ForumFormValues } from "~/commands/forum-fields";
import { createForum } from "~/commands/create-forum.server";
import { ForumRefusedError } from "~/commands/forum-refused-error.server";
import { ForumForm } from "~/components/forum/forum-form";

export const meta: MetaFunction = () => [{ title: "组织座谈会 · 立法意见征集平台" }];

async function requireConsultation(request: Request, consultationId: string | undefined) {
  const user = await requireUserWithRole(request, ["staff"]);
  const consultation = await getConsultationForUser(getPrisma(), { id: consultationId ?? "", user });
  invariantResponse(consultation, "未找到该征求意见任务，或您无权查看。");
  return { user, consultation };
}

/** Tomorrow at 09:30, China time: where the time picker starts. */
function suggestedTime(now = Date.now()): string {
  return `${chinaDateTimeValue(new Date(now + DAY_MS)).slice(0, 10)}T09:30`;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { consultation } = await requireConsultation(request, params.consultationId);
  const deputies = await listDeputiesOfContactPoint(getPrisma(), { contactPointId: consultation.contactPoint.id });
  const values: ForumFormValues = {
    title: `《${consultation.draftVersion.draft.title}》立法征询座谈会`,
    heldAt: suggestedTime(),
    location: "",
    attendeeCount: "0",
    deputyIds: [],
    residents: [],
  };
  return json({ consultation: { id: consultation.id, title: consultation.draftVersion.draft.title, contactPoint: consultation.contactPoint.name }, deputies, values });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, consultation } = await requireConsultation(request, params.consultationId);
  const parsed = parseForumForm(await request.formData());
  if (!parsed.ok) {
    console.warn(`new forum refused (400) for user ${user.username} on consultation ${consultation.id}: invalid ${Object.keys(parsed.errors).join(", ")}`);
    return json({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  }
  try {
    const forum = await createForum(getPrisma(), { consultation: { id: consultation.id, contactPointId: consultation.contactPoint.id }, userId: user.id, input: parsed.input });
    return redirect(`/forums/${forum.id}`);
  } catch (error) {
    if (!(error instanceof ForumRefusedError)) throw error;
    console.warn(`new forum refused (${error.status}) for user ${user.username} on consultation ${consultation.id}: ${error.message}`);
    return json({ errors: { [error.field ?? "form"]: error.userMessage }, values: forumFormValuesOf(parsed.input) }, { status: error.status });
  }
}

export default function NewForum() {
  const { consultation, deputies, values } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  return (
    <main className="forum-form-page">
      <div className="breadcrumb"><Link to={`/consultations/${consultation.id}`}>{consultation.title}</Link> / 组织座谈会</div>
      <h1>组织座谈会</h1>
      <p className="muted">{consultation.contactPoint}就《{consultation.title}》召开座谈会。保存后即可在座谈会页面与代表一起实时记录发言和意见。</p>
      <ForumForm key={refused ? "refused" : "new"} deputies={deputies} values={refused?.values ?? values} errors={refused?.errors ?? {}} submitLabel="保存并进入座谈会" />
    </main>
  );
}
