// Second pass of the parser: builds the tree from classified lines, in one pass, without guessing silently.
import { compactTitle, endsSentence, type HeadingUnit, type LineLabel, type ListStyle } from "./labels";
import { ArticleSequence } from "./numbering";
import type { ClassifiedLine } from "./parse-lines";
import type { LegalNode, NodeKind, ParseWarning } from "./types";

type Labelled<T extends LineLabel["type"]> = Extract<LineLabel, { type: T }>;

const HEADING_RANK: Record<HeadingUnit, number> = { 编: 1, 分编: 2, 章: 3, 节: 4 };
const HEADING_KIND: Record<HeadingUnit, NodeKind> = { 编: "part", 分编: "subpart", 章: "chapter", 节: "section" };
/** A paragraph ending like this continues on the next line (宪法: 组成：/委员长，/副委员长若干人，…). */
const OPEN_ENDING = /[，、]$/u;
const LEAD_IN_ENDING = /[：:]$/u;
/** In an amendment instrument, an article line announcing new text that follows unquoted (宪法修正案: …内容如下：). */
const DIRECTIVE = /(如下|修改为|改为|增加[^，。]*)[：:]$/u;

/** How many plain lines an item may run on over before the next item of its list. */
const MAX_ITEM_CONTINUATION = 4;

interface ListEntry {
  style: ListStyle;
  node: LegalNode;
}

export interface TreeOptions {
  /** Whether the text numbers its clauses 第X条 (else 一、 are its units). */
  hasArticles: boolean;
  /** Whether the numbering may start after 第一条 (see ArticleSequence). */
  allowLateStart: boolean;
  /** Whether the text is an amendment instrument (修正案, 决定), whose articles may announce unquoted new text. */
  amendment: boolean;
}

export interface BuiltTree {
  nodes: LegalNode[];
  warnings: ParseWarning[];
  /** Articles whose number was not the one expected where they stand: they yield their id to in-sequence ones. */
  outOfSequence: Set<LegalNode>;
}

function node(kind: NodeKind, label: string, text: string, line: number, number?: number, subNumber?: number): LegalNode {
  const n: LegalNode = { kind, label, text, path: "", citation: "", id: "", line, children: [] };
  if (number !== undefined) n.number = number;
  if (subNumber !== undefined) n.subNumber = subNumber;
  return n;
}

function lastLine(text: string): string {
  const at = text.lastIndexOf("\n");
  return at < 0 ? text : text.slice(at + 1);
}

/** Builds the clause tree. */
export class TreeBuilder {
  private readonly nodes: LegalNode[] = [];
  private readonly warnings: ParseWarning[] = [];
  private readonly outOfSequence = new Set<LegalNode>();
  private readonly headings: Array<{ rank: number; node: LegalNode }> = [];
  private readonly articles: ArticleSequence;
  private toc: { node: LegalNode; firstKey?: string } | undefined;
  private annex: LegalNode | undefined;
  /** The node collecting paragraphs and lists: article, preamble, annex or 一、 heading. */
  private block: LegalNode | undefined;
  private paragraph: LegalNode | undefined;
  private list: ListEntry[] = [];
  /** The node lists currently hang from, and the depth at which each list style first appeared under it. */
  private listRoot: LegalNode | undefined;
  private styleDepth: ListStyle[] = [];
  /** Inside new text inserted by an amendment (headings and articles of another document). */
  private inserted = false;

  constructor(
    private readonly lines: ClassifiedLine[],
    private readonly options: TreeOptions,
  ) {
    this.articles = new ArticleSequence(this.warnings, options.allowLateStart);
  }

  build(): BuiltTree {
    this.lines.forEach((line, index) => this.accept(line, index));
    this.articles.finish(this.nodes);
    return { nodes: this.nodes, warnings: this.warnings, outOfSequence: this.outOfSequence };
  }

