/**
 * The content of a fake Google Doc: a tree of nodes, plus a readable flat view (blocks()) for
 * tests to assert headings, paragraphs, list items and tables.
 */

export type DocNodeType =
  | "BODY_SECTION"
  | "PARAGRAPH"
  | "LIST_ITEM"
  | "TABLE"
  | "TABLE_ROW"
  | "TABLE_CELL"
  | "HORIZONTAL_RULE"
  | "PAGE_BREAK";

export interface TextSpan {
  start: number;
  end: number;
  attributes: Record<string, unknown>;
}

export interface DocNode {
  type: DocNodeType;
  /** text of a PARAGRAPH / LIST_ITEM */
  text: string;
  /** ParagraphHeading name of a PARAGRAPH / LIST_ITEM */
  heading: string;
  attributes: Record<string, unknown>;
  /** attributes set on part of the text (editAsText().setBold(start, end, true)) */
  spans: TextSpan[];
  nestingLevel: number;
  glyphType?: string;
  children: DocNode[];
  parent?: DocNode;
}

export type DocBlock =
  | { type: "PARAGRAPH"; heading: string; text: string; attributes: Record<string, unknown> }
  | {
      type: "LIST_ITEM";
      text: string;
      nestingLevel: number;
      glyphType?: string;
      attributes: Record<string, unknown>;
    }
  | { type: "TABLE"; rows: string[][]; attributes: Record<string, unknown> }
  | { type: "HORIZONTAL_RULE" }
  | { type: "PAGE_BREAK" };

export function node(type: DocNodeType, text = "", parent?: DocNode): DocNode {
  const n: DocNode = {
    type,
    text,
    heading: "NORMAL",
    attributes: {},
    spans: [],
    nestingLevel: 0,
    children: [],
  };
  if (parent) n.parent = parent;
  return n;
}

export function appendChild(
  parent: DocNode,
  child: DocNode,
  index = parent.children.length,
): DocNode {
  child.parent = parent;
  parent.children.splice(index, 0, child);
  return child;
}

/** a table built from string cells: each cell holds one paragraph */
export function tableNode(cells: readonly (readonly string[])[]): DocNode {
  const table = node("TABLE");
  for (const row of cells) {
    const r = appendChild(table, node("TABLE_ROW"));
    for (const text of row) appendChild(r, cellNode(String(text)));
  }
  return table;
}

export function cellNode(text: string): DocNode {
  const cell = node("TABLE_CELL");
  appendChild(cell, node("PARAGRAPH", text));
  return cell;
}

/** the text GAS's getText() returns: paragraphs joined by newlines, cells by tabs */
export function textOf(n: DocNode): string {
  switch (n.type) {
    case "PARAGRAPH":
    case "LIST_ITEM":
      return n.text;
    case "TABLE_ROW":
      return n.children.map(textOf).join("\t");
    case "HORIZONTAL_RULE":
    case "PAGE_BREAK":
      return "";
    default:
      return n.children.map(textOf).join("\n");
  }
}

export function cloneNode(n: DocNode, parent?: DocNode): DocNode {
  const copy: DocNode = {
    ...n,
    attributes: { ...n.attributes },
    spans: n.spans.map((s) => ({ ...s, attributes: { ...s.attributes } })),
    children: [],
  };
  if (parent) copy.parent = parent;
  else delete copy.parent;
  copy.children = n.children.map((c) => cloneNode(c, copy));
  return copy;
}

/** every PARAGRAPH / LIST_ITEM under n (table cells included) */
export function* textNodes(n: DocNode): Generator<DocNode> {
  if (n.type === "PARAGRAPH" || n.type === "LIST_ITEM") yield n;
  for (const c of n.children) yield* textNodes(c);
}

export class FakeDocument {
  body: DocNode = node("BODY_SECTION");
  /** saveAndClose() calls so far */
  saves = 0;
  /** every request list Docs.Documents.batchUpdate applied, in order */
  requests: unknown[][] = [];

  constructor(
    readonly id: string,
    public name: string,
  ) {
    // a new Google Doc has one empty paragraph
    appendChild(this.body, node("PARAGRAPH"));
  }

  get url(): string {
    return `https://docs.google.com/document/d/${this.id}/edit`;
  }

  /** the body as a flat list of blocks, in order */
  blocks(): DocBlock[] {
    return this.body.children.map((n): DocBlock => {
      switch (n.type) {
        case "TABLE":
          return {
            type: "TABLE",
            rows: n.children.map((r) => r.children.map(textOf)),
            attributes: { ...n.attributes },
          };
        case "LIST_ITEM":
          return {
            type: "LIST_ITEM",
            text: n.text,
            nestingLevel: n.nestingLevel,
            ...(n.glyphType === undefined ? {} : { glyphType: n.glyphType }),
            attributes: { ...n.attributes },
          };
        case "HORIZONTAL_RULE":
          return { type: "HORIZONTAL_RULE" };
        case "PAGE_BREAK":
          return { type: "PAGE_BREAK" };
        default:
          return {
            type: "PARAGRAPH",
            heading: n.heading,
            text: n.text,
            attributes: { ...n.attributes },
          };
      }
    });
  }

  /** paragraphs with that heading ("HEADING1", "TITLE", ...) */
  headings(heading?: string): string[] {
    return this.body.children
      .filter(
        (n) =>
          n.type === "PARAGRAPH" &&
          n.heading !== "NORMAL" &&
          (heading === undefined || n.heading === heading),
      )
      .map((n) => n.text);
  }

  text(): string {
    return textOf(this.body);
  }

  clone(id: string, name: string): FakeDocument {
    const d = new FakeDocument(id, name);
    d.body = cloneNode(this.body);
    return d;
  }
}
