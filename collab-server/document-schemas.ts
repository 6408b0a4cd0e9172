// Which schema a document is held to, by its name: a forum's capture board (`forum:<id>:board`) the board's, every
// other document (`forum:<id>:minutes` and any name a token may carry) the minutes' rich text.
import { BOARD_SCHEMA } from "./board-schema";
import { MINUTES_SCHEMA } from "./minutes-schema";
import type { DocumentSchema } from "./update-policy";

export function schemaFor(docName: string): DocumentSchema {
  return /^forum:[^:]+:board$/.test(docName) ? BOARD_SCHEMA : MINUTES_SCHEMA;
}
