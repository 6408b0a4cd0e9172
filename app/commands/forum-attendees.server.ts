// The attendee rows of a forum from the form's input: the ticked deputies first (checked to be deputies of the
// forum's contact point, named as their accounts are), then residents and company representatives as typed.
import type { TransactionClient } from "~/utils/transaction.server";
import type { ForumInput } from "./forum-fields";
import { ForumRefusedError } from "./forum-refused-error.server";

export interface AttendeeRow {
  userId: string | null;
  name: string;
  occupation: string | null;
  position: number;
}

export async function attendeeRows(
  tx: Pick<TransactionClient, "user">,
  { contactPointId, input }: { contactPointId: string; input: Pick<ForumInput, "deputyIds" | "residents"> },
): Promise<AttendeeRow[]> {
  const deputies = input.deputyIds.length
    ? await tx.user.findMany({ where: { id: { in: input.deputyIds }, role: "deputy", contactPointId }, select: { id: true, displayName: true } })
    : [];
  if (deputies.length !== input.deputyIds.length) {
    const known = new Set(deputies.map((d) => d.id));
    const strangers = input.deputyIds.filter((id) => !known.has(id));
    throw new ForumRefusedError("所选代表不属于本联系点，请重新选择", 400, `not deputies of contact point ${contactPointId}: ${strangers.join(", ")}`, "deputyIds");
  }
  const byId = new Map(deputies.map((d) => [d.id, d.displayName]));
  return [
    ...input.deputyIds.map((id) => ({ userId: id, name: byId.get(id)!, occupation: "人大代表" })),
    ...input.residents.map((r) => ({ userId: null, name: r.name, occupation: r.occupation })),
  ].map((row, position) => ({ ...row, position }));
}
