/**
 * DocumentApp: Document handles and body elements over the model in document-model.ts.
 * After saveAndClose() a handle and its elements throw, as in GAS; openById gives a new handle.
 */
import {
  appendChild,
  cellNode,
  cloneNode,
  type DocNode,
  type DocNodeType,
  FakeDocument,
  node,
  tableNode,
  textNodes,
  textOf,
} from "./document-model";
import type { DriveStore } from "./drive";
import { MIME } from "./drive";
import { gasEnum } from "./enums";
import { badParameters, GasError } from "./errors";
import type { Runtime } from "./runtime";

type D = typeof GoogleAppsScript.Document;
type Heading = GoogleAppsScript.Document.ParagraphHeading;
type ElementType = GoogleAppsScript.Document.ElementType;
type GasElement = GoogleAppsScript.Document.Element;
type GasBody = GoogleAppsScript.Document.Body;
type GasParagraph = GoogleAppsScript.Document.Paragraph;
type GasListItem = GoogleAppsScript.Document.ListItem;
type GasTable = GoogleAppsScript.Document.Table;
type GasTableRow = GoogleAppsScript.Document.TableRow;
type GasTableCell = GoogleAppsScript.Document.TableCell;
type GasText = GoogleAppsScript.Document.Text;
type Attrs = Record<string, unknown>;

const CLASS_OF: Record<DocNodeType, string> = {
  BODY_SECTION: "Body",
  PARAGRAPH: "Paragraph",
  LIST_ITEM: "ListItem",
  TABLE: "Table",
  TABLE_ROW: "TableRow",
  TABLE_CELL: "TableCell",
  HORIZONTAL_RULE: "HorizontalRule",
  PAGE_BREAK: "PageBreak",
};

/** one per opened handle; closing it makes its elements throw */
interface Session {
  closed: boolean;
  doc: FakeDocument;
}

/** Shared plumbing of every element class. */
abstract class ElementBase {
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
        if (this.session.closed)
          throw new GasError("Document is closed, its contents cannot be updated.");
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

/** One cast per class family: each fake implements only a Pick of its GAS interface. */
function asGas<T>(element: object): T {
  return element as unknown as T;
}

function wrapNode(rt: Runtime, session: Session, n: DocNode): GasElement {
  switch (n.type) {
    case "BODY_SECTION":
      return asGas(new FakeBody(rt, session, n));
    case "PARAGRAPH":
      return asGas(new FakeParagraph(rt, session, n));
    case "LIST_ITEM":
      return asGas(new FakeListItem(rt, session, n));
    case "TABLE":
      return asGas(new FakeTable(rt, session, n));
    case "TABLE_ROW":
      return asGas(new FakeTableRow(rt, session, n));
    case "TABLE_CELL":
      return asGas(new FakeTableCell(rt, session, n));
    default:
      return asGas(new FakeLeaf(rt, session, n));
  }
}

/** a detached copy of an element passed back to append*() (GAS requires a copy too) */
function elementNode(value: unknown, type: DocNodeType, method: string): DocNode | undefined {
  if (value instanceof ElementBase) {
    if (value.node.type !== type) throw badParameters(method, [value]);
    return cloneNode(value.node);
  }
  if (value instanceof FakeText) return node(type, value.plainText());
  return undefined;
}

function textArg(value: unknown, method: string): string {
  if (typeof value !== "string") throw badParameters(method, [value]);
  return value;
}

function cellsArg(cells: unknown, method: string): string[][] {
  if (!Array.isArray(cells) || !cells.every((r) => Array.isArray(r)))
    throw badParameters(method, [cells]);
  const rows = cells as unknown[][];
  const width = rows[0]?.length ?? 0;
  if (rows.some((r) => r.length !== width))
    throw new GasError("All rows in the table must have the same number of cells.");
  return rows.map((r) => r.map((c) => String(c)));
}

export type BodyMethods =
  | "appendParagraph"
  | "appendListItem"
  | "appendTable"
  | "appendHorizontalRule"
  | "appendPageBreak"
  | "insertParagraph"
  | "getParagraphs"
  | "getTables"
  | "getChild"
  | "getNumChildren"
  | "removeChild"
  | "clear"
  | "setText"
  | "getText"
  | "replaceText"
  | "editAsText"
  | "getType"
  | "getAttributes"
  | "setAttributes";

export class FakeBody extends ElementBase implements Pick<GasBody, BodyMethods> {
  private add<T>(method: string, n: DocNode, index?: number): T {
    return this.call(method, () => {
      appendChild(this.node, n, index);
      return asGas<T>(this.wrap(n));
    });
  }

