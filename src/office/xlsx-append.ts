/**
 * Rows appended to an .xlsx without re-writing it: the sheet's XML gets the new <row>s (text as
 * inline strings, so the shared-string table stays as it is), every other part is copied still
 * compressed. At 1000× the plan this takes well under a second where exceljs's full write and
 * the read-back of the result took about 30 s. Undefined when the sheet is not laid out as
 * expected (rows beyond the append point, rows without numbers): the caller then saves the
 * whole workbook with exceljs.
 */
import type JSZip from "jszip";
import { columnLetters } from "../domain/problem";
import { LINE_PT, linesOf } from "./row-heights";
import { attributesOf, type XlsxParts } from "./xlsx-parts";
import type { PendingAppend } from "./xlsx-snapshot";
import { gasToCell } from "./xlsx-store";
import { escapeXml } from "./xml-text";

const STYLES = "xl/styles.xml";
/** numFmtId 14: the built-in short date exceljs gives a Date cell without a format */
const DATE_FORMAT_ID = "14";

function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === "[object Date]";
}

/** Excel's serial day number of a wall-clock Date (exceljs: 25569 = 1970-01-01). */
function excelSerial(d: Date): number {
  return 25569 + d.getTime() / 86_400_000;
}

/** The cellXfs block of styles.xml (whole, and its inside) and its <xf> entries, in order. */
function cellXfs(styles: string): { block: string; inner: string; xfs: string[] } | undefined {
  const block = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles);
  if (!block) return undefined;
  const inner = block[1] ?? "";
  const xfs = [...inner.matchAll(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)].map((m) => m[0]);
  return { block: block[0], inner, xfs };
}

/** The indexes of the cell styles (cellXfs) that wrap text. */
function wrappingStyles(styles: string | undefined): Set<string> {
  const xfs = (styles ? cellXfs(styles)?.xfs : undefined) ?? [];
  return new Set(xfs.flatMap((xf, i) => (/wrapText="(1|true)"/.test(xf) ? [String(i)] : [])));
}

interface ColumnLook {
  readonly style: string | undefined;
  readonly width: number;
}

/** Each column's style index and width from <cols> (exceljs gives a new cell its column's style). */
function columnsOf(xml: string): Map<number, ColumnLook> {
  const columns = new Map<number, ColumnLook>();
  for (const m of xml.matchAll(/<col\b[^>]*>/g)) {
    const a = attributesOf(m[0]);
    const look = { style: a.get("style"), width: Number(a.get("width")) };
    for (let c = Number(a.get("min")); c <= Number(a.get("max")) && c < 16_385; c++)
      columns.set(c, look);
  }
  return columns;
}

/** The width (Excel's units) of each column whose style wraps text. */
function wrappedWidths(
  columns: ReadonlyMap<number, ColumnLook>,
  wrapping: ReadonlySet<string>,
): Map<number, number> {
  const widths = new Map<number, number>();
  for (const [c, { style, width }] of columns)
    if (wrapping.has(style ?? "") && width > 0) widths.set(c, width);
  return widths;
}

/**
 * A new row's opening tag: as tall as its wrapped text needs, as fitWrappedRows makes rows
 * before a full save (LibreOffice does not grow a row to its wrapped text on its own).
 */
function rowTag(r: number, row: readonly unknown[], wrapped: ReadonlyMap<number, number>): string {
  let lines = 1;
  for (const [col, width] of wrapped) {
    const v = row[col - 1];
    if (typeof v === "string" && v !== "") lines = Math.max(lines, linesOf(v, width));
  }
  return lines > 1 ? `<row r="${r}" ht="${lines * LINE_PT}" customHeight="1">` : `<row r="${r}">`;
}

/** The index of a plain date style in cellXfs, adding one when the workbook has none. */
function dateStyle(styles: string): { index: number; styles: string } | undefined {
  const table = cellXfs(styles);
  if (!table) return undefined;
  const { block, inner, xfs } = table;
  const found = xfs.findIndex((xf) => {
    const a = attributesOf(xf.slice(0, xf.indexOf(">") + 1));
    return (
      a.get("numFmtId") === DATE_FORMAT_ID &&
      (a.get("fontId") ?? "0") === "0" &&
      (a.get("fillId") ?? "0") === "0" &&
      (a.get("borderId") ?? "0") === "0" &&
      !xf.includes("<alignment")
    );
  });
  if (found >= 0) return { index: found, styles };
  const added = `<xf numFmtId="${DATE_FORMAT_ID}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`;
  const open = `<cellXfs count="${xfs.length + 1}">`;
  return {
    index: xfs.length,
    styles: styles.replace(block, `${open}${inner}${added}</cellXfs>`),
  };
}

