// Which Yjs updates a writer may apply: exactly what the document's schema allows (minutes-schema.ts for the minutes'
// rich text, board-schema.ts for a forum's capture board), and nothing else, so that no one can hide data that every
// joiner downloads. A schema says which root types exist, what kind each Yjs type is, and what content may sit
// where; anything it does not name (another root, another type, binary, JSON, embeds, subdocuments) is refused.
//
// An update is checked before it is applied, struct by struct, finding each item's parent the way Yjs will when it
// integrates it: from the parent written in the update, else from its left neighbour (origin), else its right one,
// each of which may be in the document or in the same update. An item that Yjs would discard (its neighbour or
// parent was garbage-collected) is let through. An item whose neighbour or parent is in neither place cannot be
// placed: Yjs would keep it pending and integrate it later unchecked, so the whole update is refused as unresolvable.
import * as Y from "yjs";
import { MINUTES_SCHEMA } from "./minutes-schema";

export type UpdateVerdict =
  | { ok: true; insertsContent: boolean }
  | { ok: false; reason: "not-allowed" | "unresolvable"; detail: string };

type Struct = Y.Item | Y.GC | Y.Skip;

/** Where content sits: under a type of some kind (`sub` = its map key / attribute name, null in a sequence). */
export interface Place<Kind extends string = string> {
  parent: Kind | "elsewhere";
  sub: string | null;
}

/** What a document may hold. "elsewhere" is every type the schema does not know; nothing may go there. */
export interface DocumentSchema<Kind extends string = string> {
  readonly name: string;
  /** The kind of the root type named `key`. */
  rootKind(key: string): Kind | "elsewhere";
  /** The kind of a nested type, from its class alone; its place is checked on its own. */
  typeKind(type: Y.AbstractType<unknown>): Kind | "elsewhere";
  /** Whether `content` may be inserted at `place` (ContentDeleted: a deleted range, allowed wherever content is). */
  allows(content: Y.Item["content"], place: Place<Kind>): boolean;
}

/** Where an item lands once integrated: under a parent, discarded, or unknown. */
type Landing = Place | "discarded" | "unknown";

/** Index of the struct of `structs` (one client's, by increasing clock) that holds `clock`, or -1. */
function indexHolding(structs: Struct[], clock: number): number {
  let low = 0;
  let high = structs.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const struct = structs[middle];
    if (clock < struct.id.clock) high = middle - 1;
    else if (clock >= struct.id.clock + struct.length) low = middle + 1;
    else return middle;
  }
  return -1;
}

function describe(item: Y.Item): string {
  const content = item.content instanceof Y.ContentType ? item.content.type.constructor.name : item.content.constructor.name;
  return `${content} at ${item.id.client}:${item.id.clock}`;
}

/**
 * Checks one update (v1 encoding, as y-websocket sends) against the document it is about to be applied to, whose
 * content all passed the same schema.
 */
export function checkUpdate(doc: Y.Doc, update: Uint8Array, schema: DocumentSchema = MINUTES_SCHEMA): UpdateVerdict {
  const { structs } = Y.decodeUpdate(update);
  const store = doc.store;
  const byClient = new Map<number, Struct[]>();
  for (const struct of structs) {
    const list = byClient.get(struct.id.client);
    if (list) list.push(struct);
    else byClient.set(struct.id.client, [struct]);
  }

  /** The struct holding `id`: the document's when it has it (Yjs skips what it has), else the update's. */
  function find(id: Y.ID): { struct: Y.Item | Y.GC; inDocument: boolean } | null {
    if (id.clock < Y.getState(store, id.client)) return { struct: Y.getItem(store, id) as Y.Item | Y.GC, inDocument: true };
    const list = byClient.get(id.client);
    const index = list ? indexHolding(list, id.clock) : -1;
    const struct = index >= 0 ? list![index] : null;
    return struct instanceof Y.Item || struct instanceof Y.GC ? { struct, inDocument: false } : null;
  }

  const kinds = new Map<Y.AbstractType<unknown>, string>();

  /**
   * The kind of a type already in the document: a root's by its name; a nested type's by its class, provided it sits
   * where the schema allows it (recursively up to its root), else "elsewhere" (data from before the schema).
   */
  function kindOfDocumentType(type: Y.AbstractType<unknown>): string {
    const known = kinds.get(type);
    if (known !== undefined) return known;
    const item = type._item;
    let kind: string;
    if (item === null) kind = schema.rootKind(Y.findRootTypeKey(type));
    else {
      const parentKind = kindOfDocumentType(item.parent as Y.AbstractType<unknown>);
      const placed = parentKind !== "elsewhere" && schema.allows(item.content, { parent: parentKind, sub: item.parentSub });
      kind = placed ? schema.typeKind(type) : "elsewhere";
    }
    kinds.set(type, kind);
    return kind;
  }

  function placeUnder(parent: string | Y.ID, sub: string | null): Landing {
    if (typeof parent === "string") return { parent: schema.rootKind(parent), sub };
    const found = find(parent);
    if (!found) return "unknown";
    const { struct, inDocument } = found;
    // Yjs takes the parent item's content.type: a collected parent, or one that is not a type, discards the item.
    if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentType)) return "discarded";
    const type = struct.content.type;
    return { parent: inDocument ? kindOfDocumentType(type) : schema.typeKind(type), sub };
  }

  const places = new Map<Y.Item, Landing>();

  /** Iterative: a run of typed characters is a chain of items, each placed by its left neighbour. */
  function placeOf(item: Y.Item): Landing {
    const chain: Y.Item[] = [];
    let current = item;
    let place: Landing;
    for (;;) {
      const known = places.get(current);
      if (known) {
        place = known;
        break;
      }
      chain.push(current);
      if (current.parent !== null) {
        place = placeUnder(current.parent as unknown as string | Y.ID, current.parentSub);
        break;
      }
      const left = current.origin ? find(current.origin) : null;
      const right = current.rightOrigin ? find(current.rightOrigin) : null;
      if ((current.origin && !left) || (current.rightOrigin && !right)) {
        place = "unknown";
        break;
      }
      const neighbour = left?.struct instanceof Y.Item ? left : right?.struct instanceof Y.Item ? right : null;
      if (left?.struct instanceof Y.GC || right?.struct instanceof Y.GC || !neighbour) {
        place = "discarded";
        break;
      }
      const neighbourItem = neighbour.struct as Y.Item;
      if (neighbour.inDocument) {
        place = {
          parent: kindOfDocumentType(neighbourItem.parent as Y.AbstractType<unknown>),
          sub: neighbourItem.parentSub,
        };
        break;
      }
      current = neighbourItem;
    }
    for (const link of chain) places.set(link, place);
    return place;
  }

  let insertsContent = false;
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    // Already in the document (a stale step 2 overlaps what others sent meanwhile): Yjs skips it.
    if (struct.id.clock + struct.length <= Y.getState(store, struct.id.client)) continue;
    const place = placeOf(struct);
    if (place === "discarded") continue;
    if (place === "unknown") return { ok: false, reason: "unresolvable", detail: describe(struct) };
    if (place.parent === "elsewhere" || !schema.allows(struct.content, place)) {
      const where = place.sub === null ? place.parent : `${place.parent} key ${JSON.stringify(place.sub)}`;
      return { ok: false, reason: "not-allowed", detail: `${describe(struct)} in ${where} (${schema.name})` };
    }
    if (!(struct.content instanceof Y.ContentDeleted)) insertsContent = true;
  }
  return { ok: true, insertsContent };
}
