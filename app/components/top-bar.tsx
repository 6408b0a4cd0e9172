import { Form, Link } from "@remix-run/react";
import type { Role } from "~/generated/prisma/enums";
import { ROLE_LABELS } from "~/utils/roles";

export function TopBar({ user }: { user: { displayName: string; role: Role; unit: string | null } | null }) {
  return (
    <header className="topbar">
      <div className="topbar-inner">
        <Link to="/" className="brand">立法意见征集平台</Link>
        <span className="spacer" />
        {user ? (
          <>
            <span className="whoami">
              {user.unit ? `${user.unit} · ` : ""}
              {user.displayName}（{ROLE_LABELS[user.role]}）
            </span>
            <Form method="post" action="/logout">
              <button type="submit">退出</button>
            </Form>
          </>
        ) : null}
      </div>
    </header>
  );
}
