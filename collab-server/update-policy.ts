// Which Yjs updates a writer may apply: the minutes' rich text as Tiptap's Collaboration (y-prosemirror) writes it,
// and nothing else, so that no one can hide data that every joiner downloads. y-prosemirror writes, under the root
// XmlFragment `default`: XmlElement / XmlText children of the fragment and of elements, element attributes
// (ContentAny), and in each XmlText strings and formatting marks (ContentFormat). Anything else (another root, a
// map entry on the root, Y.Map / Y.Array / Y.Text, binary, JSON, embeds, subdocuments) is refused.
//
// An update is checked before it is applied, struct by struct, finding each item's parent the way Yjs will when it
// integrates it: from the parent written in the update, else from its left neighbour (origin), else its right one,
// each of which may be in the document or in the same update. An item that Yjs would discard (its neighbour or
// parent was garbage-collected) is let through. An item whose neighbour or parent is in neither place cannot be
// placed: Yjs would keep it pending and integrate it later unchecked, so the whole update is refused as unresolvable.
import * as Y from "yjs";
import { RICH_TEXT_FIELD } from "../app/components/editor/collaboration";

export type UpdateVerdict =
  | { ok: true; insertsContent: boolean }
  | { ok: false; reason: "not-rich-text" | "unresolvable"; detail: string };

type Struct = Y.Item | Y.GC | Y.Skip;
type ParentKind = "fragment" | "element" | "text" | "elsewhere";
/** Where an item lands once integrated: under a parent (`sub` = its attribute / map key), discarded, or unknown. */
type Place = { parent: ParentKind; sub: string | null } | "discarded" | "unknown";

/** The kind of a type created by an update being checked; its own place is checked on its own. */
function kindOfNewType(type: Y.AbstractType<unknown>): ParentKind {
  if (type.constructor === Y.XmlElement) return "element";
  if (type.constructor === Y.XmlText) return "text";
  return "elsewhere";
}

/** The kind of a type already in the document, which must sit, through elements only, under the root fragment. */
function kindOfDocumentType(type: Y.AbstractType<unknown>): ParentKind {
  const kind = type._item === null ? "fragment" : kindOfNewType(type);
  let ancestor = type;
  while (ancestor._item !== null) {
    ancestor = ancestor._item.parent as Y.AbstractType<unknown>;
    if (ancestor._item !== null && ancestor.constructor !== Y.XmlElement) return "elsewhere";
  }
  return Y.findRootTypeKey(ancestor) === RICH_TEXT_FIELD ? kind : "elsewhere";
}

function allowed(content: Y.Item["content"], place: { parent: ParentKind; sub: string | null }): boolean {
  if (content instanceof Y.ContentDeleted) return place.parent !== "elsewhere";
  switch (place.parent) {
    case "fragment":
      return place.sub === null && content instanceof Y.ContentType && kindOfNewType(content.type) !== "elsewhere";
    case "element":
      if (place.sub !== null) return content instanceof Y.ContentAny;
      return content instanceof Y.ContentType && kindOfNewType(content.type) !== "elsewhere";
    case "text":
      return place.sub === null && (content instanceof Y.ContentString || content instanceof Y.ContentFormat);
    default:
      return false;
  }
}

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

/** Checks one update (v1 encoding, as y-websocket sends) against the document it is about to be applied to. */
export function checkUpdate(doc: Y.Doc, update: Uint8Array): UpdateVerdict {
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

  function placeUnder(parent: string | Y.ID, sub: string | null): Place {
    if (typeof parent === "string") return { parent: parent === RICH_TEXT_FIELD ? "fragment" : "elsewhere", sub };
    const found = find(parent);
    if (!found) return "unknown";
    const { struct, inDocument } = found;
    // Yjs takes the parent item's content.type: a collected parent, or one that is not a type, discards the item.
    if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentType)) return "discarded";
    return { parent: inDocument ? kindOfDocumentType(struct.content.type) : kindOfNewType(struct.content.type), sub };
  }

  const places = new Map<Y.Item, Place>();

  /** Iterative: a run of typed characters is a chain of items, each placed by its left neighbour. */
  function placeOf(item: Y.Item): Place {
    const chain: Y.Item[] = [];
    let current = item;
    let place: Place;
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
    if (!allowed(struct.content, place)) {
      const where = place.sub === null ? place.parent : `${place.parent} attribute ${JSON.stringify(place.sub)}`;
      return { ok: false, reason: "not-rich-text", detail: `${describe(struct)} in ${where}` };
    }
    if (!(struct.content instanceof Y.ContentDeleted)) insertsContent = true;
  }
  return { ok: true, insertsContent };
}
