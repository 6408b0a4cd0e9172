// Words of the committee's pages.
export const DRAFT_STATUS_LABELS = { drafting: "起草中", consulting: "征求意见中", closed: "已结束" } as const;
