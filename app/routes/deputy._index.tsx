import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { contactPointHomeLoader } from "~/utils/contact-point-home.server";
import { ContactPointHome } from "~/components/contact-point-home";

export const meta: MetaFunction = () => [{ title: "代表工作台 · 立法意见征集平台" }];

export const loader = contactPointHomeLoader("deputy");

export default function DeputyHome() {
  const data = useLoaderData<typeof loader>();
  return <ContactPointHome role="deputy" {...data} />;
}
