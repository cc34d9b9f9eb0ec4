/**
 * The Docs advanced service (Docs.Documents.batchUpdate / get) over the same documents
 * DocumentApp edits (document-model.ts). Indices are the API's: the body starts at 1, a
 * paragraph takes its text plus its newline, a table takes 1 at its start, 1 per row, 1 per
 * cell and 1 at its end, a page break or rule its own paragraph of 2
 * (https://developers.google.com/workspace/docs/api/concepts/structure#indexes,
 * https://developers.google.com/workspace/docs/api/how-tos/tables). batchUpdate is atomic: an
 * invalid request (an index outside a paragraph, a table start that is not one, an unknown
 * request or an empty `fields`) applies nothing and throws
 * (https://developers.google.com/workspace/docs/api/reference/rest/v1/documents/batchUpdate:
 * "if any request is not valid, then the entire request will fail and nothing will be applied").
 * A body over the API front end's 10,485,760 bytes is refused (see slides.ts).
 *
 * What the fake does not model: text typed by insertText takes no style from its neighbours
 * here (Google's does), so only styles set by update*Style requests are seen; callers that set
 * every style explicitly (as ours do) see the same in both.
 */
import type { docs_v1 } from "googleapis";
import { appendChild, cloneNode, type DocNode, type FakeDocument, node } from "./document-model";
import { GoogleJsonResponseError } from "./errors";
import type { Runtime } from "./runtime";
import { BATCH_UPDATE_PAYLOAD_LIMIT } from "./slides";

type Request = docs_v1.Schema$Request;

/** Every request this fake applies; any other kind is refused (the fake is not kinder). */
const KINDS = new Set([
  "insertText",
  "insertTable",
  "updateTextStyle",
  "updateParagraphStyle",
  "updateTableCellStyle",
  "updateTableColumnProperties",
  "updateTableRowStyle",
]);

interface Span {
  readonly node: DocNode;
  readonly start: number;
  readonly end: number;
}

/** Paragraphs (body and cells) and tables with their API index ranges, in order. */
function indexOf(body: DocNode): { paragraphs: Span[]; tables: Span[]; end: number } {
  const paragraphs: Span[] = [];
  const tables: Span[] = [];
  const walk = (n: DocNode, at: number): number => {
    switch (n.type) {
      case "PARAGRAPH":
      case "LIST_ITEM":
        paragraphs.push({ node: n, start: at, end: at + n.text.length + 1 });
        return at + n.text.length + 1;
      case "HORIZONTAL_RULE":
      case "PAGE_BREAK":
        return at + 2;
      case "TABLE": {
        let i = at + 1;
        for (const row of n.children) {
          i += 1;
          for (const cell of row.children) {
            i += 1;
            for (const c of cell.children) i = walk(c, i);
          }
        }
        tables.push({ node: n, start: at, end: i + 1 });
        return i + 1;
      }
      default: {
        let i = at;
        for (const c of n.children) i = walk(c, i);
        return i;
      }
    }
  };
  const end = walk(body, 1);
  return { paragraphs, tables, end };
}

class Invalid extends Error {}

function paragraphAt(body: DocNode, index: number | null | undefined): Span {
  const p = indexOf(body).paragraphs.find(
    (s) => index != null && s.start <= index && index < s.end,
  );
  if (!p)
    throw new Invalid(
      `The insertion index ${index} must be inside the bounds of an existing paragraph.`,
    );
  return p;
}

/** A paragraph like `like` (its heading and attributes), holding `text`. */
function sibling(like: DocNode, text: string): DocNode {
  const n = node(like.type, text);
  n.heading = like.heading;
  n.attributes = { ...like.attributes };
  return n;
}

function insertText(body: DocNode, index: number | null | undefined, text: string): void {
  const { node: p, start } = paragraphAt(body, index);
  const o = (index ?? 0) - start;
  const old = p.text;
  const pieces = (old.slice(0, o) + text + old.slice(o)).split("\n");
  const parent = p.parent;
  if (!parent) throw new Invalid("orphan paragraph");
  const tail = pieces.at(-1) ?? "";
  const shift = tail.length - (old.length - o);
  const before = p.spans.filter((s) => s.end < o);
  const after = p.spans
    .filter((s) => s.start >= o)
    .map((s) => ({ ...s, start: s.start + shift, end: s.end + shift }));
  if (pieces.length === 1) {
    p.text = tail;
    p.spans = p.spans.map((s) =>
      s.start >= o ? { ...s, start: s.start + text.length, end: s.end + text.length } : s,
    );
    return;
  }
  const added = pieces.slice(0, -1).map((t) => sibling(p, t));
  const first = added[0];
  if (first) first.spans = before;
  const at = parent.children.indexOf(p);
  for (const [i, n] of added.entries()) appendChild(parent, n, at + i);
  p.text = tail;
  p.spans = after;
}

