// What makes two opinions "the same words": full-width and half-width forms folded (NFKC), case folded, punctuation,
// symbols used as punctuation and every kind of space removed. 建议删除本条。 and “建议 删除本条！” are the same.
// Pure; runs in the browser too.

const NOT_WORDS = /[\p{P}\p{Z}\s\u200b-\u200d\u2060\ufeff～~`^|]+/gu;
/** Characters NFKC may change besides punctuation: full-width and compatibility forms, enclosed numbers, ligatures. */
const COMPATIBILITY = /[^\u0000-\u007f\u3400-\u4dbf\u4e00-\u9fff]/u;

export function normaliseForIdentity(text: string | null | undefined): string {
  // Punctuation first: what is left of most Chinese text is plain characters that NFKC leaves as they are.
  const words = (text ?? "").replace(NOT_WORDS, "");
  if (!COMPATIBILITY.test(words)) return words.toLowerCase();
  return words.normalize("NFKC").toLowerCase().replace(NOT_WORDS, "");
}

/** Comments on the same clause with the same opinion and the same suggested wording are one suggestion. */
export function identityKey(comment: { clauseId: string | null; body: string; suggestedText: string | null }): string {
  return `${comment.clauseId ?? ""}\u0000${normaliseForIdentity(comment.body)}\u0000${normaliseForIdentity(comment.suggestedText)}`;
}
