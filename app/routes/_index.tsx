import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { getOptionalUser } from "~/utils/auth.server";
import { ROLE_HOME } from "~/utils/roles";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  return redirect(user ? ROLE_HOME[user.role] : "/login");
}