function insertTable(body: DocNode, r: docs_v1.Schema$InsertTableRequest): void {
  const { node: p } = paragraphAt(body, r.location?.index);
  if (p.parent !== body) throw new Invalid("The fake inserts tables only into the body.");
  const rows = r.rows ?? 0;
  const columns = r.columns ?? 0;
  if (rows < 1 || columns < 1) throw new Invalid("A table needs at least one row and one column.");
  // "A newline character will be inserted before the inserted table": split, then the table
  insertText(body, r.location?.index, "\n");
  const table = node("TABLE");
  for (let i = 0; i < rows; i++) {
    const row = appendChild(table, node("TABLE_ROW"));
    for (let j = 0; j < columns; j++)
      appendChild(appendChild(row, node("TABLE_CELL")), node("PARAGRAPH"));
  }
  appendChild(body, table, body.children.indexOf(p));
}

function hex(c: docs_v1.Schema$OptionalColor | undefined): string | null {
  const rgb = c?.color?.rgbColor;
  if (!rgb) return null;
  const h = (v: number | null | undefined) =>
    Math.round((v ?? 0) * 255)
      .toString(16)
      .padStart(2, "0");
  return `#${h(rgb.red)}${h(rgb.green)}${h(rgb.blue)}`;
}

function fieldsOf(fields: string | null | undefined): string[] {
  const list = (fields ?? "")
    .split(",")
    .map((f) => f.trim())
    .filter((f) => f !== "");
  if (list.length === 0) throw new Invalid("fields must not be empty");
  return list;
}

function overlapping(
  body: DocNode,
  range: docs_v1.Schema$Range | undefined,
): { span: Span; from: number; to: number }[] {
  const s = range?.startIndex ?? -1;
  const e = range?.endIndex ?? -1;
  const { end, paragraphs } = indexOf(body);
  if (s < 1 || e <= s || e > end)
    throw new Invalid(`The range ${s}-${e} is outside the body (1-${end}).`);
  return paragraphs
    .filter((p) => p.start < e && s < p.end)
    .map((span) => ({
      span,
      from: Math.max(s, span.start) - span.start,
      to: Math.min(e, span.end) - span.start,
    }));
}

/** Text styles as DocumentApp attribute names, so both views agree. */
function updateTextStyle(body: DocNode, r: docs_v1.Schema$UpdateTextStyleRequest): void {
  const t = r.textStyle ?? {};
  const attributes: Record<string, unknown> = {};
  for (const f of fieldsOf(r.fields)) {
    if (f === "bold") attributes.BOLD = t.bold === true;
    else if (f === "fontSize") attributes.FONT_SIZE = t.fontSize?.magnitude ?? null;
    else if (f === "foregroundColor") attributes.FOREGROUND_COLOR = hex(t.foregroundColor);
    // https://developers.google.com/docs/api/reference/rest/v1/documents#TextStyle (backgroundColor)
    else if (f === "backgroundColor") attributes.BACKGROUND_COLOR = hex(t.backgroundColor);
    else if (f === "weightedFontFamily")
      attributes.FONT_FAMILY = t.weightedFontFamily?.fontFamily ?? null;
    else throw new Invalid(`The fake has no text style field ${f}`);
  }
  for (const { span, from, to } of overlapping(body, r.range)) {
    span.node.spans.push({ start: from, end: to - 1, attributes });
  }
}

const NAMED: Record<string, string> = {
  NORMAL_TEXT: "NORMAL",
  HEADING_1: "HEADING1",
  HEADING_2: "HEADING2",
  HEADING_3: "HEADING3",
  TITLE: "TITLE",
  SUBTITLE: "SUBTITLE",
};

