// The report as CSV (csv-stringify): UTF-8 with a byte-order mark so that Excel opens the Chinese correctly, RFC 4180
// quoting and CRLF line ends, one row per suggestion. The suggested wording comes twice: as written, and with
// [-删除-]{+增加+} marks against the original.
import { stringify } from "csv-stringify/sync";
import { renderRedlineText } from "~/legal/redline";
import { clusterNote, reasonsText, sourcesText, type ExportTable } from "./export-table";

/**
 * Spreadsheets run a cell that starts with = + - @ (or a tab / carriage return before one) as a formula: such text,
 * which a resident may have typed, is prefixed with an apostrophe so it stays text (CSV injection).
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function renderCsv(table: ExportTable): Uint8Array {
  const header = ["序号", "条款", "草案原文", "意见类型", "修改意见", "建议修改为", "修订标记", "理由", "提出人（来源）", "提出人数"];
  if (table.aggregate) header.push("联系点", "相近意见组");
  const records: Array<Array<string | number>> = [header];
  for (const group of table.groups) {
    for (const row of group.rows) {
      const opinion = [row.opinion, row.anchorQuote ? `（针对“${row.anchorQuote}”）` : null, clusterNote(row)].filter(Boolean).join("\n");
      const record: Array<string | number> = [
        row.no,
        group.citation,
        group.originalText ?? "",
        row.kindLabel,
        opinion,
        row.suggestedText ?? "",
        row.redline ? renderRedlineText(row.redline) : "",
        reasonsText(row),
        sourcesText(row),
        row.supporters,
      ];
      if (table.aggregate) record.push((row.contactPoints ?? []).join("；"), row.cluster ?? "");
      records.push(record.map((v) => (typeof v === "string" ? neutraliseFormula(v) : v)));
    }
  }
  const text = stringify(records, { bom: true, record_delimiter: "windows", quoted_match: /[",\r\n]/ });
  return new TextEncoder().encode(text);
}