  appendParagraph(text: string | GasParagraph): GasParagraph {
    const n = elementNode(text, "PARAGRAPH", "Body.appendParagraph");
    return this.add(
      "appendParagraph",
      n ?? node("PARAGRAPH", textArg(text, "Body.appendParagraph")),
    );
  }

  insertParagraph(childIndex: number, text: string | GasParagraph): GasParagraph {
    const n = elementNode(text, "PARAGRAPH", "Body.insertParagraph");
    return this.add(
      "insertParagraph",
      n ?? node("PARAGRAPH", textArg(text, "Body.insertParagraph")),
      childIndex,
    );
  }

  appendListItem(text: string | GasListItem): GasListItem {
    let item = elementNode(text, "LIST_ITEM", "Body.appendListItem");
    if (!item) {
      item = node("LIST_ITEM", textArg(text, "Body.appendListItem"));
      item.glyphType = "BULLET";
    }
    return this.add("appendListItem", item);
  }

  appendTable(cells?: string[][] | GasTable): GasTable {
    const copy = elementNode(cells, "TABLE", "Body.appendTable");
    return this.add(
      "appendTable",
      copy ?? tableNode(cells === undefined ? [] : cellsArg(cells, "Body.appendTable")),
    );
  }

  appendHorizontalRule(): GoogleAppsScript.Document.HorizontalRule {
    // GAS puts the rule inside a new paragraph; the fake keeps it as its own block
    return this.add("appendHorizontalRule", node("HORIZONTAL_RULE"));
  }

  appendPageBreak(): GoogleAppsScript.Document.PageBreak {
    return this.add("appendPageBreak", node("PAGE_BREAK"));
  }

  getParagraphs(): GasParagraph[] {
    return this.call("getParagraphs", () =>
      [...textNodes(this.node)].map((n) => asGas<GasParagraph>(this.wrap(n))),
    );
  }

  getTables(): GasTable[] {
    return this.call("getTables", () =>
      this.node.children
        .filter((n) => n.type === "TABLE")
        .map((n) => asGas<GasTable>(this.wrap(n))),
    );
  }

  getChild(childIndex: number): GasElement {
    return this.call("getChild", () => this.wrap(this.childAt(childIndex)));
  }

  removeChild(child: GasElement): GasBody {
    return this.call("removeChild", () => {
      const n = child instanceof ElementBase ? child.node : undefined;
      const i = n ? this.node.children.indexOf(n) : -1;
      if (i < 0) throw new GasError("Element does not contain the specified child element.");
      this.node.children.splice(i, 1);
      return asGas<GasBody>(this);
    });
  }

  /** GAS leaves one empty paragraph */
  clear(): GasBody {
    return this.call("clear", () => {
      this.node.children = [];
      appendChild(this.node, node("PARAGRAPH"));
      return asGas<GasBody>(this);
    });
  }

  setText(text: string): GasBody {
    return this.call("setText", () => {
      this.node.children = [];
      for (const line of text.split("\n")) appendChild(this.node, node("PARAGRAPH", line));
      return asGas<GasBody>(this);
    });
  }

  replaceText(searchPattern: string, replacement: string): GasElement {
    return this.call("replaceText", () => {
      this.replaceIn(searchPattern, replacement);
      return asGas<GasElement>(this);
    });
  }

  setAttributes(attributes: Attrs): GasBody {
    return this.call("setAttributes", () => {
      this.mergeAttributes(attributes);
      return asGas<GasBody>(this);
    });
  }
}

/** what Paragraph and ListItem share */
abstract class TextBlock extends ElementBase {
  protected chain<T>(method: string, change: () => void): T {
    return this.call(method, () => {
      change();
      return asGas<T>(this);
    });
  }

  setText(text: string): void {
    this.call("setText", () => {
      this.node.text = textArg(text, `${CLASS_OF[this.node.type]}.setText`);
      this.node.spans = [];
    });
  }

  appendText(text: string | GasText): GasText {
    return this.call("appendText", () => {
      this.node.text +=
        text instanceof FakeText
          ? text.plainText()
          : textArg(text, `${CLASS_OF[this.node.type]}.appendText`);
      return asGas<GasText>(new FakeText(this.rt, this.session, this.node));
    });
  }

