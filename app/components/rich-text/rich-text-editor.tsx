// The 起草说明 editor. Without JavaScript (and until the page hydrates) it is a plain textarea whose lines become
// paragraphs; with JavaScript it becomes a Tiptap editor limited to what the renderer draws (paragraphs, one heading
// level, lists, bold), posting its JSON in a hidden field.
import { useEffect, useRef, useState } from "react";
import { EditorContent, useEditor, useEditorState, type Editor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { RICH_HEADING_LEVEL, richTextFromPlain, richTextToPlain, sanitizeRichText, type RichDoc } from "./rich-text";

/** The form fields: the editor's JSON, or the fallback textarea's plain text. */
export const RICH_TEXT_FIELDS = { json: "explanation", plain: "explanationText" } as const;

// Only what the renderer draws: no links, code, quotes, rules, italics, strikes or underlines.
const EXTENSIONS = [
  StarterKit.configure({
    heading: { levels: [RICH_HEADING_LEVEL] },
    blockquote: false,
    code: false,
    codeBlock: false,
    horizontalRule: false,
    italic: false,
    link: false,
    strike: false,
    underline: false,
  }),
];

function Toolbar({ editor, label }: { editor: Editor; label: string }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive("bold"),
      heading: e.isActive("heading"),
      bulletList: e.isActive("bulletList"),
      orderedList: e.isActive("orderedList"),
    }),
  });
  const buttons = [
    { key: "bold", text: "加粗", hint: "Ctrl+B", run: () => editor.chain().focus().toggleBold().run() },
    { key: "heading", text: "标题", hint: "", run: () => editor.chain().focus().toggleHeading({ level: RICH_HEADING_LEVEL }).run() },
    { key: "bulletList", text: "列表", hint: "Ctrl+Shift+8", run: () => editor.chain().focus().toggleBulletList().run() },
    { key: "orderedList", text: "编号列表", hint: "Ctrl+Shift+7", run: () => editor.chain().focus().toggleOrderedList().run() },
  ] as const;
  return (
    <div className="rich-text-toolbar" role="toolbar" aria-label={`${label}格式`}>
      {buttons.map((b) => (
        <button
          key={b.key}
          type="button"
          aria-pressed={state[b.key]}
          title={b.hint ? `${b.text}（${b.hint}）` : b.text}
          // Keeps the text selection: the click must not take the focus out of the editor first.
          onMouseDown={(event) => event.preventDefault()}
          onClick={b.run}
        >
          {b.text}
        </button>
      ))}
    </div>
  );
}

export function RichTextEditor({ id, label, defaultValue, describedBy }: { id: string; label: string; defaultValue: RichDoc | null; describedBy?: string }) {
  const initialPlain = defaultValue ? richTextToPlain(defaultValue) : "";
  const fallback = useRef<HTMLTextAreaElement>(null);
  // Text typed into the fallback before the editor took over is carried into the editor, not lost.
  const typedBeforeHydration = useRef<string | null>(null);
  useEffect(() => {
    const typed = fallback.current?.value;
    if (typed !== undefined && typed !== initialPlain) typedBeforeHydration.current = typed;
  }, [initialPlain]);
  const [json, setJson] = useState(() => JSON.stringify(defaultValue ?? richTextFromPlain("")));
  const editor = useEditor({
    immediatelyRender: false,
    extensions: EXTENSIONS,
    content: defaultValue ?? undefined,
    editorProps: {
      attributes: { id, role: "textbox", "aria-multiline": "true", "aria-label": label, ...(describedBy ? { "aria-describedby": describedBy } : {}), class: "rich-text rich-text-input" },
    },
    onCreate: ({ editor: e }) => {
      if (typedBeforeHydration.current !== null) e.commands.setContent(richTextFromPlain(typedBeforeHydration.current));
      setJson(JSON.stringify(sanitizeRichText(e.getJSON())));
    },
    onUpdate: ({ editor: e }) => setJson(JSON.stringify(sanitizeRichText(e.getJSON()))),
  });

  if (!editor) {
    return (
      <textarea
        ref={fallback}
        id={id}
        name={RICH_TEXT_FIELDS.plain}
        className="rich-text-fallback"
        rows={8}
        defaultValue={initialPlain}
        aria-describedby={describedBy}
      />
    );
  }
  return (
    <div className="rich-text-editor">
      <Toolbar editor={editor} label={label} />
      <EditorContent editor={editor} />
      <input type="hidden" name={RICH_TEXT_FIELDS.json} value={json} />
    </div>
  );
}
