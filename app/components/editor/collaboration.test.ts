// A peer's colour comes from another user's browser: it must never reach a style unless it is a plain #rrggbb.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import * as Y from "yjs";
import { Awareness } from "y-protocols/awareness";
import { colorFor, safeCollaborator } from "./collaboration";
import { renderCaret, renderSelection } from "./extensions";
import { PeerList } from "./minutes-editor";

const HOSTILE_COLORS = ["url(http://evil.example/x.png)", "red;background:url(//evil.example)", "#c00", "#12345g", 42, null];

/** Just enough of a DOM document for renderCaret, recording what reaches each style. */
function fakeDocument() {
  const element = () => ({
    style: {} as Record<string, string>,
    classList: { add() {} },
    children: [] as unknown[],
    appendChild(child: unknown) {
      this.children.push(child);
    },
  });
  return { createElement: element, createTextNode: (text: string) => ({ text }) } as unknown as Document;
}

describe("collaborator colours", () => {
  it("keep a #rrggbb colour and replace anything else with the name's palette colour", () => {
    expect(safeCollaborator({ name: "张三", color: "#1D4ED8" })).toEqual({ name: "张三", color: "#1D4ED8" });
    for (const color of HOSTILE_COLORS) {
      expect(safeCollaborator({ name: "张三", color })).toEqual({ name: "张三", color: colorFor("张三") });
    }
    expect(safeCollaborator("张三")).toEqual({ name: "", color: colorFor("") });
  });

  it("never put a hostile colour into a caret or a selection", () => {
    for (const color of HOSTILE_COLORS) {
      const caret = renderCaret({ name: "张三", color, clientId: 7 }, fakeDocument()) as unknown as {
        style: Record<string, string>;
        children: Array<{ style: Record<string, string> }>;
      };
      expect(caret.style.borderColor).toBe(colorFor("张三"));
      expect(caret.children[0].style.backgroundColor).toBe(colorFor("张三"));
      expect(renderSelection({ name: "张三", color }).style).toBe(`background-color: ${colorFor("张三")}70`);
    }
  });

  it("never put a hostile colour into the list of who is editing", () => {
    const doc = new Y.Doc();
    const awareness = new Awareness(doc);
    const peer = new Awareness(new Y.Doc());
    peer.setLocalState({ user: { name: "李四", color: "url(http://evil.example/track.png)" } });
    awareness.states.set(peer.clientID, peer.getLocalState()!);
    const markup = renderToStaticMarkup(createElement(PeerList, { provider: { awareness } }));
    expect(markup).toContain("李四");
    expect(markup).not.toContain("url(");
    expect(markup).toContain(`background:${colorFor("李四")}`);
    awareness.destroy();
    peer.destroy();
  });
});
