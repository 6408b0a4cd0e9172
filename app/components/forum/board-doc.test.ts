import * as Y from "yjs";
import { addCard, boardCards, cardText, readBoard, readBoardState, removeCard, setCitation, setSpeaker, forgetSpeakerAccount } from "./board-doc";

function sync(from: Y.Doc, to: Y.Doc) {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
}

describe("the capture board document", () => {
  it("writes cards in the agreed schema: a root array of maps, plain ids, Y.Text fields", () => {
    const doc = new Y.Doc();
    const id = addCard(doc, { createdBy: "u-staff", createdAt: 1_700_000_000_000, citation: "第十二条" });
    const card = boardCards(doc).get(0);
    expect(card).toBeInstanceOf(Y.Map);
    expect(card.get("id")).toBe(id);
    expect(id).toMatch(/^[0-9a-f]{24}$/);
    expect(card.get("citation")).toBe("第十二条");
    expect(card.get("createdBy")).toBe("u-staff");
    expect(card.get("createdAt")).toBe(1_700_000_000_000);
    for (const field of ["speaker", "speakerOccupation", "opinion", "suggestedText", "reason"]) expect(card.get(field)).toBeInstanceOf(Y.Text);
    expect(card.has("speakerUserId")).toBe(false);
  });

  it("merges what two people type into one card at once, and reads it back from stored state", () => {
    const staff = new Y.Doc();
    const deputy = new Y.Doc();
    addCard(staff, { createdBy: "u-staff", citation: "第十二条第二款" });
    sync(staff, deputy);
    const [mine, theirs] = [boardCards(staff).get(0), boardCards(deputy).get(0)];
    cardText(mine, "opinion")!.insert(0, "维护保养周期过长。");
    cardText(theirs, "suggestedText")!.insert(0, "每十五日至少进行一次维护保养");
    setSpeaker(theirs, { name: "王代表", userId: "u-deputy" });
    sync(staff, deputy);
    sync(deputy, staff);
    const cards = readBoardState(Y.encodeStateAsUpdate(staff));
    expect(cards).toEqual(readBoard(deputy));
    expect(cards[0]).toMatchObject({ citation: "第十二条第二款", opinion: "维护保养周期过长。", suggestedText: "每十五日至少进行一次维护保养", speaker: "王代表", speakerUserId: "u-deputy" });
  });

  it("forgets a deputy's account when the speaker is typed by hand or a resident is picked", () => {
    const doc = new Y.Doc();
    addCard(doc, { createdBy: "u" });
    const card = boardCards(doc).get(0);
    setSpeaker(card, { name: "王代表", userId: "u-deputy" });
    forgetSpeakerAccount(card);
    expect(readBoard(doc)[0].speakerUserId).toBeNull();
    setSpeaker(card, { name: "王代表", userId: "u-deputy" });
    setSpeaker(card, { name: "张三", userId: null, occupation: "退休职工" });
    expect(readBoard(doc)[0]).toMatchObject({ speaker: "张三", speakerOccupation: "退休职工", speakerUserId: null });
    setCitation(card, "第三条");
    expect(readBoard(doc)[0].citation).toBe("第三条");
  });

  it("removes the card itself, even when a crafted client gave two cards one id", () => {
    const doc = new Y.Doc();
    addCard(doc, { id: "same", createdBy: "u" });
    addCard(doc, { id: "same", createdBy: "u" });
    cardText(boardCards(doc).get(1), "opinion")!.insert(0, "second");
    removeCard(doc, boardCards(doc).get(1));
    expect(readBoard(doc).map((c) => c.opinion)).toEqual([""]);
  });

  it("reads what other clients may have put there without throwing", () => {
    const doc = new Y.Doc();
    boardCards(doc).push([new Y.Map()]);
    expect(readBoard(doc)).toEqual([{ id: "", citation: "", speaker: "", speakerUserId: null, speakerOccupation: "", opinion: "", suggestedText: "", reason: "", createdBy: "", createdAt: 0 }]);
    expect(readBoardState(null)).toEqual([]);
  });
});
