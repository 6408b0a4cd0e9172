// /r: look up a comment by its receipt number (a GET form, works without JavaScript). What people type — lower case,
// spaces, dashes — is accepted and sent on to /r/<回执号>.
import { json, redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { normaliseReceiptNo } from "~/comments/receipt.server";

export const meta: MetaFunction = () => [{ title: "查询意见办理情况 · 立法意见征集平台" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const typed = new URL(request.url).searchParams.get("no");
  if (typed === null) return json({ typed: "", error: null });
  const receiptNo = normaliseReceiptNo(typed.slice(0, 60));
  if (receiptNo) throw redirect(`/r/${receiptNo}`);
  return json({ typed: typed.slice(0, 60), error: "回执号格式不对：应为 12 位字母和数字（不含 0、1、I、L、O），请核对。" }, { status: 400 });
}

export default function ReceiptLookup() {
  const { typed, error } = useLoaderData<typeof loader>();
  return (
    <main className="public">
      <section className="card lookup-card" aria-labelledby="lookup-title">
        <h1 id="lookup-title">查询意见办理情况</h1>
        <p>提交意见后您会得到一个回执号，输入它即可查看意见的办理状态和采纳反馈。</p>
        <Form method="get" className="lookup-form">
          <label className="field">
            <span>回执号</span>
            <input
              name="no"
              defaultValue={typed}
              required
              maxLength={60}
              autoCapitalize="characters"
              autoComplete="off"
              spellCheck={false}
              placeholder="如：ABCD EFGH JKMN"
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? "no-error" : undefined}
            />
          </label>
          {error ? (
            <p className="field-error" id="no-error" role="alert">
              {error}
            </p>
          ) : null}
          <button type="submit" className="button block">
            查询
          </button>
        </Form>
      </section>
    </main>
  );
}
