// What the committee answers (采纳情况): the suggestions of the reports contact points submitted on one version,
// one unit per distinct suggestion. The same suggestion from several contact points (identical once punctuation and
// spaces are ignored, on the same clause) is one unit naming each contact point, answered once. Pure, no I/O.
import type { ReportDocument, RedlineSegment } from "~/components/report/report-document";
import type { CommentKind } from "~/generated/prisma/enums";
import { normaliseForIdentity } from "~/reports/normalise";

export interface SubmittedReport {
  consultationId: string;
  contactPoint: string;
  doc: ReportDocument;
}

export interface SuggestionUnit {
  /** Stable within the page: the first comment id of the first report suggestion. */
  key: string;
  citation: string;
  /** Legal engine id of the clause in the consulted version (Clause.stableKey); null for 总体意见. */
  stableKey: string | null;
  originalText: string | null;
  kind: CommentKind;
  text: string;
  suggestedText: string | null;
  redline: RedlineSegment[] | null;
  reasons: string[];
  /** 前洲街道：代表 王代表；居民 张**（138****1234）— masked by the compile job. */
  sources: string[];
  contactPoints: string[];
  supporters: number;
  /** Every comment the unit stands for, as the reports list them. */
  commentIds: string[];
  anchorQuote: string | null;
  /** Reading position of its clause in the consulted version (-1 for 总体意见, first). */
  position: number;
  /** Order of appearance across the reports, within a clause. */
  sequence: number;
}

/** Units in clause order; `positionOf` gives a clause's reading position by stableKey in the consulted version. */
export function buildSuggestionUnits(reports: SubmittedReport[], positionOf: (stableKey: string) => number | undefined): SuggestionUnit[] {
  const byMatch = new Map<string, SuggestionUnit>();
  const units: SuggestionUnit[] = [];
  let sequence = 0;
  for (const report of reports) {
    for (const item of report.doc.items) {
      const clausePosition = item.stableKey === null ? -1 : positionOf(item.stableKey) ?? Number.MAX_SAFE_INTEGER;
      for (const suggestion of item.suggestions) {
        sequence += 1;
        const match = [item.stableKey ?? item.citation, normaliseForIdentity(suggestion.text), normaliseForIdentity(suggestion.suggestedText)].join("\u0000");
        const sources = suggestion.sources.map((source) => `${report.contactPoint}：${source}`);
        const existing = byMatch.get(match);
        if (existing) {
          existing.commentIds.push(...suggestion.commentIds);
          existing.sources.push(...sources);
          existing.supporters += suggestion.supporters;
          for (const reason of suggestion.reasons) if (!existing.reasons.includes(reason)) existing.reasons.push(reason);
          if (!existing.contactPoints.includes(report.contactPoint)) existing.contactPoints.push(report.contactPoint);
          continue;
        }
        if (suggestion.commentIds.length === 0) continue;
        const unit: SuggestionUnit = {
          key: suggestion.commentIds[0],
          citation: item.citation,
          stableKey: item.stableKey,
          originalText: item.originalText,
          kind: suggestion.kind,
          text: suggestion.text,
          suggestedText: suggestion.suggestedText,
          redline: suggestion.redline,
          reasons: [...suggestion.reasons],
          sources,
          contactPoints: [report.contactPoint],
          supporters: suggestion.supporters,
          commentIds: [...suggestion.commentIds],
          anchorQuote: suggestion.anchorQuote,
          position: clausePosition,
          sequence,
        };
        byMatch.set(match, unit);
        units.push(unit);
      }
    }
  }
  return units.sort((a, b) => a.position - b.position || a.sequence - b.sequence);
}
