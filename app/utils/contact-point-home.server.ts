import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { getPrisma } from "./db.server";
import { requireUserWithRole } from "./auth.server";
import { listConsultationsForUser } from "~/models/consultation.server";

/**
 * The loader of the staff, deputy and collector home pages: their own contact point's consultations. Routes call it
 * from inside their own `loader` function: a top-level call would run in the browser bundle, where this module is
 * empty.
 */
export async function loadContactPointHome({ request }: LoaderFunctionArgs, role: "staff" | "deputy" | "collector") {
  const user = await requireUserWithRole(request, [role]);
  const consultations = await listConsultationsForUser(getPrisma(), user);
  return json({ contactPointName: user.contactPoint?.name ?? "未分配联系点", consultations });
}
