import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, isRouteErrorResponse, useLoaderData, useRouteError, useRouteLoaderData } from "@remix-run/react";
import styles from "~/styles/app.css";
import readerStyles from "~/styles/reader.css";
import publicStyles from "~/styles/public.css";
import annotateStyles from "~/styles/annotate.css";
import curationStyles from "~/styles/curation.css";
import legislatureStyles from "~/styles/legislature.css";
import forumStyles from "~/styles/forum.css";
import reportStyles from "~/styles/report.css";
import { getOptionalUser } from "~/utils/auth.server";
import { TopBar } from "~/components/top-bar";
import { useNonce } from "~/utils/nonce";

export const links: LinksFunction = () => [
  // One stylesheet per area of the product; small enough to load on every page (one request each, cached a year).
  ...[styles, readerStyles, publicStyles, annotateStyles, curationStyles, legislatureStyles, forumStyles, reportStyles].map((href) => ({ rel: "stylesheet", href })),
  // No favicon yet: an empty one saves every page a 404 round trip.
  { rel: "icon", href: "data:," },
];

export const meta: MetaFunction = () => [{ title: "立法意见征集平台" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  return json({ user: user && { displayName: user.displayName, role: user.role, unit: user.contactPoint?.name ?? user.legislature?.shortName ?? null } });
}

function Document({ children }: { children: React.ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang="zh-CN">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const { user } = useLoaderData<typeof loader>();
  return (
    <Document>
      <TopBar user={user} />
      <Outlet />
    </Document>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  // A 403 or 404 from a page leaves the root loader's data in place: still show who is logged in.
  const user = useRouteLoaderData<typeof loader>("root")?.user ?? null;
  const status = isRouteErrorResponse(error) ? error.status : 500;
  // Our own responses carry a Chinese message for users; anything else (router or server internals) is not shown.
  const ownMessage = isRouteErrorResponse(error) && typeof error.data === "string" && /[\u4e00-\u9fff]/.test(error.data) ? error.data : null;
  const message = ownMessage ?? (status === 404 ? "页面不存在，或您无权查看。" : status < 500 ? "请求无法完成。" : "服务器出错了，请稍后再试。");
  if (status >= 500) console.error(error);
  return (
    <Document>
      <TopBar user={user} />
      <main>
        <div className="card">
          <h1>{status === 403 ? "无权访问" : status === 404 ? "未找到" : "出错了"}</h1>
          <p>{message}</p>
          <p><a href="/">返回首页</a></p>
        </div>
      </main>
    </Document>
  );
}
