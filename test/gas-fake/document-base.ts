/** The plumbing shared by every Docs element class (ledger, closed handles, children). */
import {
  cloneNode,
  type DocNode,
  type DocNodeType,
  node,
  textNodes,
  textOf,
} from "./document-model";
import { asGas, CLOSED, FakeText, type Session } from "./document-text";
import { badParameters, GasError } from "./errors";
import type { Runtime } from "./runtime";

type ElementType = GoogleAppsScript.Document.ElementType;
type GasElement = GoogleAppsScript.Document.Element;
type GasParagraph = GoogleAppsScript.Document.Paragraph;
type GasListItem = GoogleAppsScript.Document.ListItem;
type GasTable = GoogleAppsScript.Document.Table;
type GasTableRow = GoogleAppsScript.Document.TableRow;
type GasTableCell = GoogleAppsScript.Document.TableCell;
type GasText = GoogleAppsScript.Document.Text;
type Attrs = Record<string, unknown>;

export const CLASS_OF: Record<DocNodeType, string> = {
  BODY_SECTION: "Body",
  PARAGRAPH: "Paragraph",
  LIST_ITEM: "ListItem",
  TABLE: "Table",
  TABLE_ROW: "TableRow",
  TABLE_CELL: "TableCell",
  HORIZONTAL_RULE: "HorizontalRule",
  PAGE_BREAK: "PageBreak",
};

type Wrap = (rt: Runtime, session: Session, n: DocNode) => GasElement;
let wrapper: Wrap | undefined;

/** document.ts registers the node -> element class mapping (kept out of here to avoid an import cycle) */
export function registerWrapper(wrap: Wrap): void {
  wrapper = wrap;
}

export function wrapNode(rt: Runtime, session: Session, n: DocNode): GasElement {
  if (!wrapper) throw new Error("document.ts has not registered the element wrapper");
  return wrapper(rt, session, n);
}

/** Shared plumbing of every element class. */
export abstract class ElementBase {
  constructor(
    protected readonly rt: Runtime,
    protected readonly session: Session,
    readonly node: DocNode,
  ) {}

  protected call<T>(method: string, body: () => T): T {
    return this.rt.call(
      "DocumentApp",
      `${CLASS_OF[this.node.type]}.${method}`,
      () => {
        if (this.session.closed) throw new GasError(CLOSED);
        return body();
      },
      { detail: this.session.doc.id },
    );
  }

  protected wrap(n: DocNode): GasElement {
    return wrapNode(this.rt, this.session, n);
  }

  protected mergeAttributes(attributes: Attrs): void {
    for (const [k, v] of Object.entries(attributes)) {
      if (k === "HEADING") this.node.heading = String(v);
      else this.node.attributes[k] = v;
    }
  }

  protected replaceIn(searchPattern: string, replacement: string): void {
    const re = new RegExp(searchPattern, "g");
    for (const n of textNodes(this.node)) n.text = n.text.replace(re, replacement);
  }

  protected removeSelf(): void {
    const parent = this.node.parent;
    if (!parent) throw new GasError("Element does not contain the specified child element.");
    parent.children.splice(parent.children.indexOf(this.node), 1);
    delete this.node.parent;
  }

  protected childAt(index: number): DocNode {
    const child = this.node.children[index];
    if (!child)
      throw new GasError(
        `Child index (${index}) must be less than the number of child elements (${this.node.children.length}).`,
      );
    return child;
  }

  protected as<T>(type: DocNodeType, method: string): T {
    return this.call(method, () => {
      if (this.node.type !== type) throw new GasError(`Element is not of type ${CLASS_OF[type]}.`);
      return this as unknown as T; // the element already is that class
    });
  }

  getType(): ElementType {
    return this.call("getType", () => this.node.type as unknown as ElementType); // string enum (enums.ts)
  }

  getText(): string {
    return this.call("getText", () => textOf(this.node));
  }

  getAttributes(): Attrs {
    return this.call("getAttributes", () => ({ ...this.node.attributes }));
  }

  getNumChildren(): number {
    return this.call("getNumChildren", () => this.node.children.length);
  }

  getParent(): GoogleAppsScript.Document.ContainerElement {
    return this.call("getParent", () => {
      const p = this.node.parent;
      if (!p) throw new GasError("Element has no parent.");
      return this.wrap(p) as unknown as GoogleAppsScript.Document.ContainerElement; // elements are containers where GAS says so
    });
  }

  editAsText(): GasText {
    return this.call("editAsText", () =>
      asGas<GasText>(new FakeText(this.rt, this.session, this.node)),
    );
  }

  asParagraph(): GasParagraph {
    return this.as("PARAGRAPH", "asParagraph");
  }

  asListItem(): GasListItem {
    return this.as("LIST_ITEM", "asListItem");
  }

  asTable(): GasTable {
    return this.as("TABLE", "asTable");
  }

  asTableRow(): GasTableRow {
    return this.as("TABLE_ROW", "asTableRow");
  }

  asTableCell(): GasTableCell {
    return this.as("TABLE_CELL", "asTableCell");
  }
}

/** a detached copy of an element passed back to append*() (GAS requires a copy too) */
export function elementNode(
  value: unknown,
  type: DocNodeType,
  method: string,
): DocNode | undefined {
  if (value instanceof ElementBase) {
    if (value.node.type !== type) throw badParameters(method, [value]);
    return cloneNode(value.node);
  }
  if (value instanceof FakeText) return node(type, value.plainText());
  return undefined;
}

export function textArg(value: unknown, method: string): string {
  if (typeof value !== "string") throw badParameters(method, [value]);
  return value;
}

export function cellsArg(cells: unknown, method: string): string[][] {
  if (!Array.isArray(cells) || !cells.every((r) => Array.isArray(r)))
    throw badParameters(method, [cells]);
  const rows = cells as unknown[][];
  const width = rows[0]?.length ?? 0;
  if (rows.some((r) => r.length !== width))
    throw new GasError("All rows in the table must have the same number of cells.");
  return rows.map((r) => r.map((c) => String(c)));
}
