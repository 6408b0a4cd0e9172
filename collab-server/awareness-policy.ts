// What a connection may publish as an awareness state (presence in the list of who is editing, caret, selection).
// Every viewer's browser renders these states, so: the name is the token's, the colour a plain `#rrggbb` (a crafted
// `url(…)` in a style would make every viewer fetch an outside URL), and a state stays small. Other fields (the
// caret's relative positions, `cursor: { anchor, head }`) pass as they are, within the size cap.
import { colorFor, isCollaboratorColor } from "../app/components/editor/collaboration";
import type { CollabGrant } from "../app/utils/collab-token.server";

export type StateVerdict = { ok: true; state: unknown } | { ok: false; reason: "not-an-object" | "too-large" };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The state as other users see it, or a refusal. A `user` field becomes `{ name, color? }`: the token's name, the
 * colour kept if valid, derived from the user id if not, left out if none was given. A state without `user` stays
 * nameless (the editor lists and draws only states with one). `null` (the client left) passes.
 */
export function sanitizeAwarenessState(
  state: unknown,
  grant: Pick<CollabGrant, "userId" | "userName">,
  maxBytes: number,
): StateVerdict {
  if (state === null) return { ok: true, state };
  if (!isRecord(state)) return { ok: false, reason: "not-an-object" };
  if (Buffer.byteLength(JSON.stringify(state)) > maxBytes) return { ok: false, reason: "too-large" };
  if (!("user" in state)) return { ok: true, state };
  const color = isRecord(state.user) ? state.user.color : undefined;
  const user: { name: string; color?: string } = { name: grant.userName };
  if (color !== undefined) user.color = isCollaboratorColor(color) ? color : colorFor(grant.userId);
  return { ok: true, state: { ...state, user } };
}
