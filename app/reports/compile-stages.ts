// The stages of compiling a report, as the job reports them in its progress ({ percent, stage, label }).
// Pure; the report page shows the labels.
export type CompileStage = "queued" | "loading" | "grouping" | "hashing" | "saving" | "done";

export const COMPILE_STAGE_LABELS: Record<CompileStage, string> = {
  queued: "排队等待",
  loading: "读取意见",
  grouping: "归并相同意见，逐条整理",
  hashing: "计算校验值",
  saving: "保存汇总报告",
  done: "编制完成",
};