  getHeading(): Heading {
    return this.call("getHeading", () => this.node.heading as unknown as Heading); // string enum
  }

  replaceText(searchPattern: string, replacement: string): GasElement {
    return this.call("replaceText", () => {
      this.replaceIn(searchPattern, replacement);
      return asGas<GasElement>(this);
    });
  }
}

export type ParagraphMethods =
  | "getText"
  | "setText"
  | "appendText"
  | "getHeading"
  | "setHeading"
  | "getAttributes"
  | "setAttributes"
  | "setAlignment"
  | "editAsText"
  | "replaceText"
  | "removeFromParent"
  | "getParent"
  | "getType"
  | "getNumChildren";

export class FakeParagraph extends TextBlock implements Pick<GasParagraph, ParagraphMethods> {
  setHeading(heading: Heading): GasParagraph {
    return this.chain("setHeading", () => {
      this.node.heading = String(heading);
    });
  }

  setAttributes(attributes: Attrs): GasParagraph {
    return this.chain("setAttributes", () => this.mergeAttributes(attributes));
  }

  setAlignment(alignment: GoogleAppsScript.Document.HorizontalAlignment): GasParagraph {
    return this.chain("setAlignment", () => {
      this.node.attributes.HORIZONTAL_ALIGNMENT = String(alignment);
    });
  }

  removeFromParent(): GasParagraph {
    return this.chain("removeFromParent", () => this.removeSelf());
  }
}

export type ListItemMethods =
  | ParagraphMethods
  | "setNestingLevel"
  | "getNestingLevel"
  | "setGlyphType"
  | "getGlyphType";

export class FakeListItem extends TextBlock implements Pick<GasListItem, ListItemMethods> {
  setHeading(heading: Heading): GasListItem {
    return this.chain("setHeading", () => {
      this.node.heading = String(heading);
    });
  }

  setAttributes(attributes: Attrs): GasListItem {
    return this.chain("setAttributes", () => this.mergeAttributes(attributes));
  }

  setAlignment(alignment: GoogleAppsScript.Document.HorizontalAlignment): GasListItem {
    return this.chain("setAlignment", () => {
      this.node.attributes.HORIZONTAL_ALIGNMENT = String(alignment);
    });
  }

  removeFromParent(): GasListItem {
    return this.chain("removeFromParent", () => this.removeSelf());
  }

  setNestingLevel(nestingLevel: number): GasListItem {
    return this.chain("setNestingLevel", () => {
      this.node.nestingLevel = nestingLevel;
    });
  }

  getNestingLevel(): number {
    return this.call("getNestingLevel", () => this.node.nestingLevel);
  }

  setGlyphType(glyphType: GoogleAppsScript.Document.GlyphType): GasListItem {
    return this.chain("setGlyphType", () => {
      this.node.glyphType = String(glyphType);
    });
  }

  getGlyphType(): GoogleAppsScript.Document.GlyphType {
    return this.call(
      "getGlyphType",
      () => (this.node.glyphType ?? "BULLET") as unknown as GoogleAppsScript.Document.GlyphType,
    );
  }
}

export type TableMethods =
  | "getNumRows"
  | "getRow"
  | "getCell"
  | "appendTableRow"
  | "setBorderWidth"
  | "setBorderColor"
  | "getAttributes"
  | "setAttributes"
  | "getText"
  | "getType"
  | "replaceText"
  | "removeFromParent"
  | "getNumChildren"
  | "getChild";

export class FakeTable extends ElementBase implements Pick<GasTable, TableMethods> {
  private chain(method: string, change: () => void): GasTable {
    return this.call(method, () => {
      change();
      return asGas<GasTable>(this);
    });
  }

  getNumRows(): number {
    return this.call("getNumRows", () => this.node.children.length);
  }

  getRow(rowIndex: number): GasTableRow {
    return this.call("getRow", () => asGas<GasTableRow>(this.wrap(this.childAt(rowIndex))));
  }

  getCell(rowIndex: number, cellIndex: number): GasTableCell {
    return this.call("getCell", () => {
      const row = this.childAt(rowIndex);
      const cell = row.children[cellIndex];
      if (!cell)
        throw new GasError(
          `Child index (${cellIndex}) must be less than the number of child elements (${row.children.length}).`,
        );
      return asGas<GasTableCell>(this.wrap(cell));
    });
  }

  getChild(childIndex: number): GasElement {
    return this.call("getChild", () => this.wrap(this.childAt(childIndex)));
  }

