/**
 * A stricter check of a Slides request list than the GAS fake makes (the fake checks IDs and
 * references only): the API rules the builder relies on, each problem as one readable line.
 */
import type { slides_v1 } from "googleapis";
import { createdIds, isValidObjectId, referencedIds } from "../../../src/gas/slides/requests";

type Json = Record<string, unknown>;

const isRecord = (v: unknown): v is Json => typeof v === "object" && v !== null;

/** the value at a dotted path ("tableCellBackgroundFill.solidFill.color") */
function at(obj: unknown, path: string): unknown {
  let cur = obj;
  for (const key of path.split(".")) {
    if (!isRecord(cur)) return undefined;
    cur = cur[key];
  }
  return cur;
}

/** the object a request's `fields` mask applies to */
const MASKED: Record<string, string> = {
  updateTextStyle: "style",
  updateParagraphStyle: "style",
  updateShapeProperties: "shapeProperties",
  updatePageProperties: "pageProperties",
  updateTableCellProperties: "tableCellProperties",
  updateTableBorderProperties: "tableBorderProperties",
  updateTableColumnProperties: "tableColumnProperties",
  updateTableRowProperties: "tableRowProperties",
};

export interface CheckOptions {
  readonly existing?: readonly string[];
  readonly page?: { readonly width: number; readonly height: number };
}

export function checkRequests(
  requests: readonly slides_v1.Schema$Request[],
  options: CheckOptions = {},
): string[] {
  const problems: string[] = [];
  const page = options.page ?? { width: 720, height: 405 };
  const live = new Set(options.existing ?? []);
  const created = new Set<string>();
  const tables = new Map<string, { rows: number; columns: number }>();
  const slides = new Set<string>(options.existing ?? []);
  /** objects (or "table@row,col") that hold text */
  const withText = new Set<string>();

  const nulls = (v: unknown, path: string): void => {
    if (v === null) problems.push(`${path} is null`);
    else if (Array.isArray(v)) {
      v.forEach((x, i) => {
        nulls(x, `${path}[${i}]`);
      });
    } else if (isRecord(v)) for (const [k, x] of Object.entries(v)) nulls(x, `${path}.${k}`);
  };
  nulls(requests, "requests");

  requests.forEach((request, i) => {
    const kinds = Object.keys(request).filter((k) => isRecord((request as Json)[k]));
    const kind = kinds[0];
    const body = kind ? (request as Json)[kind] : undefined;
    if (kinds.length !== 1 || !kind || !isRecord(body)) {
      problems.push(`#${i}: ${kinds.length} request kinds`);
      return;
    }
    const where = `#${i} ${kind}`;
    for (const id of referencedIds([request])) {
      if (!live.has(id)) problems.push(`${where}: references ${id}, not created before`);
    }
    for (const id of createdIds([request])) {
      if (!isValidObjectId(id)) problems.push(`${where}: invalid object ID ${id}`);
      if (created.has(id) || live.has(id)) problems.push(`${where}: duplicate object ID ${id}`);
      created.add(id);
      live.add(id);
    }
    if (kind === "createSlide") slides.add(String(body.objectId));
    if (kind === "createShape" || kind === "createTable") {
      const props = body.elementProperties;
      const pageId = at(props, "pageObjectId");
      if (!slides.has(String(pageId)))
        problems.push(`${where}: page ${String(pageId)} is not a slide`);
      const w = at(props, "size.width.magnitude");
      const h = at(props, "size.height.magnitude");
      const x = at(props, "transform.translateX");
      const y = at(props, "transform.translateY");
      if (at(props, "size.width.unit") !== "PT" || at(props, "transform.unit") !== "PT")
        problems.push(`${where}: units are not PT`);
      if (at(props, "transform.scaleX") !== 1 || at(props, "transform.scaleY") !== 1)
        problems.push(`${where}: scale is not 1`);
      if (
        typeof w !== "number" ||
        typeof h !== "number" ||
        typeof x !== "number" ||
        typeof y !== "number"
      ) {
        problems.push(`${where}: no size or position`);
      } else {
        if (w <= 0 || h <= 0) problems.push(`${where}: empty size ${w}×${h}`);
        if (x < -0.01 || y < -0.01 || x + w > page.width + 0.01 || y + h > page.height + 0.01)
          problems.push(`${where}: ${String(body.objectId)} (${x},${y},${w},${h}) is off the page`);
      }
      if (kind === "createTable") {
        const rows = Number(body.rows);
        const columns = Number(body.columns);
        if (!(rows >= 1 && columns >= 1)) problems.push(`${where}: ${rows}×${columns} table`);
        tables.set(String(body.objectId), { rows, columns });
      }
    }
    if (kind === "deleteObject") live.delete(String(body.objectId));

    // table cells named by a request must exist
    const cell = body.cellLocation;
    const target = String(body.objectId ?? "");
    let textKey = target;
    if (cell !== undefined) {
      const table = tables.get(target);
      const r = Number(at(cell, "rowIndex"));
      const c = Number(at(cell, "columnIndex"));
      if (!table) problems.push(`${where}: cellLocation on ${target}, which is not a table`);
      else if (!(r >= 0 && r < table.rows && c >= 0 && c < table.columns))
        problems.push(`${where}: cell ${r},${c} outside ${table.rows}×${table.columns}`);
      textKey = `${target}@${r},${c}`;
    } else if (
      tables.has(target) &&
      (kind === "insertText" || kind === "updateTextStyle" || kind === "updateParagraphStyle")
    ) {
      problems.push(`${where}: text request on table ${target} without cellLocation`);
    }
    const range = body.tableRange;
    if (range !== undefined) {
      const table = tables.get(target);
      const r = Number(at(range, "location.rowIndex"));
      const c = Number(at(range, "location.columnIndex"));
      const rs = Number(at(range, "rowSpan"));
      const cs = Number(at(range, "columnSpan"));
      if (
        !table ||
        r < 0 ||
        c < 0 ||
        rs < 1 ||
        cs < 1 ||
        r + rs > table.rows ||
        c + cs > table.columns
      )
        problems.push(`${where}: table range ${r},${c} ${rs}×${cs} outside the table`);
    }

    if (kind === "insertText") {
      if (typeof body.text !== "string" || body.text === "") problems.push(`${where}: empty text`);
      withText.add(textKey);
    }
    if ((kind === "updateTextStyle" || kind === "updateParagraphStyle") && !withText.has(textKey))
      problems.push(`${where}: styles ${textKey}, which has no text yet`);

    const masked = MASKED[kind];
    if (masked) {
      const fields = body.fields;
      if (typeof fields !== "string" || fields === "") problems.push(`${where}: no fields mask`);
      else {
        for (const f of fields.split(",")) {
          if (f === "*") continue;
          if (at(body[masked], f) === undefined)
            problems.push(`${where}: field ${f} masked but not set`);
        }
      }
    }
    if (kind === "updateTableColumnProperties") {
      const w = at(body, "tableColumnProperties.columnWidth.magnitude");
      if (typeof w !== "number" || w < 32)
        problems.push(`${where}: column width ${String(w)} < 32 pt`);
    }
  });
  return problems;
}
