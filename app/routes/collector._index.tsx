import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { loadContactPointHome } from "~/utils/contact-point-home.server";
import { ContactPointHome } from "~/components/contact-point-home";

export const meta: MetaFunction = () => [{ title: "信息员工作台 · 立法意见征集平台" }];

export function loader(args: LoaderFunctionArgs) {
  return loadContactPointHome(args, "collector");
}

export default function CollectorHome() {
  const data = useLoaderData<typeof loader>();
  return <ContactPointHome role="collector" {...data} />;
}
