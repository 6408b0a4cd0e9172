// What makes two opinions "the same words": full-width and half-width forms folded (NFKC), case folded, punctuation,
// symbols used as punctuation and every kind of space removed. 建议删除本条。 and “建议 删除本条！” are the same.
// Pure; runs in the browser too.

const NOT_WORDS = /[\p{P}\p{Z}\s\u200b-\u200d\u2060\ufeff～~`^|]+/gu;

export function normaliseForIdentity(text: string | null | undefined): string {
  return (text ?? "").normalize("NFKC").toLowerCase().replace(NOT_WORDS, "");
}

/** Comments on the same clause with the same opinion and the same suggested wording are one suggestion. */
export function identityKey(comment: { clauseId: string | null; body: string; suggestedText: string | null }): string {
  return `${comment.clauseId ?? ""}\u0000${normaliseForIdentity(comment.body)}\u0000${normaliseForIdentity(comment.suggestedText)}`;
}
