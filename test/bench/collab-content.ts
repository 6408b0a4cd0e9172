// Text of the benchmark's documents: minutes of a forum, 20 000 characters each, different per document.
const SENTENCE =
  "座谈会上，代表们围绕草案第十二条第二款逐条发表意见，建议明确物业服务企业公开维护保养记录的期限和方式，" +
  "并对业主委员会的监督职责作出更具体的规定；有居民提出电梯更新改造资金的使用应当听取业主意见。";

export const DOCUMENT_CHARACTERS = 20_000;

/** 20 000 characters of minutes, starting with the document's number so that no two documents are alike. */
export function documentContent(index: number): string {
  const head = `第${index}号座谈会记录：`;
  return (head + SENTENCE.repeat(Math.ceil(DOCUMENT_CHARACTERS / SENTENCE.length) + 1)).slice(0, DOCUMENT_CHARACTERS);
}
