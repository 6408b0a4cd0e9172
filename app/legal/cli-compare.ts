// `legal compare OLD NEW [--json] [--clauses] [--headings]`: the 修改对照表 of two texts in the terminal.
import fs from "node:fs";
import { buildComparisonTable, type ComparisonRow } from "./comparison-table";
import { parseLegalText } from "./parse";
import { renderRedlineText } from "./redline";

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

/** Runs the compare command; returns the process exit code. */
export async function runCompare(args: string[]): Promise<number> {
  const rest = args[0] === "compare" ? args.slice(1) : args;
  const flags = new Set(rest.filter((arg) => arg.startsWith("--")));
  const files = rest.filter((arg) => !arg.startsWith("--"));
  const unknown = [...flags].filter((flag) => !["--json", "--clauses", "--headings"].includes(flag));
  if (files.length !== 2 || unknown.length > 0) {
    process.stderr.write(`${unknown.length ? `未知选项：${unknown.join(" ")}\n` : ""}${USAGE}\n`);
    return 2;
  }
  const texts: string[] = [];
  for (const file of files) {
    try {
      texts.push(fs.readFileSync(file, "utf8"));
    } catch (error) {
      process.stderr.write(`无法读取文件：${file}\n`);
      console.error(`compare: cannot read ${file}: ${(error as Error).message}`);
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

/** The table as text: one header line per row (旧 | 新 | 说明), the red-line below changed rows. */
export function formatTable(rows: ComparisonRow[]): string {
  const lines: string[] = ["修改对照表", "原条文 | 修改后条文 | 说明", ""];
  const counts = new Map<string, number>();
  for (const row of rows) {
    if (row.kind === "article") counts.set(row.status, (counts.get(row.status) ?? 0) + 1);
    const indent = row.kind === "article" || !["paragraph", "item", "subitem"].includes(row.kind) ? "" : "    ";
    const note = row.note || STATUS_NAMES[row.status];
    lines.push(`${indent}${row.old?.label ?? "—"} | ${row.new?.label ?? "—"} | ${note}`);
    if (row.status !== "unchanged") {
      const redline = renderRedlineText(row.segments).replace(/\n/g, `\n${indent}  `);
      lines.push(`${indent}  ${redline}`, "");
    }
  }
  const summary = Object.entries(STATUS_NAMES)
    .filter(([status]) => counts.has(status))
    .map(([status, name]) => `${name} ${counts.get(status)}`)
    .join("，");
  lines.push("", `共 ${[...counts.values()].reduce((a, b) => a + b, 0)} 条：${summary}`);
  return `${lines.join("\n")}\n`;
}
