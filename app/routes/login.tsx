import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { getPrisma } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { createUserSession, getOptionalUser } from "~/utils/auth.server";
import { safeRedirect } from "~/utils/safe-redirect";
import { ROLE_HOME } from "~/utils/roles";
import { quoteForLog } from "~/utils/log.server";
import { PasswordCheckBusyError } from "~/utils/password.server";
import { releaseLoginAttempt, reserveLoginAttempt } from "~/utils/login-throttle.server";
import { retryMessage } from "~/utils/login-throttle";
import { verifyLogin } from "~/models/user.server";
import { recordAudit, recordFailedLogin } from "~/models/audit-log.server";

export const meta: MetaFunction = () => [{ title: "登录 · 立法意见征集平台" }];

const NO_CONTROL_CHARS = /^[^\u0000-\u001f\u007f]*$/;

const LoginForm = z.object({
  username: z.string().trim().min(1, "请输入用户名").max(64, "用户名过长").regex(NO_CONTROL_CHARS, "用户名含有无效字符"),
  password: z.string().min(1, "请输入密码").max(200, "密码过长"),
  redirectTo: z.string().max(2000).optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  if (user) throw redirect(ROLE_HOME[user.role]);
  return json({});
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = LoginForm.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    return json({ error: parsed.error.issues[0]?.message ?? "输入有误" }, { status: 400 });
  }
  const { username, password, redirectTo } = parsed.data;
  const ip = context.clientIp;
  const throttle = await reserveLoginAttempt(username, ip);
  if (!throttle.allowed) {
    console.warn(`login throttled (${throttle.scope}) for username ${quoteForLog(username)} from ${quoteForLog(ip)}`);
    return json({ error: retryMessage(throttle.retryInSeconds) }, { status: 429, headers: { "Retry-After": String(throttle.retryInSeconds) } });
  }
  const prisma = getPrisma();
  let user;
  try {
    user = await verifyLogin(prisma, { username, password });
  } catch (error) {
    if (!(error instanceof PasswordCheckBusyError)) throw error;
    console.warn(`login refused as busy for username ${quoteForLog(username)} from ${quoteForLog(ip)}`);
    return json({ error: "登录的人较多，请稍等片刻再试。" }, { status: 503, headers: { "Retry-After": "5" } });
  }
  if (!user) {
    const failures = throttle.accountAttempts;
    console.warn(`login failed for username ${quoteForLog(username)} from ${quoteForLog(ip)} (${failures} in this window)`);
    const windowStart = new Date(Date.now() - getEnv().LOGIN_WINDOW_MINUTES * 60_000);
    await recordFailedLogin(prisma, { username, ip, failures, windowStart });
    return json({ error: "用户名或密码不正确" }, { status: 401 });
  }
  await releaseLoginAttempt(username, ip);
  await recordAudit(prisma, { userId: user.id, action: "login", entityType: "User", entityId: user.id, detail: { ip } });
  return createUserSession(request, user.id, safeRedirect(redirectTo, ROLE_HOME[user.role]));
}

export default function Login() {
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  return (
    <main>
      <div className="card login">
        <h1>登录</h1>
        <p className="muted small" style={{ textAlign: "center" }}>法工委、联络员、人大代表、信息员使用账号登录；群众扫码即可发表意见，无需登录。</p>
        {actionData?.error ? <div className="error" role="alert">{actionData.error}</div> : null}
        <Form method="post">
          <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
          <label className="field">
            <span>用户名</span>
            <input name="username" autoComplete="username" autoFocus required maxLength={64} />
          </label>
          <label className="field">
            <span>密码</span>
            <input name="password" type="password" autoComplete="current-password" required maxLength={200} />
          </label>
          <button className="button block" type="submit" disabled={navigation.state !== "idle"}>
            {navigation.state !== "idle" ? "正在登录…" : "登录"}
          </button>
        </Form>
      </div>
    </main>
  );
}
