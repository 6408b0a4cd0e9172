import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { contactPointHomeLoader } from "~/utils/contact-point-home.server";
import { ContactPointHome } from "~/components/contact-point-home";

export const meta: MetaFunction = () => [{ title: "联络员工作台 · 立法意见征集平台" }];

export const loader = contactPointHomeLoader("staff");

export default function StaffHome() {
  const data = useLoaderData<typeof loader>();
  return <ContactPointHome role="staff" {...data} />;
}
