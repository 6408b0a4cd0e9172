// `legal parse FILE [--json]`: the clause tree of one text, as JSON or as an indented outline.
import fs from "node:fs";
import { LegalImportError, importLegalFile } from "../../app/legal/import";
import { parseLegalText } from "../../app/legal/parse";
import type { LegalNode, ParsedDocument } from "../../app/legal/types";

const USAGE = "用法：legal parse 文件 [--json]";
const PREVIEW_LENGTH = 40;

function outline(doc: ParsedDocument): string {
  const lines = [`《${doc.title || "（无标题）"}》`];
  for (const note of doc.notes ?? []) lines.push(`  题注  ${note.text}`);
  const visit = (n: LegalNode, depth: number) => {
    const text = n.text.split("\n")[0];
    const preview = text.length > PREVIEW_LENGTH ? `${text.slice(0, PREVIEW_LENGTH)}…` : text;
    const head = n.kind === "paragraph" ? "" : `${n.label} `;
    lines.push(`${"  ".repeat(depth)}${head}${preview}  [${n.kind} ${n.id}${n.citation ? ` ${n.citation}` : ""} 行${n.line}]`);
    if (n.kind !== "toc") n.children.forEach((child) => visit(child, depth + 1));
  };
  doc.nodes.forEach((n) => visit(n, 0));
  for (const w of doc.warnings) lines.push(`警告 第${w.line}行 ${w.code}: ${w.message}`);
  return lines.join("\n");
}

/** Runs the parse command; returns the process exit code. */
export async function runParse(args: string[]): Promise<number> {
  const flags = args.filter((arg) => arg.startsWith("--"));
  const files = args.filter((arg) => !arg.startsWith("--"));
  if (files.length !== 1 || flags.some((flag) => flag !== "--json")) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const [file] = files;
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    process.stderr.write(`${file}：无法读取文件\n`);
    console.error(`parse: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  let text: string;
  try {
    text = (await importLegalFile(bytes, file)).text;
  } catch (error) {
    if (error instanceof LegalImportError) {
      process.stderr.write(`${file}：${error.message}\n`);
      console.error(`parse: ${error.detail}`);
      return 1;
    }
    throw error;
  }
  const doc = parseLegalText(text);
  process.stdout.write(flags.includes("--json") ? `${JSON.stringify(doc, null, 2)}\n` : `${outline(doc)}\n`);
  return 0;
}