function updateParagraphStyle(body: DocNode, r: docs_v1.Schema$UpdateParagraphStyleRequest): void {
  const p = r.paragraphStyle ?? {};
  const fields = fieldsOf(r.fields);
  for (const { span } of overlapping(body, r.range)) {
    const n = span.node;
    for (const f of fields) {
      if (f === "namedStyleType") n.heading = NAMED[p.namedStyleType ?? ""] ?? "NORMAL";
      else if (f === "alignment")
        n.attributes.HORIZONTAL_ALIGNMENT = {
          START: "LEFT",
          CENTER: "CENTER",
          END: "RIGHT",
          JUSTIFIED: "JUSTIFY",
        }[p.alignment ?? "START"];
      else if (f === "spaceAbove") n.attributes.SPACING_BEFORE = p.spaceAbove?.magnitude ?? 0;
      else if (f === "spaceBelow") n.attributes.SPACING_AFTER = p.spaceBelow?.magnitude ?? 0;
      else if (f === "shading" || f === "shading.backgroundColor")
        n.attributes.BACKGROUND_COLOR = hex(p.shading?.backgroundColor);
      // no DocumentApp attribute exists for these; kept under the API's names
      else if (f === "keepWithNext" || f === "keepLinesTogether" || f === "pageBreakBefore") {
        // "Attempting to update page_break_before for paragraphs in unsupported regions,
        // including Table, Header, Footer and Footnote, can result in an invalid document state
        // that returns a 400 bad request error."
        // https://developers.google.com/workspace/docs/api/reference/rest/v1/documents#paragraphstyle
        if (f === "pageBreakBefore" && n.parent?.type === "TABLE_CELL")
          throw new Invalid("pageBreakBefore cannot be updated on a paragraph in a table.");
        n.attributes[f] = p[f] === true;
      } else throw new Invalid(`The fake has no paragraph style field ${f}`);
    }
  }
}

function tableAt(body: DocNode, index: number | null | undefined): DocNode {
  const t = indexOf(body).tables.find((s) => s.start === index);
  if (!t) throw new Invalid(`The provided table start location ${index} is invalid.`);
  return t.node;
}

function updateTableCellStyle(body: DocNode, r: docs_v1.Schema$UpdateTableCellStyleRequest): void {
  const loc = r.tableRange?.tableCellLocation;
  const table = tableAt(body, (loc?.tableStartLocation ?? r.tableStartLocation)?.index);
  const rows = table.children;
  const r0 = loc?.rowIndex ?? 0;
  const c0 = loc?.columnIndex ?? 0;
  const rn = loc ? (r.tableRange?.rowSpan ?? 0) : rows.length;
  const cn = loc ? (r.tableRange?.columnSpan ?? 0) : (rows[0]?.children.length ?? 0);
  const s = r.tableCellStyle ?? {};
  const fields = fieldsOf(r.fields);
  for (let i = r0; i < r0 + rn; i++) {
    for (let j = c0; j < c0 + cn; j++) {
      const cell = rows[i]?.children[j];
      if (!cell) throw new Invalid(`The table has no cell (${i}, ${j}).`);
      for (const f of fields) {
        if (f === "backgroundColor") cell.attributes.BACKGROUND_COLOR = hex(s.backgroundColor);
        else if (f.startsWith("padding"))
          cell.attributes[`PADDING_${f.slice(7).toUpperCase()}`] =
            s[f as "paddingTop"]?.magnitude ?? 0;
        else if (f.startsWith("border"))
          cell.attributes[f] = s[f as "borderTop"]?.width?.magnitude ?? 0;
        else if (f === "contentAlignment") cell.attributes.VERTICAL_ALIGNMENT = s.contentAlignment;
        else throw new Invalid(`The fake has no table cell style field ${f}`);
      }
    }
  }
}

function updateTableColumnProperties(
  body: DocNode,
  r: docs_v1.Schema$UpdateTableColumnPropertiesRequest,
): void {
  const table = tableAt(body, r.tableStartLocation?.index);
  fieldsOf(r.fields);
  const width = r.tableColumnProperties?.width?.magnitude ?? null;
  // "Each column must have a width of at least 5 points" (TableColumnProperties.width)
  if (width !== null && width < 5) throw new Invalid("A column must be at least 5 points wide.");
  for (const row of table.children) {
    for (const c of r.columnIndices ?? []) {
      const cell = row.children[c];
      if (!cell) throw new Invalid(`The table has no column ${c}.`);
      cell.attributes.WIDTH = width;
    }
  }
}

