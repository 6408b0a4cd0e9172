// The text of a draft version, from an uploaded file (.docx / .txt / .md) or pasted text, checked before anything is
// stored: readable, not empty, within size, and with at least one article (第一条) the parser can find.
import { importLegalFile, LegalImportError, type LegalFileFormat } from "~/legal/import";
import { parseLegalText } from "~/legal/parse";
import type { ParsedDocument } from "~/legal/types";
import { countClauses } from "~/components/legislature/parse-summary";
import { DraftRefusedError } from "./draft-refused-error.server";

/** A regulation of 300 articles is ~150 000 characters; this leaves room for the longest codes. */
export const MAX_SOURCE_CHARS = 1_000_000;

export interface DraftTextSource {
  file?: { bytes: Uint8Array; name: string } | null;
  pasted?: string | null;
}

export interface DraftText {
  text: string;
  format: LegalFileFormat;
  parsed: ParsedDocument;
}

const sentence = (message: string) => (/[。！？]$/u.test(message) ? message : `${message}。`);

/** Text a person typed or corrected (the preview's textarea): same checks as an upload. */
export function checkDraftText(input: string, format: LegalFileFormat = "pasted"): DraftText {
  // Browsers post a textarea's lines with CRLF; the stored text (and the parser's line numbers) use LF.
  const text = input.replace(/\r\n?/gu, "\n");
  if (text.replace(/[\s\u3000\ufeff\u200b]/gu, "") === "") {
    throw new DraftRefusedError("草案文本为空。", 400, "empty draft text", "text");
  }
  if (text.length > MAX_SOURCE_CHARS) {
    throw new DraftRefusedError(`草案文本过长（超过 ${MAX_SOURCE_CHARS.toLocaleString("zh-CN")} 字）。`, 400, `draft text of ${text.length} characters`, "text");
  }
  const parsed = parseLegalText(text);
  if (countClauses(parsed).articles === 0) {
    throw new DraftRefusedError(
      "没有识别出任何条文：草案应当按“第一条　……”“第二条　……”逐条书写。请检查文件是否为法规草案正文。",
      400,
      `no articles found in ${text.length} characters`,
      "text",
    );
  }
  return { text, format, parsed };
}

/** Reads the upload when there is one, else the pasted text. */
export async function readDraftText(source: DraftTextSource): Promise<DraftText> {
  const pasted = source.pasted?.trim() ? source.pasted : null;
  if (!source.file && pasted === null) {
    throw new DraftRefusedError("请上传草案文件（.docx、.txt、.md），或粘贴草案文本。", 400, "neither file nor text", "file");
  }
  let imported: { text: string; format: LegalFileFormat };
  try {
    imported = source.file ? await importLegalFile(source.file.bytes, source.file.name) : await importLegalFile(pasted!);
  } catch (error) {
    if (error instanceof LegalImportError) throw new DraftRefusedError(sentence(error.message), 400, error.detail, source.file ? "file" : "text");
    throw error;
  }
  return checkDraftText(imported.text, imported.format);
}
