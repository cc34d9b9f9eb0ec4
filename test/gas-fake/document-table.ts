/** Table, TableRow and TableCell. */

import { ElementBase, elementNode, textArg } from "./document-base";
import { appendChild, cellNode, node } from "./document-model";
import { asGas } from "./document-text";
import { GasError } from "./errors";

type GasElement = GoogleAppsScript.Document.Element;
type GasParagraph = GoogleAppsScript.Document.Paragraph;
type GasTable = GoogleAppsScript.Document.Table;
type GasTableRow = GoogleAppsScript.Document.TableRow;
type GasTableCell = GoogleAppsScript.Document.TableCell;
type Attrs = Record<string, unknown>;

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
