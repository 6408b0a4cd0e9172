// "批注所选文字": a button that appears just below words selected in the draft, by mouse, by touch (the handles of the
// phone's selection) or by keyboard. Below the selection, because phones put their own copy/share menu above it.
import { useEffect, useRef, useState, type RefObject } from "react";
import { selectionTarget, type SelectionTarget } from "./selection-target";

interface Placed {
  target: SelectionTarget;
  top: number;
  left: number;
}

const BUTTON_WIDTH = 150;

export function SelectionButton({ rootRef, onAnnotate }: { rootRef: RefObject<HTMLElement>; onAnnotate: (target: SelectionTarget) => void }) {
  const [placed, setPlaced] = useState<Placed | null>(null);
  const frame = useRef(0);

  useEffect(() => {
    const update = () => {
      cancelAnimationFrame(frame.current);
      // Selection handles on phones fire many events while dragging: place the button once per frame.
      frame.current = requestAnimationFrame(() => {
        const root = rootRef.current;
        const selection = document.getSelection();
        const target = root ? selectionTarget(selection, root) : null;
        if (!target || !selection) return setPlaced(null);
        const rect = selection.getRangeAt(0).getBoundingClientRect();
        const left = Math.min(Math.max(8, rect.left + window.scrollX), window.scrollX + document.documentElement.clientWidth - BUTTON_WIDTH - 8);
        setPlaced({ target, top: rect.bottom + window.scrollY + 10, left });
      });
    };
    document.addEventListener("selectionchange", update);
    return () => {
      document.removeEventListener("selectionchange", update);
      cancelAnimationFrame(frame.current);
    };
  }, [rootRef]);

  if (!placed) return null;
  return (
    <button
      type="button"
      className="selection-annotate"
      style={{ top: placed.top, left: placed.left }}
      // Keeps the selection when pressed with the mouse; the target was taken when the selection changed anyway.
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => {
        onAnnotate(placed.target);
        setPlaced(null);
      }}
    >
      批注所选文字
    </button>
  );
}
