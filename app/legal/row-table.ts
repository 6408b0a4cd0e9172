// Rows of an alignment being assembled, put in new-document order with deletions where they stood.

/** Rows (or groups of rows) indexed by the positions of the old and new items they hold. */
export class RowTable<T> {
  readonly oldRows = new Map<number, T>();
  readonly newRows = new Map<number, T>();
  private readonly inOrderOld = new Set<number>();
  private readonly deleted = new Set<T>();

  place(row: T, oldIndices: number[], newIndices: number[], inOrder: boolean): void {
    for (const i of oldIndices) {
      this.oldRows.set(i, row);
      if (inOrder) this.inOrderOld.add(i);
    }
    for (const j of newIndices) this.newRows.set(j, row);
    if (newIndices.length === 0) this.deleted.add(row);
  }

  /** Rows for the items left unpaired: added (new) and deleted (old). */
  fillUnmatched(oldCount: number, newCount: number, make: (status: "added" | "deleted", index: number) => T): void {
    for (let j = 0; j < newCount; j++) if (!this.newRows.has(j)) this.place(make("added", j), [], [j], true);
    for (let i = 0; i < oldCount; i++) if (!this.oldRows.has(i)) this.place(make("deleted", i), [i], [], true);
  }

  /**
   * Rows in new-document order; a row holding only old items (deleted) follows the row of the nearest
   * preceding old item that kept its order, so deletions show where they were.
   */
  ordered(oldCount: number, newCount: number): T[] {
    const ordered = new Set<T>();
    for (let j = 0; j < newCount; j++) {
      const row = this.newRows.get(j);
      if (row) ordered.add(row);
    }
    const leading: T[] = [];
    const following = new Map<T, T[]>();
    let anchor: T | undefined;
    for (let i = 0; i < oldCount; i++) {
      const row = this.oldRows.get(i);
      if (!row) continue;
      if (this.deleted.has(row)) {
        if (anchor !== undefined) following.set(anchor, [...(following.get(anchor) ?? []), row]);
        else leading.push(row);
      } else if (this.inOrderOld.has(i)) {
        anchor = row;
      }
    }
    const result = [...leading];
    for (const row of ordered) result.push(row, ...(following.get(row) ?? []));
    return result;
  }
}
