// `legal compare OLD NEW [--json] [--clauses] [--headings]`: the 修改对照表 of two texts in the terminal.
import fs from "node:fs";
import { BLOCK_KINDS } from "../../app/legal/align";
import { CLAUSE_KINDS } from "../../app/legal/clause-text";
import { buildComparisonTable, type ComparisonRow } from "../../app/legal/comparison-table";
import { LegalImportError, importLegalFile } from "../../app/legal/import";
import { parseLegalText } from "../../app/legal/parse";
import { renderRedlineText } from "../../app/legal/redline";
import type { DiffSegment } from "../../app/legal/types";

const USAGE = "用法：legal compare 旧版本文件 新版本文件 [--json] [--clauses] [--headings]";

const STATUS_NAMES: Record<ComparisonRow["status"], string> = {
  unchanged: "未修改",
  modified: "修改",
  moved: "移动",
  added: "新增",
  deleted: "删除",
  split: "拆分",
  merged: "合并",
};

/** Runs the compare command (`args`: what follows "compare"); returns the process exit code. */
export async function runCompare(args: string[]): Promise<number> {
  const flags = new Set(args.filter((arg) => arg.startsWith("--")));
  const files = args.filter((arg) => !arg.startsWith("--"));
  const unknown = [...flags].filter((flag) => !["--json", "--clauses", "--headings"].includes(flag));
  if (files.length !== 2 || unknown.length > 0) {
    process.stderr.write(`${unknown.length ? `未知选项：${unknown.join(" ")}\n` : ""}${USAGE}\n`);
    return 2;
  }
  const texts: string[] = [];
  for (const file of files) {
    try {
      texts.push((await importLegalFile(fs.readFileSync(file), file)).text);
    } catch (error) {
      if (error instanceof LegalImportError) {
        process.stderr.write(`${file}：${error.message}\n`);
        console.error(`compare: ${error.detail}`);
      } else {
        process.stderr.write(`无法读取文件：${file}\n`);
        console.error(`compare: cannot read ${file}: ${(error as Error).message}`);
      }
      return 1;
    }
  }
  const table = buildComparisonTable(parseLegalText(texts[0]), parseLegalText(texts[1]), {
    clauses: flags.has("--clauses"),
    headings: flags.has("--headings"),
  });
  if (flags.has("--json")) {
    const rows = table.rows.map(({ kind, status, old, new: newSide, segments, note }) => ({ kind, status, old, new: newSide, segments, note }));
    process.stdout.write(`${JSON.stringify({ rows }, null, 2)}\n`);
  } else {
    process.stdout.write(formatTable(table.rows));
  }
  return 0;
}

/**
 * The table as text: one header line per row (旧 | 新 | 说明), below a changed row the red-lined lines
 * that carry a change, unchanged paragraphs in between shown as "……".
 */
export function formatTable(rows: ComparisonRow[]): string {
  const lines: string[] = ["修改对照表", "原条文 | 修改后条文 | 说明", ""];
  const counts = new Map<string, number>();
  const isClause = (row: ComparisonRow | undefined) => row !== undefined && CLAUSE_KINDS.has(row.kind);
  rows.forEach((row, k) => {
    const isBlock = BLOCK_KINDS.has(row.kind);
    if (isBlock) counts.set(row.status, (counts.get(row.status) ?? 0) + 1);
    const indent = isClause(row) ? "    " : "";
    // Heading rows (编/章/节) show their title; blocks and clauses show their text in the red-line.
    const side = (value: ComparisonRow["old"]) => (!value ? "—" : isBlock || isClause(row) ? value.label : `${value.label} ${value.text}`);
    lines.push(`${indent}${side(row.old)} | ${side(row.new)} | ${row.note || STATUS_NAMES[row.status]}`);
    // A block followed by its clause rows is red-lined clause by clause instead.
    if (row.status !== "unchanged" && !(isBlock && isClause(rows[k + 1]))) {
      lines.push(...changedLines(row.segments).map((line) => `${indent}  ${line}`), "");
    }
  });
  const summary = Object.entries(STATUS_NAMES)
    .filter(([status]) => counts.has(status))
    .map(([status, name]) => `${name} ${counts.get(status)}`)
    .join("，");
  lines.push("", `共 ${[...counts.values()].reduce((a, b) => a + b, 0)} 组对照：${summary}`);
  return `${lines.join("\n")}\n`;
}

function changedLines(segments: DiffSegment[]): string[] {
  const lines: DiffSegment[][] = [[]];
  for (const segment of segments) {
    segment.text.split("\n").forEach((text, k) => {
      if (k > 0) lines.push([]);
      if (text) lines[lines.length - 1].push({ op: segment.op, text });
    });
  }
  const shown: string[] = [];
  for (const line of lines) {
    if (line.some((segment) => segment.op !== "equal")) shown.push(renderRedlineText(line));
    else if (line.length > 0 && shown[shown.length - 1] !== "……") shown.push("……");
  }
  return shown;
}
