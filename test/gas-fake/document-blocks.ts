/** Body, Paragraph, ListItem and the leaf elements (HorizontalRule, PageBreak). */

import { CLASS_OF, cellsArg, ElementBase, elementNode, textArg } from "./document-base";
import { appendChild, type DocNode, node, tableNode, textNodes } from "./document-model";
import { asGas, FakeText } from "./document-text";
import { GasError } from "./errors";

type Heading = GoogleAppsScript.Document.ParagraphHeading;
type GasElement = GoogleAppsScript.Document.Element;
type GasBody = GoogleAppsScript.Document.Body;
type GasParagraph = GoogleAppsScript.Document.Paragraph;
type GasListItem = GoogleAppsScript.Document.ListItem;
type GasTable = GoogleAppsScript.Document.Table;
type GasText = GoogleAppsScript.Document.Text;
type Attrs = Record<string, unknown>;

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

/** HorizontalRule and PageBreak */
export class FakeLeaf extends ElementBase {
  removeFromParent(): GasElement {
    return this.call("removeFromParent", () => {
      this.removeSelf();
      return asGas<GasElement>(this);
    });
  }
}
