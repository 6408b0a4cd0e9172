// Logging out deletes the server-side session. A page of its own, so a link or a bookmark to /logout asks
// instead of failing; cross-site POSTs are refused by the web server's origin check.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { getOptionalUser, logout } from "~/utils/auth.server";
import { ROLE_HOME } from "~/utils/roles";

export const meta: MetaFunction = () => [{ title: "退出登录 · 立法意见征集平台" }];

export async function action({ request }: ActionFunctionArgs) {
  return logout(request);
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  if (!user) throw redirect("/login");
  return json({ home: ROLE_HOME[user.role] });
}

export default function Logout() {
  const { home } = useLoaderData<typeof loader>();
  return (
    <main>
      <div className="card login">
        <h1>退出登录</h1>
        <p style={{ textAlign: "center" }}>确定要退出吗？退出后需重新输入用户名和密码。</p>
        <Form method="post">
          <button className="button block" type="submit">退出登录</button>
        </Form>
        <p className="small" style={{ textAlign: "center" }}><Link to={home}>返回工作台</Link></p>
      </div>
    </main>
  );
}
