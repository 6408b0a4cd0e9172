// 修改座谈会信息 (staff): name, time, place and attendees of an open forum.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { getPrisma } from "~/utils/db.server";
import { requireUserWithRole } from "~/utils/auth.server";
import { invariantResponse } from "~/utils/http.server";
import { chinaDateTimeValue } from "~/utils/china-datetime";
import { getForumForUser, listDeputiesOfContactPoint } from "~/models/forum.server";
import { forumFormValuesOf, parseForumForm, type ForumFormValues } from "~/commands/forum-fields";
import { updateForum } from "~/commands/update-forum.server";
import { ForumRefusedError } from "~/commands/forum-refused-error.server";
import { ForumForm } from "~/components/forum/forum-form";

export const meta: MetaFunction = () => [{ title: "修改座谈会信息 · 立法意见征集平台" }];

async function requireForum(request: Request, forumId: string | undefined) {
  const user = await requireUserWithRole(request, ["staff"]);
  const forum = await getForumForUser(getPrisma(), { id: forumId ?? "", user });
  invariantResponse(forum, "未找到该座谈会，或您无权查看。");
  return { user, forum };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { forum } = await requireForum(request, params.forumId);
  const deputies = await listDeputiesOfContactPoint(getPrisma(), { contactPointId: forum.consultation.contactPointId });
  const values: ForumFormValues = {
    title: forum.title,
    heldAt: chinaDateTimeValue(forum.heldAt),
    location: forum.location,
    attendeeCount: String(forum.attendeeCount),
    deputyIds: forum.attendees.flatMap((a) => (a.userId ? [a.userId] : [])),
    residents: forum.attendees.filter((a) => !a.userId).map((a) => ({ name: a.name, occupation: a.occupation ?? "" })),
  };
  return json({ forum: { id: forum.id, title: forum.title, closed: forum.closedAt !== null }, deputies, values });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, forum } = await requireForum(request, params.forumId);
  const parsed = parseForumForm(await request.formData());
  if (!parsed.ok) {
    console.warn(`forum ${forum.id} edit refused (400) for user ${user.username}: invalid ${Object.keys(parsed.errors).join(", ")}`);
    return json({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  }
  try {
    await updateForum(getPrisma(), { forum: { id: forum.id, contactPointId: forum.consultation.contactPointId }, userId: user.id, input: parsed.input });
    return redirect(`/forums/${forum.id}`);
  } catch (error) {
    if (!(error instanceof ForumRefusedError)) throw error;
    console.warn(`forum ${forum.id} edit refused (${error.status}) for user ${user.username}: ${error.message}`);
    return json({ errors: { [error.field ?? "form"]: error.userMessage }, values: forumFormValuesOf(parsed.input) }, { status: error.status });
  }
}

export default function EditForum() {
  const { forum, deputies, values } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  return (
    <main className="forum-form-page">
      <div className="breadcrumb"><Link to={`/forums/${forum.id}`}>{forum.title}</Link> / 修改座谈会信息</div>
      <h1>修改座谈会信息</h1>
      {forum.closed ? (
        <p className="notice">座谈会已结束，不能再修改座谈会信息。<Link to={`/forums/${forum.id}`}>返回座谈会</Link></p>
      ) : (
        <ForumForm key={refused ? "refused" : "edit"} deputies={deputies} values={refused?.values ?? values} errors={refused?.errors ?? {}} submitLabel="保存" />
      )}
    </main>
  );
}