  appendTableRow(): GasTableRow {
    return this.call("appendTableRow", () =>
      asGas<GasTableRow>(this.wrap(appendChild(this.node, node("TABLE_ROW")))),
    );
  }

  setBorderWidth(width: number): GasTable {
    return this.chain("setBorderWidth", () => {
      this.node.attributes.BORDER_WIDTH = width;
    });
  }

  setBorderColor(color: string): GasTable {
    return this.chain("setBorderColor", () => {
      this.node.attributes.BORDER_COLOR = color;
    });
  }

  setAttributes(attributes: Attrs): GasTable {
    return this.chain("setAttributes", () => this.mergeAttributes(attributes));
  }

  replaceText(searchPattern: string, replacement: string): GasElement {
    return this.call("replaceText", () => {
      this.replaceIn(searchPattern, replacement);
      return asGas<GasElement>(this);
    });
  }

  removeFromParent(): GasTable {
    return this.chain("removeFromParent", () => this.removeSelf());
  }
}

export type TableRowMethods =
  | "getNumCells"
  | "getCell"
  | "appendTableCell"
  | "getText"
  | "getType"
  | "setAttributes"
  | "getAttributes";

export class FakeTableRow extends ElementBase implements Pick<GasTableRow, TableRowMethods> {
  getNumCells(): number {
    return this.call("getNumCells", () => this.node.children.length);
  }

  getCell(cellIndex: number): GasTableCell {
    return this.call("getCell", () => asGas<GasTableCell>(this.wrap(this.childAt(cellIndex))));
  }

  appendTableCell(text?: string | GasTableCell | null): GasTableCell {
    return this.call("appendTableCell", () => {
      const cell = appendChild(this.node, cellNode(typeof text === "string" ? text : ""));
      return asGas<GasTableCell>(this.wrap(cell));
    });
  }

  setAttributes(attributes: Attrs): GasTableRow {
    return this.call("setAttributes", () => {
      this.mergeAttributes(attributes);
      return asGas<GasTableRow>(this);
    });
  }
}

export type TableCellMethods =
  | "getText"
  | "setText"
  | "setBackgroundColor"
  | "setWidth"
  | "setAttributes"
  | "getAttributes"
  | "appendParagraph"
  | "getNumChildren"
  | "getChild"
  | "getType"
  | "editAsText";

export class FakeTableCell extends ElementBase implements Pick<GasTableCell, TableCellMethods> {
  private chain(method: string, change: () => void): GasTableCell {
    return this.call(method, () => {
      change();
      return asGas<GasTableCell>(this);
    });
  }

  setText(text: string): GasTableCell {
    return this.chain("setText", () => {
      this.node.children = [];
      appendChild(this.node, node("PARAGRAPH", textArg(text, "TableCell.setText")));
    });
  }

  setBackgroundColor(color: string): GasTableCell {
    return this.chain("setBackgroundColor", () => {
      this.node.attributes.BACKGROUND_COLOR = color;
    });
  }

  setWidth(width: number): GasTableCell {
    return this.chain("setWidth", () => {
      this.node.attributes.WIDTH = width;
    });
  }

  setAttributes(attributes: Attrs): GasTableCell {
    return this.chain("setAttributes", () => this.mergeAttributes(attributes));
  }

  appendParagraph(text: string | GasParagraph): GasParagraph {
    return this.call("appendParagraph", () => {
      const n = elementNode(text, "PARAGRAPH", "TableCell.appendParagraph");
      return asGas<GasParagraph>(
        this.wrap(
          appendChild(
            this.node,
            n ?? node("PARAGRAPH", textArg(text, "TableCell.appendParagraph")),
          ),
        ),
      );
    });
  }

  getChild(childIndex: number): GasElement {
    return this.call("getChild", () => this.wrap(this.childAt(childIndex)));
  }
}

/** HorizontalRule and PageBreak */
class FakeLeaf extends ElementBase {
  removeFromParent(): GasElement {
    return this.call("removeFromParent", () => {
      this.removeSelf();
      return asGas<GasElement>(this);
    });
  }
}

export type TextMethods =
  | "getText"
  | "setText"
  | "appendText"
  | "setBold"
  | "setItalic"
  | "setFontSize"
  | "setForegroundColor"
  | "setBackgroundColor"
  | "setAttributes"
  | "getType";

/** editAsText() view of a paragraph / list item / cell / body */
export class FakeText implements Pick<GasText, TextMethods> {
  constructor(
    private readonly rt: Runtime,
    private readonly session: Session,
    private readonly target: DocNode,
  ) {}

