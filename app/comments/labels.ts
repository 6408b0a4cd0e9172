// Words users see for a comment's kind, source and status (the enums are in prisma/schema.prisma).
import type { CommentKind, CommentSource, CommentStatus } from "~/generated/prisma/enums";

export const COMMENT_KIND_LABELS: Record<CommentKind, string> = {
  amend: "修改",
  delete: "删除",
  add: "增加",
  principle: "原则性意见",
  other: "其他",
};

export const COMMENT_SOURCE_LABELS: Record<CommentSource, string> = {
  forum: "座谈会",
  deputy: "人大代表",
  staff: "联络员",
  collector: "信息员",
  public: "群众（网上）",
  phone: "电话",
  paper: "纸质意见",
  wechat: "微信",
  letter: "信件",
  visit: "走访",
};

/** Channels through which a collector or staff member gathers an opinion for a resident. */
export const GATHERING_CHANNELS = ["forum", "phone", "letter", "wechat", "visit", "paper"] as const satisfies readonly CommentSource[];
export type GatheringChannel = (typeof GATHERING_CHANNELS)[number];

export const COMMENT_STATUS_LABELS: Record<CommentStatus, string> = {
  active: "已收到",
  merged: "已合并",
  withdrawn: "已撤回",
  hidden: "已隐藏",
};

/** 总体意见: a comment on the draft as a whole has no clause. */
export const GENERAL_CITATION = "总体意见";
