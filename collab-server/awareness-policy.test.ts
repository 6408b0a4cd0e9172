import { colorFor } from "../app/components/editor/collaboration";
import { sanitizeAwarenessState } from "./awareness-policy";

const grant = { userId: "u-li", userName: "李四" };
const MAX = 2048;
/** A caret as y-prosemirror publishes it: relative positions of anchor and head. */
const cursor = {
  anchor: { type: { client: 3344556677, clock: 12 }, tname: null, item: { client: 3344556677, clock: 40 }, assoc: 0 },
  head: { type: { client: 3344556677, clock: 12 }, tname: null, item: { client: 3344556677, clock: 44 }, assoc: 0 },
};

describe("sanitizeAwarenessState", () => {
  it("puts the token's name into user, keeps a #rrggbb colour and the caret", () => {
    const state = { user: { name: "张三", color: "#1d4ed8" }, cursor };
    expect(sanitizeAwarenessState(state, grant, MAX)).toEqual({ ok: true, state: { user: { name: "李四", color: "#1d4ed8" }, cursor } });
    expect(sanitizeAwarenessState({ user: "张三" }, grant, MAX)).toEqual({ ok: true, state: { user: { name: "李四" } } });
  });

  it("replaces any other colour with the user's own, and drops other user fields", () => {
    for (const color of ["url(http://evil.example/beacon.png)", "red; background: url(//evil.example)", "#c00", "", 7, null]) {
      const verdict = sanitizeAwarenessState({ user: { name: "张三", color, avatar: "http://evil.example/a.png" } }, grant, MAX);
      expect(verdict).toEqual({ ok: true, state: { user: { name: "李四", color: colorFor("u-li") } } });
    }
  });

  it("leaves removals and states without a user as they are", () => {
    expect(sanitizeAwarenessState(null, grant, MAX)).toEqual({ ok: true, state: null });
    expect(sanitizeAwarenessState({ cursor: null }, grant, MAX)).toEqual({ ok: true, state: { cursor: null } });
  });

  it("refuses states that are not objects, and states larger than the cap", () => {
    for (const state of ["x", 1, [1], true]) expect(sanitizeAwarenessState(state, grant, MAX)).toEqual({ ok: false, reason: "not-an-object" });
    const big = { user: { name: "张三", color: "#1d4ed8" }, padding: "字".repeat(700) };
    expect(sanitizeAwarenessState(big, grant, MAX)).toEqual({ ok: false, reason: "too-large" });
  });
});