  private call<T>(method: string, body: () => T): T {
    return this.rt.call(
      "DocumentApp",
      `Text.${method}`,
      () => {
        if (this.session.closed)
          throw new GasError("Document is closed, its contents cannot be updated.");
        return body();
      },
      { detail: this.session.doc.id },
    );
  }

  private self(): GasText {
    return asGas<GasText>(this);
  }

  /** (attributes) for the whole text, or (start, endInclusive, ...) for part of it */
  private style(method: string, args: unknown[], attribute: string): GasText {
    return this.call(method, () => {
      if (args.length >= 3) {
        const [start, end, value] = args;
        this.target.spans.push({
          start: Number(start),
          end: Number(end),
          attributes: { [attribute]: value },
        });
      } else {
        this.target.attributes[attribute] = args[0];
      }
      return this.self();
    });
  }

  /** fake-only (not ledgered) */
  plainText(): string {
    return textOf(this.target);
  }

  getText(): string {
    return this.call("getText", () => textOf(this.target));
  }

  setText(text: string): GasText {
    return this.call("setText", () => {
      this.target.text = text;
      this.target.spans = [];
      return this.self();
    });
  }

  appendText(text: string): GasText {
    return this.call("appendText", () => {
      this.target.text += text;
      return this.self();
    });
  }

  setBold(...args: unknown[]): GasText {
    return this.style("setBold", args, "BOLD");
  }

  setItalic(...args: unknown[]): GasText {
    return this.style("setItalic", args, "ITALIC");
  }

  setFontSize(...args: unknown[]): GasText {
    return this.style("setFontSize", args, "FONT_SIZE");
  }

  setForegroundColor(...args: unknown[]): GasText {
    return this.style("setForegroundColor", args, "FOREGROUND_COLOR");
  }

  setBackgroundColor(...args: unknown[]): GasText {
    return this.style("setBackgroundColor", args, "BACKGROUND_COLOR");
  }

  setAttributes(...args: unknown[]): GasText {
    return this.call("setAttributes", () => {
      const attrs = (args.length >= 3 ? args[2] : args[0]) as Attrs;
      if (args.length >= 3) {
        this.target.spans.push({
          start: Number(args[0]),
          end: Number(args[1]),
          attributes: { ...attrs },
        });
      } else {
        Object.assign(this.target.attributes, attrs);
      }
      return this.self();
    });
  }

