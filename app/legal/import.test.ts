import { crc32, deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { decodeLegalFile, importLegalFile, LegalImportError } from "./import";

const utf8 = (text: string) => new TextEncoder().encode(text);

/** A minimal .docx (a zip with the three parts mammoth needs), written by hand: the docx package is not a dependency. */
function makeDocx(paragraphs: string[]): Uint8Array {
  const body = paragraphs.map((p) => `<w:p><w:r><w:t>${p}</w:t></w:r></w:p>`).join("");
  const files: Record<string, string> = {
    "[Content_Types].xml":
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    "_rels/.rels":
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    "word/document.xml":
      '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
      `<w:body>${body}</w:body></w:document>`,
  };
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const raw = Buffer.from(content, "utf8");
    const data = deflateRawSync(raw);
    const nameBytes = Buffer.from(name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(raw), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(raw), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, ...centrals, end]));
}

async function importError(promise: Promise<unknown>): Promise<LegalImportError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(LegalImportError);
  return error as LegalImportError;
}

describe("decodeLegalFile", () => {
  it("reads UTF-8 .txt and .md, with or without BOM", () => {
    expect(decodeLegalFile(utf8("第一条 甲。"), "a.txt")).toBe("第一条 甲。");
    expect(decodeLegalFile(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("# 标题")]), "B.MD")).toBe("# 标题");
  });

  it("reads GBK bytes: 第一条 is B5DA D2BB CCF5", () => {
    expect(decodeLegalFile(new Uint8Array([0xb5, 0xda, 0xd2, 0xbb, 0xcc, 0xf5]), "gbk.txt")).toBe("第一条");
  });

  it("rejects unsupported extensions, empty files and binary garbage with a Chinese message", () => {
    expect(() => decodeLegalFile(utf8("x"), "law.pdf")).toThrow("无法识别的文件格式：仅支持 .txt、.md、.docx");
    expect(() => decodeLegalFile(new Uint8Array(), "a.txt")).toThrow("文件内容为空");
    expect(() => decodeLegalFile(utf8(" \n\u3000\n"), "a.txt")).toThrow("文件内容为空");
    const garbage = new Uint8Array(256).map((_, i) => (i * 37) % 256);
    expect(() => decodeLegalFile(garbage, "a.txt")).toThrow(LegalImportError);
    try {
      decodeLegalFile(garbage, "a.txt");
    } catch (error) {
      expect((error as LegalImportError).detail).toMatch(/^a\.txt: not text/u);
    }
  });
});

describe("importLegalFile", () => {
  it("extracts the text of a .docx", async () => {
    const result = await importLegalFile(makeDocx(["示例条例", "第一条　为了示例，制定本条例。"]), "draft.docx");
    expect(result.format).toBe("docx");
    expect(result.text).toContain("第一条　为了示例，制定本条例。");
  });

  it("rejects a corrupt .docx and a zip that is no Word file", async () => {
    const notZip = await importError(importLegalFile(utf8("not a zip"), "bad.docx"));
    expect(notZip.message).toContain("Word 文件已损坏");
    const truncated = makeDocx(["第一条 甲。"]).slice(0, 60);
    expect((await importError(importLegalFile(truncated, "cut.docx"))).detail).toMatch(/mammoth failed/u);
  });

  it("accepts pasted text and delegates text files", async () => {
    expect(await importLegalFile("第一条 甲。")).toEqual({ text: "第一条 甲。", format: "pasted" });
    expect((await importLegalFile(utf8("# 甲"), "a.md")).format).toBe("md");
    expect((await importError(importLegalFile(utf8("x"), "a.doc"))).message).toContain("仅支持");
  });
});
