// 账号管理: an admin ends a user's sessions, resets a password or changes a contact-point user's role.
// The last two end the user's sessions as well (see the commands).
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { getPrisma } from "~/utils/db.server";
import { requireUserWithRole } from "~/utils/auth.server";
import { ROLE_LABELS } from "~/utils/roles";
import { Role } from "~/generated/prisma/enums";
import { endUserSessions } from "~/commands/end-user-sessions.server";
import { CONTACT_POINT_ROLES, changeUserRole } from "~/commands/change-user-role.server";
import { resetUserPassword } from "~/commands/reset-user-password.server";

export const meta: MetaFunction = () => [{ title: "账号管理 · 立法意见征集平台" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithRole(request, ["admin"]);
  const now = new Date();
  const users = await getPrisma().user.findMany({
    orderBy: [{ role: "asc" }, { username: "asc" }],
    select: {
      id: true,
      username: true,
      displayName: true,
      role: true,
      contactPoint: { select: { name: true } },
      legislature: { select: { shortName: true } },
      _count: { select: { sessions: { where: { expiresAt: { gt: now } } } } },
    },
  });
  return json({ users, contactPointRoles: CONTACT_POINT_ROLES });
}

const UserAction = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("end-sessions"), userId: z.string().min(1).max(64) }),
  z.object({ intent: z.literal("change-role"), userId: z.string().min(1).max(64), role: z.nativeEnum(Role) }),
  z.object({
    intent: z.literal("reset-password"),
    userId: z.string().min(1).max(64),
    password: z.string().min(8, "新密码至少 8 位").max(200, "新密码过长"),
  }),
]);

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireUserWithRole(request, ["admin"]);
  const parsed = UserAction.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return json({ ok: false, message: parsed.error.issues[0]?.message ?? "输入有误" }, { status: 400 });
  const prisma = getPrisma();
  const input = parsed.data;
  const target = await prisma.user.findUnique({ where: { id: input.userId }, select: { id: true, displayName: true } });
  if (!target) return json({ ok: false, message: "未找到该账号" }, { status: 404 });
  switch (input.intent) {
    case "end-sessions": {
      const ended = await endUserSessions(prisma, { userId: target.id, byUserId: admin.id });
      return json({ ok: true, message: `已结束 ${target.displayName} 的 ${ended} 个登录会话。` });
    }
    case "change-role": {
      const changed = await changeUserRole(prisma, { userId: target.id, role: input.role, byUserId: admin.id });
      if (!changed) return json({ ok: false, message: "只能在联络员、人大代表、信息员之间调整联系点账号的角色。" }, { status: 400 });
      return json({ ok: true, message: `${target.displayName} 的角色已改为${ROLE_LABELS[input.role]}，其登录会话已结束。` });
    }
    case "reset-password": {
      await resetUserPassword(prisma, { userId: target.id, password: input.password, byUserId: admin.id });
      return json({ ok: true, message: `${target.displayName} 的密码已重置，其登录会话已结束。` });
    }
  }
}

export default function AdminUsers() {
  const { users, contactPointRoles } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  return (
    <main>
      <div className="breadcrumb"><Link to="/admin">系统管理</Link> / 账号管理</div>
      <h1>账号管理</h1>
      <p className="muted small">结束会话后，该账号在所有设备上都需重新登录。重置密码或调整角色时，其会话也会一并结束。</p>
      {result ? <div className={result.ok ? "notice" : "error"} role="status">{result.message}</div> : null}
      <table className="list">
        <thead><tr><th>用户名</th><th>姓名</th><th>角色</th><th>单位</th><th>有效会话</th><th>操作</th></tr></thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>{u.username}</td>
              <td>{u.displayName}</td>
              <td>
                {contactPointRoles.includes(u.role) && u.contactPoint ? (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="change-role" />
                    <input type="hidden" name="userId" value={u.id} />
                    <select name="role" defaultValue={u.role} aria-label={`${u.displayName}的角色`}>
                      {contactPointRoles.map((r) => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
                    </select>
                    <button type="submit" className="link-button" disabled={busy}>调整</button>
                  </Form>
                ) : ROLE_LABELS[u.role]}
              </td>
              <td>{u.contactPoint?.name ?? u.legislature?.shortName ?? "—"}</td>
              <td>{u._count.sessions}</td>
              <td>
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="end-sessions" />
                  <input type="hidden" name="userId" value={u.id} />
                  <button type="submit" className="link-button" disabled={busy}>结束会话</button>
                </Form>
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="reset-password" />
                  <input type="hidden" name="userId" value={u.id} />
                  <input type="password" name="password" placeholder="新密码（至少 8 位）" autoComplete="new-password" minLength={8} required aria-label={`${u.displayName}的新密码`} />
                  <button type="submit" className="link-button" disabled={busy}>重置密码</button>
                </Form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