  getType(): ElementType {
    return this.call("getType", () => "TEXT" as unknown as ElementType); // string enum
  }
}

export type DocumentMethods =
  | "getId"
  | "getName"
  | "setName"
  | "getUrl"
  | "getBody"
  | "saveAndClose";

export class FakeDocumentHandle
  implements Pick<GoogleAppsScript.Document.Document, DocumentMethods>
{
  private readonly session: Session;

  constructor(
    private readonly rt: Runtime,
    private readonly drive: DriveStore,
    readonly doc: FakeDocument,
  ) {
    this.session = { closed: false, doc };
  }

  private call<T>(method: string, body: () => T, needsOpen = true): T {
    return this.rt.call(
      "DocumentApp",
      `Document.${method}`,
      () => {
        if (needsOpen && this.session.closed)
          throw new GasError("Document is closed, its contents cannot be updated.");
        return body();
      },
      { detail: this.doc.id },
    );
  }

  getId(): string {
    return this.call("getId", () => this.doc.id, false);
  }

  getName(): string {
    return this.call("getName", () => this.doc.name, false);
  }

  setName(name: string): GoogleAppsScript.Document.Document {
    return this.call("setName", () => {
      this.doc.name = name;
      this.drive.rename(this.doc.id, name);
      return asGas<GoogleAppsScript.Document.Document>(this);
    });
  }

  getUrl(): string {
    return this.call("getUrl", () => this.doc.url, false);
  }

  getBody(): GasBody {
    return this.call("getBody", () =>
      asGas<GasBody>(new FakeBody(this.rt, this.session, this.doc.body)),
    );
  }

  saveAndClose(): void {
    this.call(
      "saveAndClose",
      () => {
        this.doc.saves += 1;
        this.session.closed = true;
      },
      false,
    );
  }
}

export type DocumentAppMethods =
  | "ParagraphHeading"
  | "Attribute"
  | "ElementType"
  | "GlyphType"
  | "HorizontalAlignment"
  | "create"
  | "openById"
  | "openByUrl";

export class FakeDocumentApp
  implements Pick<GoogleAppsScript.Document.DocumentApp, DocumentAppMethods>
{
  readonly ParagraphHeading = gasEnum<D["ParagraphHeading"]>([
    "NORMAL",
    "HEADING1",
    "HEADING2",
    "HEADING3",
    "HEADING4",
    "HEADING5",
    "HEADING6",
    "TITLE",
    "SUBTITLE",
  ]);
  readonly Attribute = gasEnum<D["Attribute"]>([
    "BACKGROUND_COLOR",
    "BOLD",
    "BORDER_COLOR",
    "BORDER_WIDTH",
    "CODE",
    "FONT_FAMILY",
    "FONT_SIZE",
    "FOREGROUND_COLOR",
    "HEADING",
    "HEIGHT",
    "HORIZONTAL_ALIGNMENT",
    "INDENT_END",
    "INDENT_FIRST_LINE",
    "INDENT_START",
    "ITALIC",
    "GLYPH_TYPE",
    "LEFT_TO_RIGHT",
    "LINE_SPACING",
    "LINK_URL",
    "LIST_ID",
    "MARGIN_BOTTOM",
    "MARGIN_LEFT",
    "MARGIN_RIGHT",
    "MARGIN_TOP",
    "NESTING_LEVEL",
    "MINIMUM_HEIGHT",
    "PADDING_BOTTOM",
    "PADDING_LEFT",
    "PADDING_RIGHT",
    "PADDING_TOP",
    "PAGE_HEIGHT",
    "PAGE_WIDTH",
    "SPACING_AFTER",
    "SPACING_BEFORE",
    "STRIKETHROUGH",
    "UNDERLINE",
    "VERTICAL_ALIGNMENT",
    "WIDTH",
  ]);
  readonly ElementType = gasEnum<D["ElementType"]>([
    "BODY_SECTION",
    "DOCUMENT",
    "HORIZONTAL_RULE",
    "LIST_ITEM",
    "PAGE_BREAK",
    "PARAGRAPH",
    "TABLE",
    "TABLE_CELL",
    "TABLE_ROW",
    "TEXT",
    "UNSUPPORTED",
  ]);
  readonly GlyphType = gasEnum<D["GlyphType"]>([
    "BULLET",
    "HOLLOW_BULLET",
    "SQUARE_BULLET",
    "NUMBER",
    "LATIN_UPPER",
    "LATIN_LOWER",
    "ROMAN_UPPER",
    "ROMAN_LOWER",
  ]);
  readonly HorizontalAlignment = gasEnum<D["HorizontalAlignment"]>([
    "LEFT",
    "CENTER",
    "RIGHT",
    "JUSTIFY",
  ]);

  constructor(
    private readonly rt: Runtime,
    private readonly docs: Map<string, FakeDocument>,
    private readonly drive: DriveStore,
  ) {}

  private handle(doc: FakeDocument): GoogleAppsScript.Document.Document {
    return asGas(new FakeDocumentHandle(this.rt, this.drive, doc));
  }

  create(name: string): GoogleAppsScript.Document.Document {
    return this.rt.call(
      "DocumentApp",
      "DocumentApp.create",
      () => {
        const file = this.drive.addFile(textArg(name, "DocumentApp.create"), MIME.document);
        const doc = new FakeDocument(file.id, name);
        this.docs.set(doc.id, doc);
        return this.handle(doc);
      },
      { detail: name },
    );
  }

  openById(id: string): GoogleAppsScript.Document.Document {
    return this.rt.call("DocumentApp", "DocumentApp.openById", () => this.open(id), { detail: id });
  }

  openByUrl(url: string): GoogleAppsScript.Document.Document {
    return this.rt.call(
      "DocumentApp",
      "DocumentApp.openByUrl",
      () => this.open(/\/d\/([^/]+)/.exec(url)?.[1] ?? ""),
      {
        detail: url,
      },
    );
  }

  private open(id: string): GoogleAppsScript.Document.Document {
    const doc = this.docs.get(id);
    if (!doc || this.drive.files.get(id)?.trashed) {
      throw new GasError(
        "Document is missing (perhaps it was deleted, or you don't have read access?)",
      );
    }
    return this.handle(doc);
  }
}