function updateTableRowStyle(body: DocNode, r: docs_v1.Schema$UpdateTableRowStyleRequest): void {
  const table = tableAt(body, r.tableStartLocation?.index);
  const fields = fieldsOf(r.fields);
  for (const i of r.rowIndices ?? table.children.map((_, k) => k)) {
    const row = table.children[i];
    if (!row) throw new Invalid(`The table has no row ${i}.`);
    for (const f of fields) row.attributes[f] = (r.tableRowStyle as Record<string, unknown>)?.[f];
  }
}

function apply(body: DocNode, r: Request): void {
  const kinds = Object.keys(r).filter((k) => (r as Record<string, unknown>)[k] != null);
  const kind = kinds[0] ?? "";
  if (kinds.length !== 1 || !KINDS.has(kind))
    throw new Invalid(`Unsupported request ${kinds.join(",")}`);
  if (r.insertText) {
    if (r.insertText.endOfSegmentLocation) throw new Invalid("The fake takes a location index.");
    insertText(body, r.insertText.location?.index, r.insertText.text ?? "");
  } else if (r.insertTable) insertTable(body, r.insertTable);
  else if (r.updateTextStyle) updateTextStyle(body, r.updateTextStyle);
  else if (r.updateParagraphStyle) updateParagraphStyle(body, r.updateParagraphStyle);
  else if (r.updateTableCellStyle) updateTableCellStyle(body, r.updateTableCellStyle);
  else if (r.updateTableColumnProperties)
    updateTableColumnProperties(body, r.updateTableColumnProperties);
  else if (r.updateTableRowStyle) updateTableRowStyle(body, r.updateTableRowStyle);
}

export class FakeDocsDocuments {
  constructor(
    private readonly rt: Runtime,
    private readonly docs: Map<string, FakeDocument>,
  ) {}

  private doc(id: string): FakeDocument {
    const d = this.docs.get(id);
    if (!d)
      throw new GoogleJsonResponseError("docs.documents.get", "Requested entity was not found.");
    return d;
  }

  batchUpdate(
    resource: docs_v1.Schema$BatchUpdateDocumentRequest,
    documentId: string,
  ): docs_v1.Schema$BatchUpdateDocumentResponse {
    const requests = resource.requests ?? [];
    return this.rt.call(
      "Docs",
      "Docs.Documents.batchUpdate",
      () => {
        const d = this.doc(documentId);
        // the API front end's body limit, as for Slides (see BATCH_UPDATE_PAYLOAD_LIMIT there)
        const bytes = Buffer.byteLength(JSON.stringify(resource), "utf8");
        if (bytes > BATCH_UPDATE_PAYLOAD_LIMIT)
          throw new GoogleJsonResponseError(
            "docs.documents.batchUpdate",
            `Request payload size exceeds the limit: ${BATCH_UPDATE_PAYLOAD_LIMIT} bytes.`,
          );
        const body = cloneNode(d.body);
        requests.forEach((r, i) => {
          try {
            apply(body, r);
          } catch (e) {
            if (e instanceof Invalid)
              throw new GoogleJsonResponseError(
                "docs.documents.batchUpdate",
                `Invalid requests[${i}]: ${e.message}`,
              );
            throw e;
          }
        });
        d.body = body;
        d.requests.push(requests);
        return { documentId, replies: requests.map(() => ({})) };
      },
      { detail: documentId, cells: requests.length },
    );
  }

  /** The body's structural elements with their end indices (what `fields` asks is ignored). */
  get(documentId: string): docs_v1.Schema$Document {
    return this.rt.call(
      "Docs",
      "Docs.Documents.get",
      () => {
        const d = this.doc(documentId);
        const { paragraphs, tables } = indexOf(d.body);
        const top = [...paragraphs.filter((p) => p.node.parent === d.body), ...tables].sort(
          (a, b) => a.start - b.start,
        );
        return {
          documentId,
          title: d.name,
          body: { content: top.map((s) => ({ startIndex: s.start, endIndex: s.end })) },
        };
      },
      { detail: documentId },
    );
  }
}
