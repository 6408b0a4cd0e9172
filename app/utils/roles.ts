import type { Role } from "~/generated/prisma/enums";

export const ROLE_LABELS: Record<Role, string> = {
  admin: "系统管理员",
  legislature: "法工委",
  staff: "联络员",
  deputy: "人大代表",
  collector: "信息员",
};

/** Each role's home page. */
export const ROLE_HOME: Record<Role, string> = {
  admin: "/admin",
  legislature: "/legislature",
  staff: "/staff",
  deputy: "/deputy",
  collector: "/collector",
};
