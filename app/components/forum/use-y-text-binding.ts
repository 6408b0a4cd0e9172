// Binds a plain text box (textarea or input) to a shared Y.Text: what the user types becomes one small edit of the
// Y.Text; what others type appears without moving the user's caret or selection. Chinese input methods compose a
// word over several keystrokes (pinyin shows in the box meanwhile): nothing is sent until the word is chosen, and
// others' edits arriving meanwhile are held back, then merged around it.
import { useEffect, useRef, type RefObject } from "react";
import * as Y from "yjs";
import { diffText, transformIndex, type TextDelta } from "./text-diff";

type TextBox = HTMLTextAreaElement | HTMLInputElement;

export function useYTextBinding(ref: RefObject<TextBox>, text: Y.Text | null, { onLocalEdit }: { onLocalEdit?: () => void } = {}) {
  // Re-binding resets the box: a new callback on every render must not do that (it would break a composition).
  const localEdit = useRef(onLocalEdit);
  localEdit.current = onLocalEdit;
  useEffect(() => {
    const box = ref.current;
    if (!box || !text) return;
    const origin = { binding: box };
    /** What the box showed when it last agreed with the Y.Text. */
    let shadow = text.toString();
    box.value = shadow;
    let composing = false;
    /** Others' edits that arrived while the user was composing, in order; the box has not shown them yet. */
    let heldBack: TextDelta[] = [];

    function sendLocalEdit() {
      const edit = diffText(shadow, box!.value);
      if (!edit && heldBack.length === 0) return;
      let start = edit?.index ?? 0;
      let end = edit ? edit.index + edit.remove : 0;
      for (const delta of heldBack) {
        start = transformIndex(delta, start);
        end = Math.max(start, transformIndex(delta, end));
      }
      heldBack = [];
      if (edit) {
        text!.doc!.transact(() => {
          if (end > start) text!.delete(start, end - start);
          if (edit.insert) text!.insert(start, edit.insert);
          localEdit.current?.();
        }, origin);
      }
      const merged = text!.toString();
      if (merged !== box!.value) {
        const caret = start + (edit?.insert.length ?? 0);
        box!.value = merged;
        if (document.activeElement === box) box!.setSelectionRange(caret, caret);
      }
      shadow = merged;
    }

    function showRemoteEdit(event: Y.YTextEvent, transaction: Y.Transaction) {
      if (transaction.origin === origin) return;
      const delta = event.delta as TextDelta;
      if (composing) {
        heldBack.push(delta);
        return;
      }
      const focused = document.activeElement === box;
      const selection = focused ? [box!.selectionStart ?? 0, box!.selectionEnd ?? 0, box!.selectionDirection ?? "none"] as const : null;
      shadow = text!.toString();
      box!.value = shadow;
      if (selection) {
        const [start, end, direction] = selection;
        box!.setSelectionRange(transformIndex(delta, start), transformIndex(delta, end), direction);
      }
    }

    const onInput = (event: Event) => {
      if (composing || (event as InputEvent).isComposing) return;
      sendLocalEdit();
    };
    const onCompositionStart = () => {
      composing = true;
    };
    const onCompositionEnd = () => {
      composing = false;
      sendLocalEdit();
    };
    box.addEventListener("input", onInput);
    box.addEventListener("compositionstart", onCompositionStart);
    box.addEventListener("compositionend", onCompositionEnd);
    text.observe(showRemoteEdit);
    return () => {
      box.removeEventListener("input", onInput);
      box.removeEventListener("compositionstart", onCompositionStart);
      box.removeEventListener("compositionend", onCompositionEnd);
      text.unobserve(showRemoteEdit);
    };
  }, [ref, text]);
}
