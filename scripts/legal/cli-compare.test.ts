import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ANNEXES, DECISION } from "../../app/legal/block-fixtures.test-support";
import { buildComparisonTable } from "../../app/legal/comparison-table";
import { parseLegalText } from "../../app/legal/parse";
import { formatTable, runCompare } from "./cli-compare";

const OLD = `# 某市电梯安全管理条例

第一条 为了加强电梯安全管理，制定本条例。

第二条 市人民政府应当做好电梯安全监督管理工作。
`;
const NEW = `# 某市电梯安全管理条例

第一条　为了加强电梯安全管理，制定本条例。

第二条　市人民政府应当做好电梯安全监督管理相关工作。

第三条　本条例自2025年1月1日起施行。
`;

async function run(args: string[]) {
  let stdout = "";
  let stderr = "";
  const out = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => ((stderr += String(chunk)), true));
  const log = vi.spyOn(console, "error").mockImplementation(() => {});
  try {
    return { code: await runCompare(args), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
    log.mockRestore();
  }
}

describe("legal compare", () => {
  let dir: string;
  let oldFile: string;
  let newFile: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "legal-compare-"));
    oldFile = path.join(dir, "old.txt");
    newFile = path.join(dir, "new.txt");
    fs.writeFileSync(oldFile, OLD);
    fs.writeFileSync(newFile, NEW);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("prints one JSON row per aligned article", async () => {
    const { code, stdout } = await run([oldFile, newFile, "--json"]);
    expect(code).toBe(0);
    const { rows } = JSON.parse(stdout);
    expect(rows.map((row: { kind: string; status: string; note: string }) => [row.kind, row.status, row.note])).toEqual([
      ["article", "unchanged", ""],
      ["article", "modified", "修改"],
      ["article", "added", "新增"],
    ]);
    expect(rows[1].old).toEqual({ label: "第二条", text: "市人民政府应当做好电梯安全监督管理工作。" });
    expect(rows[1].segments).toContainEqual({ op: "insert", text: "相关" });
    expect(rows[2].old).toBeNull();
  });

  it("prints a readable table with red-line marks", async () => {
    const { code, stdout } = await run([oldFile, newFile]);
    expect(code).toBe(0);
    expect(stdout).toContain("第二条 | 第二条 | 修改");
    expect(stdout).toContain("市人民政府应当做好电梯安全监督管理{+相关+}工作。");
    expect(stdout).toContain("— | 第三条 | 新增");
  });

  it("answers bad usage and unreadable files in Chinese with a non-zero code", async () => {
    expect(await run([oldFile])).toMatchObject({ code: 2, stderr: expect.stringContaining("用法") });
    expect(await run([oldFile, newFile, "--bogus"])).toMatchObject({ code: 2, stderr: expect.stringContaining("未知选项") });
    expect(await run([oldFile, path.join(dir, "missing.txt")])).toMatchObject({ code: 1, stderr: expect.stringContaining("无法读取文件") });
  });
});

describe("formatTable", () => {
  const format = (pair: { old: string; new: string }) =>
    formatTable(buildComparisonTable(parseLegalText(pair.old), parseLegalText(pair.new), { clauses: true }).rows);

  it("counts 附件 units as blocks and red-lines them like articles", () => {
    const text = format(ANNEXES);
    expect(text).toContain("附件二第一目 | 附件二第一目 | 修改\n  未按照规定进行[-定期检验-]{+维护保养+}的，处一万元以上三万元以下罚款。");
    expect(text).toContain("    附件一 二、第二项 | 附件一 二、第二项 | 修改");
    expect(text).toContain("共 9 组对照：未修改 7，修改 2");
  });

  it("counts the 一、 units of a text without articles", () => {
    expect(format(DECISION)).toContain("共 3 组对照：修改 3");
  });
});
