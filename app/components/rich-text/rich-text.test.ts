import { isEmptyRichText, richTextFromPlain, richTextToPlain, sanitizeRichText, RICH_HEADING_LEVEL } from "./rich-text";

describe("sanitizeRichText", () => {
  it("keeps paragraphs, headings, lists, bold and line breaks", () => {
    const doc = {
      type: "doc",
      content: [
        { type: "heading", attrs: { level: RICH_HEADING_LEVEL }, content: [{ type: "text", text: "起草背景" }] },
        { type: "paragraph", content: [{ type: "text", text: "一、" }, { type: "text", text: "重点", marks: [{ type: "bold" }] }, { type: "hardBreak" }, { type: "text", text: "二" }] },
        { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "甲" }] }] }] },
        { type: "orderedList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "乙" }] }] }] },
        { type: "paragraph" },
      ],
    };
    expect(sanitizeRichText(doc)).toEqual(doc);
  });

  it("drops unknown nodes, marks and attributes, whatever a crafted post carries", () => {
    const crafted = {
      type: "doc",
      attrs: { style: "x" },
      content: [
        { type: "heading", attrs: { level: 1, onclick: "alert(1)", class: "evil" }, content: [{ type: "text", text: "标题" }] },
        { type: "paragraph", attrs: { style: "background:url(//evil)" }, content: [{ type: "text", text: "<img src=x onerror=alert(1)>", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }, { type: "italic" }] }] },
        { type: "image", attrs: { src: "https://evil.example/a.png" } },
        { type: "codeBlock", content: [{ type: "text", text: "rm -rf /" }] },
        { type: "paragraph", content: [{ type: "text", text: 42 }, "string", null, { type: "mention", attrs: { id: "x" } }] },
        "not a node",
      ],
    };
    expect(sanitizeRichText(crafted)).toEqual({
      type: "doc",
      content: [
        { type: "heading", attrs: { level: RICH_HEADING_LEVEL }, content: [{ type: "text", text: "标题" }] },
        { type: "paragraph", content: [{ type: "text", text: "<img src=x onerror=alert(1)>" }] },
        { type: "paragraph" },
      ],
    });
  });

  it("answers anything that is not a document with an empty one", () => {
    for (const input of [null, undefined, "doc", 42, [], { type: "paragraph" }, { type: "doc", content: "x" }]) {
      expect(sanitizeRichText(input)).toEqual({ type: "doc", content: [] });
    }
  });

  it("stops at a nesting depth nobody writes", () => {
    let list: Record<string, unknown> = { type: "paragraph", content: [{ type: "text", text: "底" }] };
    for (let i = 0; i < 50; i++) list = { type: "bulletList", content: [{ type: "listItem", content: [list] }] };
    const text = richTextToPlain(sanitizeRichText({ type: "doc", content: [list] }));
    expect(text).not.toContain("底");
  });
});

describe("plain text fallback", () => {
  it("makes one paragraph per non-empty line and reads back the same lines", () => {
    const doc = richTextFromPlain("第一段。\r\n\r\n  第二段。 \n");
    expect(doc.content).toHaveLength(2);
    expect(richTextToPlain(doc)).toBe("第一段。\n第二段。");
    expect(isEmptyRichText(richTextFromPlain(" \n\t"))).toBe(true);
    expect(isEmptyRichText(doc)).toBe(false);
  });
});
