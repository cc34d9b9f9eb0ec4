/**
 * DocumentApp: Document handles over the model in document-model.ts; the element classes live
 * in document-blocks.ts and document-table.ts. After saveAndClose() a handle and its elements
 * throw, as in GAS; openById gives a new handle.
 */
import { registerWrapper, textArg } from "./document-base";
import { FakeBody, FakeLeaf, FakeListItem, FakeParagraph } from "./document-blocks";
import { type DocNode, FakeDocument } from "./document-model";
import { FakeTable, FakeTableCell, FakeTableRow } from "./document-table";
import { asGas, CLOSED, type Session } from "./document-text";
import type { DriveStore } from "./drive";
import { MIME } from "./drive";
import { gasEnum } from "./enums";
import { GasError } from "./errors";
import type { Runtime } from "./runtime";

type D = typeof GoogleAppsScript.Document;
type GasBody = GoogleAppsScript.Document.Body;

registerWrapper((rt: Runtime, session: Session, n: DocNode) => {
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
});

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
        if (needsOpen && this.session.closed) throw new GasError(CLOSED);
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
