// The capture board (意见卡片): one card per opinion, added, filled and removed by several people at once; who is
// online and in which card; for staff, closing the forum. Read-only for collectors and once the forum is closed.
import { useEffect, useState } from "react";
import type { CollabSession } from "~/components/editor/use-collab-provider";
import { SessionStatus } from "~/components/editor/minutes-editor";
import { addCard, removeCard, readCard } from "./board-doc";
import { useBoardCards, useCardPeers, useCardsWithOpinion } from "./use-board";
import { BoardCard, type BoardClause } from "./board-card";
import { CloseForumForm } from "./close-forum-form";
import type { SpeakerChoice } from "./attendees";

export type { BoardClause } from "./board-card";

export function CaptureBoard({
  session,
  user,
  editable,
  clauses,
  speakers,
  canClose,
}: {
  session: CollabSession;
  user: { id: string; name: string; color: string };
  editable: boolean;
  clauses: BoardClause[];
  speakers: SpeakerChoice[];
  canClose: boolean;
}) {
  const { doc, provider } = session;
  const cards = useBoardCards(doc);
  const withOpinion = useCardsWithOpinion(doc);
  const peers = useCardPeers(provider);
  const [added, setAdded] = useState<string | null>(null);

  // Presence on the board: the name is checked by collab-server against the token anyway.
  useEffect(() => {
    provider?.awareness.setLocalStateField("user", { name: user.name, color: user.color });
  }, [provider, user.name, user.color]);

  return (
    <div className="editor-shell board-shell">
      <SessionStatus session={session} editable={editable} verb="在线" />
      {!doc ? (
        <p className="muted board-empty">正在加载…</p>
      ) : cards.length === 0 ? (
        <p className="muted board-empty">{editable ? "还没有意见卡片。有人发言提出意见时，点“添加意见卡片”。" : "没有意见卡片。"}</p>
      ) : (
        <ol className="board-cards">
          {cards.map(({ key, card }, index) => {
            const cardId = readCard(card).id;
            return (
              <li key={key}>
                <BoardCard
                  card={card}
                  cardKey={key}
                  no={index + 1}
                  editable={editable}
                  clauses={clauses}
                  speakers={speakers}
                  peers={peers.get(cardId) ?? []}
                  autoFocus={added === cardId}
                  onFocusChange={(id) => provider?.awareness.setLocalStateField("card", id)}
                  onRemove={() => removeCard(doc, card)}
                />
              </li>
            );
          })}
        </ol>
      )}
      {editable && doc ? (
        <div className="board-actions">
          <button type="button" className="button" onClick={() => setAdded(addCard(doc, { createdBy: user.id }))}>＋ 添加意见卡片</button>
          <span className="muted small">共 {cards.length} 张，{withOpinion} 张已填写意见</span>
        </div>
      ) : null}
      {canClose ? <CloseForumForm pending={withOpinion} /> : null}
    </div>
  );
}
