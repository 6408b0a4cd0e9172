// The text of a new version: a Word / text file, or pasted text. With JavaScript a file over the size limit is
// refused before it is sent (the server refuses it too).
import { useState } from "react";

export const ACCEPTED_FILES = ".docx,.txt,.md,.markdown,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain,text/markdown";

export function FieldError({ id, message }: { id: string; message?: string | null }) {
  return message ? <p id={id} className="field-error" role="alert">{message}</p> : null;
}

export function DraftTextFields({ maxBytes, error, errorField, pasted }: { maxBytes: number; error?: string | null; errorField?: string | null; pasted?: string }) {
  const [tooLarge, setTooLarge] = useState<string | null>(null);
  const limit = `${Math.floor(maxBytes / 1024 / 1024)} MB`;
  const fileError = tooLarge ?? (errorField === "file" ? error : null);
  return (
    <fieldset className="draft-text-fields">
      <legend>草案文本</legend>
      <label className="field">
        <span>上传文件</span>
        <input
          type="file"
          name="file"
          accept={ACCEPTED_FILES}
          aria-describedby="file-hint file-error"
          aria-invalid={fileError ? true : undefined}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            const over = file && file.size > maxBytes;
            setTooLarge(over ? `文件过大：上传的草案文件不能超过 ${limit}。` : null);
            event.currentTarget.setCustomValidity(over ? `文件不能超过 ${limit}` : "");
          }}
        />
        <small id="file-hint" className="muted">Word（.docx）、纯文本（.txt，UTF-8 或 GBK）或 Markdown（.md），不超过 {limit}。</small>
      </label>
      <FieldError id="file-error" message={fileError} />
      <label className="field">
        <span>或粘贴草案文本</span>
        <textarea
          name="text"
          rows={8}
          defaultValue={pasted}
          placeholder={"某市××条例（草案）\n第一章　总则\n第一条　为了……，制定本条例。"}
          aria-describedby="text-error"
          aria-invalid={errorField === "text" ? true : undefined}
        />
        <small className="muted">选择了文件时，以文件为准。</small>
      </label>
      <FieldError id="text-error" message={errorField === "text" ? error : null} />
    </fieldset>
  );
}
