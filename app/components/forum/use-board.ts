// React views of the board document: its cards (re-rendered when cards are added or removed, not on every
// keystroke), how many carry an opinion, and which card each peer is in (awareness field `card`).
import { useEffect, useState } from "react";
import type * as Y from "yjs";
import type { WebsocketProvider } from "y-websocket";
import { safeCollaborator, type CollaboratorIdentity } from "~/components/editor/collaboration";
import { boardCards, cardText, type CardMap } from "./board-doc";

export interface CardEntry {
  /** Stable React key of the Y.Map (a card's own id comes from a browser and may repeat). */
  key: string;
  card: CardMap;
}

const keys = new WeakMap<CardMap, string>();
let nextKey = 0;
function keyOf(card: CardMap): string {
  let key = keys.get(card);
  if (!key) keys.set(card, (key = `c${++nextKey}`));
  return key;
}

function entries(doc: Y.Doc): CardEntry[] {
  return boardCards(doc)
    .toArray()
    .filter((card) => typeof card?.get === "function")
    .map((card) => ({ key: keyOf(card), card }));
}

export function useBoardCards(doc: Y.Doc | undefined): CardEntry[] {
  const [cards, setCards] = useState<CardEntry[]>(() => (doc ? entries(doc) : []));
  useEffect(() => {
    if (!doc) return;
    const array = boardCards(doc);
    const update = () => setCards(entries(doc));
    array.observe(update);
    update();
    return () => array.unobserve(update);
  }, [doc]);
  return cards;
}

function countWithOpinion(doc: Y.Doc): number {
  return boardCards(doc)
    .toArray()
    .filter((card) => typeof card?.get === "function" && (cardText(card, "opinion")?.toString().trim() ?? "") !== "").length;
}

/** Cards that will become comments when the forum closes. */
export function useCardsWithOpinion(doc: Y.Doc | undefined): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    if (!doc) return;
    const array = boardCards(doc);
    const update = () => setCount(countWithOpinion(doc));
    array.observeDeep(update);
    update();
    return () => array.unobserveDeep(update);
  }, [doc]);
  return count;
}

/** Peers by the card they are editing (their own browser says which; names come from their tokens). */
export function useCardPeers(provider: WebsocketProvider | undefined): Map<string, CollaboratorIdentity[]> {
  const [peers, setPeers] = useState(() => new Map<string, CollaboratorIdentity[]>());
  useEffect(() => {
    if (!provider) return;
    const update = () => {
      const byCard = new Map<string, CollaboratorIdentity[]>();
      for (const [clientId, state] of provider.awareness.getStates()) {
        if (clientId === provider.awareness.clientID || !state.user || typeof state.card !== "string") continue;
        byCard.set(state.card, [...(byCard.get(state.card) ?? []), safeCollaborator(state.user)]);
      }
      setPeers(byCard);
    };
    provider.awareness.on("change", update);
    update();
    return () => provider.awareness.off("change", update);
  }, [provider]);
  return peers;
}
