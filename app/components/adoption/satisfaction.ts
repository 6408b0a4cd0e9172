// Residents' ratings of how their opinion was handled.
import type { Satisfaction } from "~/generated/prisma/enums";

export const SATISFACTION_LABELS: Record<Satisfaction, string> = { satisfied: "满意", basically: "基本满意", unsatisfied: "不满意" };
export const SATISFACTIONS = Object.keys(SATISFACTION_LABELS) as [Satisfaction, ...Satisfaction[]];
