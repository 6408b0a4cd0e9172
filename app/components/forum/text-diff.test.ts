import fc from "fast-check";
import { applyDelta, diffText, transformIndex, type TextDelta } from "./text-diff";

describe("diffText", () => {
  it("finds the one replacement between two texts", () => {
    expect(diffText("建议每月维护", "建议每十五日维护")).toEqual({ index: 3, remove: 1, insert: "十五日" });
    expect(diffText("abc", "abc")).toBeNull();
    expect(diffText("", "王代表")).toEqual({ index: 0, remove: 0, insert: "王代表" });
    expect(diffText("aaa", "aa")).toEqual({ index: 2, remove: 1, insert: "" });
  });

  it("never splits an emoji (a surrogate pair)", () => {
    const edit = diffText("好😀", "好😃")!;
    expect(edit).toEqual({ index: 1, remove: 2, insert: "😃" });
  });

  it("turns any text into any other", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const edit = diffText(a, b);
        const result = edit ? a.slice(0, edit.index) + edit.insert + a.slice(edit.index + edit.remove) : a;
        expect(result).toBe(b);
      }),
    );
  });
});

describe("transformIndex", () => {
  it("moves a caret past text inserted before it, not past text inserted after it", () => {
    const delta: TextDelta = [{ retain: 2 }, { insert: "十五日" }];
    expect(transformIndex(delta, 1)).toBe(1);
    expect(transformIndex(delta, 4)).toBe(7);
    expect(transformIndex(delta, 2)).toBe(2);
    expect(transformIndex(delta, 2, true)).toBe(5);
  });

  it("pulls a caret back by what was deleted before it, to the deletion's start when inside it", () => {
    const delta: TextDelta = [{ retain: 2 }, { delete: 3 }];
    expect(transformIndex(delta, 1)).toBe(1);
    expect(transformIndex(delta, 4)).toBe(2);
    expect(transformIndex(delta, 8)).toBe(5);
  });

  it("keeps the caret after the same character whatever a peer did, at the deletion when its character went", () => {
    // Oracle: characters with identities; the caret sits after character `anchor` (-1: at the start).
    const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 4 }), insert: fc.string({ maxLength: 4 }) });
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.nat(), fc.array(edit, { maxLength: 6 }), (text, caretSeed, peerEdits) => {
        let chars = [...text].map((ch, id) => ({ ch, id }));
        let nextId = chars.length;
        let caret = caretSeed % (chars.length + 1);
        let anchor = caret === 0 ? -1 : chars[caret - 1].id;
        for (const e of peerEdits) {
          const at = e.at % (chars.length + 1);
          const remove = Math.min(e.remove, chars.length - at);
          const inserted = [...e.insert].map((ch) => ({ ch, id: nextId++ }));
          const delta: TextDelta = [...(at ? [{ retain: at }] : []), ...(remove ? [{ delete: remove }] : []), ...(inserted.length ? [{ insert: e.insert }] : [])];
          const removedIds = new Set(chars.slice(at, at + remove).map((c) => c.id));
          const next = [...chars.slice(0, at), ...inserted, ...chars.slice(at + remove)];
          expect(next.map((c) => c.ch).join("")).toBe(applyDelta(chars.map((c) => c.ch).join(""), delta));
          caret = transformIndex(delta, caret);
          if (removedIds.has(anchor)) anchor = at === 0 ? -1 : next[at - 1].id;
          const expected = anchor === -1 ? 0 : next.findIndex((c) => c.id === anchor) + 1;
          expect(caret).toBe(expected);
          chars = next;
        }
      }),
    );
  });
});