  private accept(line: ClassifiedLine, index: number): void {
    const { label } = line;
    if (this.toc && this.acceptTocEntry(line)) return;
    this.toc = undefined;
    if (label.type === "article" && label.tight) {
      // normalize.ts gave the label no separator because no article was expected there.
      this.warnLabelAsText(line, `"${label.label}" written without a space is not the article expected here`);
      return this.plain(line, index);
    }
    if (this.inserted || this.startsInsertion(label)) {
      if (label.type !== "article" || !this.articles.isNext(label)) return this.plain(line, index);
      this.inserted = false;
    }
    switch (label.type) {
      case "toc":
        this.closeAll();
        this.toc = { node: this.top(node("toc", label.label, "", line.src.line)) };
        return;
      case "preamble":
        this.closeAll();
        return this.openBlock(this.top(node("preamble", label.label, "", line.src.line)));
      case "heading":
        return this.heading(label, line);
      case "supplementary":
        return this.heading({ type: "heading", unit: "章", label: label.label, number: NaN, rest: "" }, line);
      case "annex":
        this.closeAll();
        this.annex = this.top(node("annex", label.label, label.rest, line.src.line, label.number));
        return this.openBlock(this.annex);
      case "article":
        return this.article(label, line, index);
      case "list":
        return this.listItem(label, line, index);
      default:
        return this.plain(line, index);
    }
  }

  /** 目录 entries are heading-like lines up to the first one repeated in the body. */
  private acceptTocEntry({ label, src }: ClassifiedLine): boolean {
    const toc = this.toc!;
    const key = label.type === "heading" ? label.label : label.type === "supplementary" ? "附则" : undefined;
    if (key === undefined || key === toc.firstKey) return false;
    toc.firstKey ??= key;
    toc.node.text = toc.node.text ? `${toc.node.text}\n${src.text}` : src.text;
    return true;
  }

  /**
   * Whether the line directly follows a directive of an amendment instrument and is new text it announces. Such
   * lines are not reported: the directive announced them (宪法修正案 2018 prints five new articles this way).
   */
  private startsInsertion(label: LineLabel): boolean {
    if (!this.options.amendment || this.block?.kind !== "article" || !this.paragraph || this.list.length) return false;
    if (!DIRECTIVE.test(lastLine(this.paragraph.text))) return false;
    const structural = label.type === "heading" || (label.type === "article" && !this.articles.isNext(label));
    if (structural) this.inserted = true;
    return structural;
  }

  private heading(label: Labelled<"heading">, line: ClassifiedLine): void {
    const rank = Number.isNaN(label.number) ? HEADING_RANK.章 : HEADING_RANK[label.unit];
    const title = compactTitle(label.rest);
    const kind = label.label === "附则" || title === "附则" ? "supplementary" : HEADING_KIND[label.unit];
    const number = Number.isNaN(label.number) ? undefined : label.number;
    const heading = node(kind, label.label, title, line.src.line, number);
    this.closeBlock();
    this.annex = undefined;
    while (this.headings.length && this.headings[this.headings.length - 1].rank >= rank) this.headings.pop();
    this.container().push(heading);
    this.headings.push({ rank, node: heading });
  }

  private article(label: Labelled<"article">, line: ClassifiedLine, index: number): void {
    const inSequence = this.articles.isNext(label);
    if (!inSequence && this.block?.kind === "article") {
      const target = this.textTarget();
      if (target?.text && !endsSentence(lastLine(target.text))) {
        // 第二条 …依照本条例 / 第三十条　的规定处罚。: a reference the source wrapped, not a new article.
        this.warnLabelAsText(line, `"${label.label}" is out of sequence after an unfinished sentence`);
        target.text = `${target.text}\n${line.src.text}`;
        return;
      }
    }
    this.articles.check(label, line.src.line, inSequence ? undefined : this.followingArticle(index));
    const article = node("article", label.label, "", line.src.line, label.number, label.subNumber);
    if (!inSequence) this.outOfSequence.add(article);
    this.closeBlock();
    (this.annex ? this.annex.children : this.container()).push(article);
    this.openBlock(article);
    if (label.rest) this.newParagraph(label.rest, line.src.line);
  }

