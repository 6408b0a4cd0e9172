// Turns an uploaded or pasted legislative text into a string for parseLegalText: .txt (UTF-8 or GBK), .md, .docx.
// Pure: takes bytes, never touches the file system.
import mammoth from "mammoth";

export type LegalFileFormat = "txt" | "md" | "docx" | "pasted";

/** A file we cannot read: `message` is shown to users (Chinese), `detail` goes to logs (English). */
export class LegalImportError extends Error {
  constructor(
    message: string,
    readonly detail: string,
  ) {
    super(message);
    this.name = "LegalImportError";
  }
}

const TEXT_EXTENSIONS: Record<string, LegalFileFormat> = { txt: "txt", text: "txt", md: "md", markdown: "md" };
const UNSUPPORTED = "无法识别的文件格式：仅支持 .txt、.md、.docx";
/** Control characters other than tab/LF/CR/FF never occur in a text file; many of them mean binary data. */
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f]/gu;
const MAX_CONTROL_SHARE = 0.01;
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf(".");
  return dot < 0 ? "" : filename.slice(dot + 1).toLowerCase();
}

/** UTF-8 when valid (BOM stripped), else GB18030 (a superset of GBK and GB2312). */
function decodeText(bytes: Uint8Array, filename: string): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    text = new TextDecoder("gb18030").decode(bytes);
  }
  const controls = text.match(CONTROL)?.length ?? 0;
  if (text.includes("\ufffd") || controls > text.length * MAX_CONTROL_SHARE) {
    throw new LegalImportError(
      "文件内容无法识别为文本，请确认文件是否损坏或另存为 UTF-8 编码的 .txt 文件",
      `${filename}: not text (undecodable bytes or ${controls} control characters in ${text.length})`,
    );
  }
  return text;
}

function requireContent(text: string, filename: string): string {
  if (text.replace(/[\s\u3000\ufeff\u200b]/gu, "") === "") {
    throw new LegalImportError("文件内容为空", `${filename}: no text content`);
  }
  return text;
}

/** Text of a .txt / .md file (synchronous; .docx needs importLegalFile). */
export function decodeLegalFile(bytes: Uint8Array, filename: string): string {
  const ext = extensionOf(filename);
  if (!(ext in TEXT_EXTENSIONS)) {
    const detail = ext === "docx" ? "use importLegalFile for .docx" : `unsupported extension ".${ext}"`;
    throw new LegalImportError(UNSUPPORTED, `${filename}: ${detail}`);
  }
  if (bytes.length === 0) throw new LegalImportError("文件内容为空", `${filename}: empty file`);
  return requireContent(decodeText(bytes, filename), filename);
}

async function docxText(bytes: Uint8Array, filename: string): Promise<string> {
  const looksZipped = ZIP_MAGIC.every((b, i) => bytes[i] === b);
  const corrupt = (detail: string) =>
    new LegalImportError("Word 文件已损坏或不是有效的 .docx 文件，请重新保存后上传", `${filename}: ${detail}`);
  if (!looksZipped) throw corrupt("not a zip archive");
  try {
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    return value;
  } catch (error) {
    throw corrupt(`mammoth failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Reads any supported file, or pasted text when `source` is a string. */
export async function importLegalFile(
  source: Uint8Array | string,
  filename = "",
): Promise<{ text: string; format: LegalFileFormat }> {
  if (typeof source === "string") return { text: requireContent(source, "pasted text"), format: "pasted" };
  const ext = extensionOf(filename);
  if (ext === "docx") {
    if (source.length === 0) throw new LegalImportError("文件内容为空", `${filename}: empty file`);
    return { text: requireContent(await docxText(source, filename), filename), format: "docx" };
  }
  return { text: decodeLegalFile(source, filename), format: TEXT_EXTENSIONS[ext] ?? "txt" };
}