function cellXml(ref: string, value: unknown, style: string | undefined, date: number): string {
  const v = gasToCell(value);
  if (v === null || v === undefined) return "";
  const s = (index: string | number | undefined) => (index === undefined ? "" : ` s="${index}"`);
  if (isDate(v)) return `<c r="${ref}"${s(date)}><v>${excelSerial(v)}</v></c>`;
  if (typeof v === "number" && Number.isFinite(v))
    return `<c r="${ref}"${s(style)}><v>${v}</v></c>`;
  if (typeof v === "boolean") return `<c r="${ref}"${s(style)} t="b"><v>${v ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${s(style)} t="inlineStr"><is><t xml:space="preserve">${escapeXml(String(v))}</t></is></c>`;
}

/**
 * The sheet's XML without its rows from `firstRow` down; undefined when something else refers to
 * those rows (merged cells, conditional formats, dropdowns): the full save handles that sheet.
 */
function withoutRowsFrom(xml: string, firstRow: number): string | undefined {
  if (/<mergeCells\b|<conditionalFormatting\b|<dataValidations\b/.test(xml)) return undefined;
  return xml.replace(/<row\b[^>]*?(?:\/>|>[\s\S]*?<\/row>)/g, (row) =>
    Number(attributesOf(row.slice(0, row.indexOf(">") + 1)).get("r")) >= firstRow ? "" : row,
  );
}

/** The sheet's XML with `rows` added from `firstRow`, or undefined when it cannot be done safely. */
function appendToSheet(
  original: string,
  { firstRow, rows, replace }: PendingAppend,
  dateIndex: number,
  wrapping: ReadonlySet<string>,
): string | undefined {
  const xml = replace ? withoutRowsFrom(original, firstRow) : original;
  if (xml === undefined) return undefined;
  const rowTags = [...xml.matchAll(/<row\b[^>]*>/g)];
  let lastRow = 0;
  for (const m of rowTags) {
    const r = Number(attributesOf(m[0]).get("r"));
    if (!Number.isInteger(r) || r <= 0) return undefined;
    lastRow = Math.max(lastRow, r);
  }
  // rows (even formatted, empty ones) at or below the append point: exceljs would merge them
  if (lastRow >= firstRow) return undefined;
  const columns = columnsOf(xml);
  const wrapped = wrappedWidths(columns, wrapping);
  let width = 0;
  const added = rows
    .map((row, i) => {
      const r = firstRow + i;
      width = Math.max(width, row.length);
      const cells = row
        .map((v, j) =>
          cellXml(`${columnLetters(j + 1)}${r}`, v, columns.get(j + 1)?.style, dateIndex),
        )
        .join("");
      return `${rowTag(r, row, wrapped)}${cells}</row>`;
    })
    .join("");
  let out: string;
  if (xml.includes("</sheetData>")) out = xml.replace("</sheetData>", `${added}</sheetData>`);
  else if (/<sheetData\s*\/>/.test(xml))
    out = xml.replace(/<sheetData\s*\/>/, `<sheetData>${added}</sheetData>`);
  else return undefined;
  const lastAdded = firstRow + rows.length - 1;
  return out.replace(
    /<dimension ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"\s*\/>/,
    (whole, c1, r1, c2) => {
      const endCol = [c2 ?? c1, columnLetters(Math.max(1, width))].sort(
        (a, b) => a.length - b.length || a.localeCompare(b),
      )[1];
      return Number(r1) > 0 ? `<dimension ref="${c1}${r1}:${endCol}${lastAdded}"/>` : whole;
    },
  );
}

/**
 * The workbook `zip` (as read) with `appends` written in; undefined when a sheet is not laid out
 * as expected. Unchanged parts keep their compressed bytes.
 */
export async function appendedWorkbook(
  zip: JSZip,
  parts: XlsxParts,
  appends: readonly PendingAppend[],
): Promise<Uint8Array | undefined> {
  const stylesXml = await zip.file(STYLES)?.async("string");
  const needsDate = appends.some((a) => a.rows.some((r) => r.some((v) => isDate(gasToCell(v)))));
  let dateIndex = 0;
  if (needsDate) {
    if (stylesXml === undefined) return undefined;
    const found = dateStyle(stylesXml);
    if (!found) return undefined;
    dateIndex = found.index;
    if (found.styles !== stylesXml) zip.file(STYLES, found.styles);
  }
  const wrapping = wrappingStyles(stylesXml);
  const bySheet = new Map<string, PendingAppend[]>();
  for (const a of appends) bySheet.set(a.sheet, [...(bySheet.get(a.sheet) ?? []), a]);
  for (const [sheet, list] of bySheet) {
    const path = parts.sheets.find((s) => s.name === sheet)?.path;
    let xml = path ? await zip.file(path)?.async("string") : undefined;
    if (!path || xml === undefined) return undefined;
    for (const a of list) {
      xml = appendToSheet(xml, a, dateIndex, wrapping);
      if (xml === undefined) return undefined;
    }
    zip.file(path, xml);
  }
  return zip.generateAsync({
    type: "uint8array",
    compression: "DEFLATE",
    compressionOptions: { level: 6 },
  });
}