  private listItem(label: Labelled<"list">, line: ClassifiedLine, index: number): void {
    if (label.style === "cn-dun" && (!this.options.hasArticles || this.annex)) {
      // In texts without 第X条 (决定, 修正案, 司法解释) and in annexes, 一、 starts a unit of its own.
      const heading = node("heading", label.label, label.rest, line.src.line, label.number);
      this.closeBlock();
      (this.annex ? this.annex.children : this.container()).push(heading);
      return this.openBlock(heading);
    }
    if (!this.block) return this.unplaced(line);
    // Items belong to a paragraph (款) in articles; elsewhere (一、 units, annexes) they sit beside paragraphs.
    const root = this.block.kind === "article" ? this.paragraph ?? this.newParagraph("", line.src.line) : this.block;
    const kind: NodeKind = label.style === "cn-paren" || label.style === "cn-dun" ? "item" : "subitem";
    const item = node(kind, label.label, label.rest, line.src.line, label.number);
    if (root !== this.listRoot) {
      this.listRoot = root;
      this.styleDepth = [];
    }
    const same = this.list.findIndex((entry) => entry.style === label.style);
    // A style met before at a shallower depth goes back there (19. after the （1）…（5） of 18.).
    const depth = same >= 0 ? same : this.styleDepth.indexOf(label.style);
    if (depth >= 0) this.list.length = Math.min(this.list.length, depth);
    else this.styleDepth.push(label.style);
    const parent = this.list.length ? this.list[this.list.length - 1].node : root;
    parent.children.push(item);
    this.list.push({ style: label.style, node: item });
  }

  /** The next article label after line `index`, if any. */
  private followingArticle(index: number): Labelled<"article"> | undefined {
    for (let i = index + 1; i < this.lines.length; i++) {
      const { label } = this.lines[i];
      if (label.type === "article" && !label.tight) return label;
    }
    return undefined;
  }

  private warnLabelAsText(line: ClassifiedLine, reason: string): void {
    this.warnings.push({
      line: line.src.line,
      code: "label-as-text",
      message: `${reason}: line kept as text: "${line.src.text.slice(0, 30)}"`,
    });
  }

  /** The clause the next plain line would continue: the open list item, else the open paragraph. */
  private textTarget(): LegalNode | undefined {
    return this.list.length ? this.list[this.list.length - 1].node : this.paragraph;
  }

  private plain(line: ClassifiedLine, index: number): void {
    if (!this.block) {
      if (this.nodes.every((n) => n.kind === "toc")) {
        this.openBlock(this.top(node("preamble", "", "", line.src.line)));
      } else {
        return this.unplaced(line);
      }
    }
    const target = this.textTarget();
    if (target && this.continues(target, line, index)) {
      target.text = `${target.text}\n${line.src.text}`;
      return;
    }
    this.newParagraph(line.src.text, line.src.line);
  }

  /** Whether a plain line continues the previous paragraph or item rather than starting a new paragraph. */
  private continues(target: LegalNode, line: ClassifiedLine, index: number): boolean {
    const previous = lastLine(target.text);
    if (OPEN_ENDING.test(previous)) return true;
    if (LEAD_IN_ENDING.test(previous) && OPEN_ENDING.test(line.src.text)) return true;
    if (target.kind !== "item" && target.kind !== "subitem") return false;
    // Lines between item (n) and item (n+1) belong to item (n) (国歌法 第四条 （一）).
    const entry = this.list[this.list.length - 1];
    for (let i = index + 1; i < this.lines.length && i <= index + MAX_ITEM_CONTINUATION; i++) {
      const next = this.lines[i].label;
      if (next.type === "plain") continue;
      return next.type === "list" && next.style === entry.style && next.number === (target.number ?? 0) + 1;
    }
    return false;
  }

  /** A line with no place in the structure: kept (under the last heading) and reported. */
  private unplaced(line: ClassifiedLine): void {
    this.warnings.push({
      line: line.src.line,
      code: "unplaced",
      message: `Line outside any article or block: "${line.src.text.slice(0, 30)}"`,
    });
    const holder = this.headings[this.headings.length - 1]?.node;
    const paragraph = node("paragraph", "", line.src.text, line.src.line);
    (holder ? holder.children : this.nodes).push(paragraph);
  }

  private newParagraph(text: string, line: number): LegalNode {
    const paragraph = node("paragraph", "", text, line);
    this.block!.children.push(paragraph);
    this.paragraph = paragraph;
    this.list = [];
    return paragraph;
  }

  private openBlock(block: LegalNode): void {
    this.block = block;
    this.paragraph = undefined;
    this.list = [];
  }

  private closeBlock(): void {
    this.block = undefined;
    this.paragraph = undefined;
    this.list = [];
    this.inserted = false;
  }

  private closeAll(): void {
    this.closeBlock();
    this.headings.length = 0;
    this.annex = undefined;
  }

  private container(): LegalNode[] {
    return this.headings.length ? this.headings[this.headings.length - 1].node.children : this.nodes;
  }

  private top(n: LegalNode): LegalNode {
    this.nodes.push(n);
    return n;
  }
}
