import { parseLegalText } from "./parse";
import { flattenClauses } from "./flatten";
import { anchorForQuote, anchorText, nodesFromRows, type StoredClause } from "./clause-rows";

const TEXT = `某市测试条例
第一条　为了规范电梯管理，保障安全，制定本条例。
第二条　电梯使用单位应当履行下列义务：
（一）建立安全管理制度；
（二）配备安全管理人员。
电梯使用单位应当履行安全义务。`;

function rows(): StoredClause[] {
  return flattenClauses(parseLegalText(TEXT)).map(({ node, parentPath }) => ({
    id: `row-${node.path}`,
    parentId: parentPath ? `row-${parentPath}` : null,
    kind: node.kind,
    label: node.label,
    text: node.text,
    citation: node.citation,
    path: node.path,
    stableKey: node.id,
  }));
}

describe("nodesFromRows", () => {
  it("rebuilds the tree so anchor texts equal the parser's", () => {
    const parsed = flattenClauses(parseLegalText(TEXT));
    const nodes = nodesFromRows(rows());
    for (const { node } of parsed) expect(anchorText(nodes.get(`row-${node.path}`)!)).toBe(anchorText(node));
  });
});

describe("anchorForQuote", () => {
  it("anchors the occurrence nearest to where the user selected", () => {
    const nodes = nodesFromRows(rows());
    const article = [...nodes.values()].find((n) => n.citation === "第二条")!;
    const text = anchorText(article);
    const second = text.lastIndexOf("电梯使用单位");
    const anchor = anchorForQuote(article, "电梯使用单位", second - 2)!;
    expect(anchor.start).toBe(second);
    expect(anchor.quote.exact).toBe("电梯使用单位");
    expect(anchor.clauseId).toBe(article.id);
  });

  it("refuses a quote the clause does not contain", () => {
    const nodes = nodesFromRows(rows());
    expect(anchorForQuote([...nodes.values()][0], "不存在的文字")).toBeNull();
    expect(anchorForQuote([...nodes.values()][0], "")).toBeNull();
  });
});
