/**
 * RegistryStore on an .xlsx workbook (exceljs), for offices on a closed network.
 * Cells are handed to the domain exactly as GAS would hand them: numbers, strings, Dates that
 * fall inside the intended Tokyo day, and "" for empty cells.
 */
import ExcelJS from "exceljs";
import { mergeMarks } from "../domain/annotations";
import { columnLetters } from "../domain/problem";
import type { RawSheet } from "../domain/registry";
import { isFormulaLike, neutraliseCell } from "../domain/safety";
import { type PrintLayout, type SheetKey, sheetKeyOfName } from "../domain/schema";
import type { AnnotatedTab, Dropdown, RegistryStore, SheetLayout } from "../ports";
import { fitWrappedRows } from "./row-heights";

const TOKYO_OFFSET_MS = 9 * 3600 * 1000;
/** rows given formats and dropdowns, as a new Google Sheet has */
const BODY_ROWS = 1000;
const HEADER_FILL = "FFE8F0FE";
const APP_OWNED_HEADER_FILL = "FFF1F3F4";

/**
 * Excel stores wall-clock times without a zone and exceljs reads them as UTC. We keep Tokyo
 * wall-clock in the file, so a cell reading 2013/7/10 means that day in Tokyo wherever we run.
 */
function fromExcelDate(d: Date): Date {
  return new Date(d.getTime() - TOKYO_OFFSET_MS);
}
function toExcelDate(d: Date): Date {
  return new Date(d.getTime() + TOKYO_OFFSET_MS);
}

function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === "[object Date]";
}

/** An apostrophe we wrote to neutralise a formula-like text is not part of the value. */
function unneutralise(s: string): string {
  return s.startsWith("'") && isFormulaLike(s.slice(1)) ? s.slice(1) : s;
}

/** exceljs cell value -> what SpreadsheetApp's getValues would give. */
export function cellToGas(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return "";
  if (typeof v === "number" || typeof v === "boolean") return v;
  if (typeof v === "string") return unneutralise(v);
  if (isDate(v)) return fromExcelDate(v);
  if (typeof v === "object") {
    if ("richText" in v) return unneutralise(v.richText.map((r) => r.text).join(""));
    if ("formula" in v || "sharedFormula" in v) {
      const result = (v as ExcelJS.CellFormulaValue).result;
      return result === undefined || (typeof result === "object" && !isDate(result))
        ? ""
        : cellToGas(result as ExcelJS.CellValue);
    }
    if ("hyperlink" in v) return String(v.text ?? "");
    if ("error" in v) return String(v.error);
  }
  return String(v);
}

export function gasToCell(v: unknown): ExcelJS.CellValue {
  const safe = neutraliseCell(v);
  if (safe === null || safe === undefined || safe === "") return null;
  if (isDate(safe)) return toExcelDate(safe);
  if (typeof safe === "number" || typeof safe === "boolean" || typeof safe === "string")
    return safe;
  return String(safe);
}

/** The longest row's length; a loop, since spreading 168,000 rows into Math.max overflows the stack. */
function widest(values: readonly (readonly unknown[])[]): number {
  let width = 0;
  for (const r of values) if (r.length > width) width = r.length;
  return width;
}

function noteText(note: ExcelJS.Comment | string | undefined): string {
  if (note === undefined) return "";
  if (typeof note === "string") return note;
  return (note.texts ?? []).map((t) => t.text).join("");
}

function argb(hex: string): string {
  return `FF${hex.replace("#", "").toUpperCase()}`;
}

/**
 * Sparse rows of cell values (index = row - 1, cell index = column - 1) as getDataRange()
 * .getValues() gives them: rectangular up to the last used cell, "" for empty cells.
 */
export function trimmedSheet(
  name: string,
  sparse: readonly (readonly unknown[] | undefined)[],
): RawSheet {
  const rows: unknown[][] = [];
  let width = 0;
  sparse.forEach((cells, i) => {
    if (!cells) return;
    const filled = Array.from(cells, (c) => (c === undefined ? "" : c));
    let last = filled.length;
    while (last > 0 && filled[last - 1] === "") last--;
    if (last === 0) return;
    rows[i] = filled.slice(0, last);
    width = Math.max(width, last);
  });
  const values = Array.from(rows, (r) => {
    const row = r ?? [];
    return row.length === width
      ? row
      : [...row, ...Array.from({ length: width - row.length }, () => "")];
  });
  return { name, values };
}

export class XlsxRegistryStore implements RegistryStore {
  private constructor(readonly workbook: ExcelJS.Workbook) {}

  static empty(): XlsxRegistryStore {
    const wb = new ExcelJS.Workbook();
    wb.creator = "genki-plan";
    return new XlsxRegistryStore(wb);
  }

  /** Opens a file; throws an Error with a Japanese message when it cannot be read. */
  static async open(path: string): Promise<XlsxRegistryStore> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    return new XlsxRegistryStore(wb);
  }

  async save(path: string): Promise<void> {
    fitWrappedRows(this.workbook);
    await this.workbook.xlsx.writeFile(path);
  }

  private sheet(name: string): ExcelJS.Worksheet {
    const ws = this.workbook.getWorksheet(name);
    if (!ws) throw new Error(`シート「${name}」が見つかりません。`);
    return ws;
  }

  sheetNames(): string[] {
    return this.workbook.worksheets.map((w) => w.name);
  }

  readAll(skip: readonly SheetKey[] = []): RawSheet[] {
    return this.workbook.worksheets.flatMap((ws) => {
      const key = sheetKeyOfName(ws.name);
      return key && !skip.includes(key) ? [this.readSheet(ws)] : [];
    });
  }

  read(name: string): RawSheet | undefined {
    const ws = this.workbook.getWorksheet(name);
    return ws ? this.readSheet(ws) : undefined;
  }

  /** The data range as getDataRange().getValues() gives it: rectangular, up to the last used cell. */
  private readSheet(ws: ExcelJS.Worksheet): RawSheet {
    const rows: unknown[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: unknown[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        cells[col - 1] = cellToGas(cell.value);
      });
      rows[rowNumber - 1] = cells;
    });
    return trimmedSheet(ws.name, rows);
  }

  createSheet(name: string, layout: SheetLayout, values: readonly (readonly unknown[])[]): void {
    const ws = this.workbook.addWorksheet(name, {
      properties: { tabColor: { argb: argb(layout.tabColor) } },
      views: [{ state: "frozen", ySplit: 1 }],
    });
    this.formatColumns(ws, layout);
    this.writeRows(ws, 1, 1, values);
    this.styleHeader(ws, layout);
  }

  applyLayout(name: string, layout: SheetLayout): void {
    const ws = this.sheet(name);
    this.formatColumns(ws, layout);
    this.styleHeader(ws, layout);
  }

  setDropdowns(name: string, dropdowns: readonly Dropdown[]): void {
    const ws = this.sheet(name);
    for (const d of dropdowns) {
      const formula =
        d.kind === "list"
          ? `"${d.values.join(",")}"`
          : `'${d.sheet.replace(/'/g, "''")}'!$${columnLetters(d.sourceCol)}$2:$${columnLetters(d.sourceCol)}$${BODY_ROWS}`;
      const validation: ExcelJS.DataValidation = {
        type: "list",
        allowBlank: true,
        formulae: [formula],
        showInputMessage: true,
        prompt: d.help.slice(0, 255),
        // Like the Sheets dropdowns: a warning, never a refusal, so pasted data is not lost.
        showErrorMessage: true,
        errorStyle: "warning",
        error: d.help.slice(0, 255),
      };
      for (let r = 2; r <= BODY_ROWS; r++) ws.getCell(r, d.col).dataValidation = validation;
    }
  }

  writeCells(
    name: string,
    row: number,
    col: number,
    values: readonly (readonly unknown[])[],
  ): void {
    this.writeRows(this.sheet(name), row, col, values);
  }

  annotate(tabs: readonly AnnotatedTab[]): void {
    for (const tab of tabs) this.annotateTab(tab);
  }

  private annotateTab({ name, marks, values }: AnnotatedTab): void {
    const ws = this.sheet(name);
    const rows = values.length;
    const cols = widest(values);
    const notes: string[][] = [];
    const backgrounds: string[][] = [];
    for (let r = 1; r <= rows; r++) {
      const noteRow: string[] = [];
      const bgRow: string[] = [];
      for (let c = 1; c <= cols; c++) {
        const cell = ws.getCell(r, c);
        noteRow.push(noteText(cell.note));
        const fill = cell.fill;
        const argbColour = fill?.type === "pattern" ? fill.fgColor?.argb : undefined;
        bgRow.push(argbColour ? `#${argbColour.slice(2).toLowerCase()}` : "#ffffff");
      }
      notes.push(noteRow);
      backgrounds.push(bgRow);
    }
    const merged = mergeMarks(marks, notes, backgrounds);
    merged.notes.forEach((row, i) => {
      row.forEach((note, j) => {
        const cell = ws.getCell(i + 1, j + 1);
        if (note !== notes[i]?.[j]) {
          if (note !== "") cell.note = note;
          else {
            // exceljs has no way to delete a note: drop its private comment, and re-set the
            // value so the loaded cell model (which still carries the comment) is rebuilt.
            const value = cell.value;
            (cell as unknown as { _comment?: unknown })._comment = undefined;
            cell.value = null;
            cell.value = value;
          }
        }
        const bg = merged.backgrounds[i]?.[j] ?? "#ffffff";
        if (bg !== backgrounds[i]?.[j]) {
          cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(bg) } };
        }
      });
    });
  }

  replaceRows(name: string, values: readonly (readonly unknown[])[]): void {
    const ws = this.sheet(name);
    const old = this.readSheet(ws).values;
    const width = Math.max(old[0]?.length ?? 0, widest(values));
    const blanks = Array.from({ length: Math.max(0, old.length - 1 - values.length) }, () =>
      Array.from({ length: width }, () => ""),
    );
    this.writeRows(ws, 2, 1, [...values, ...blanks]);
  }

  appendRows(name: string, values: readonly (readonly unknown[])[]): void {
    const ws = this.sheet(name);
    const last = this.readSheet(ws).values.length;
    this.writeRows(ws, last + 1, 1, values);
  }

  private writeRows(
    ws: ExcelJS.Worksheet,
    row: number,
    col: number,
    values: readonly (readonly unknown[])[],
  ) {
    values.forEach((r, i) => {
      r.forEach((v, j) => {
        ws.getCell(row + i, col + j).value = gasToCell(v);
      });
    });
  }

  private formatColumns(ws: ExcelJS.Worksheet, layout: SheetLayout): void {
    for (const col of layout.textColumns) ws.getColumn(col).numFmt = "@";
    for (const col of layout.wrapColumns) {
      ws.getColumn(col).alignment = { wrapText: true, vertical: "top" };
    }
  }

  private styleHeader(ws: ExcelJS.Worksheet, layout: SheetLayout): void {
    layout.widths.forEach((w, i) => {
      // Sheets widths are pixels; Excel's are characters of about 7 pixels.
      if (w > 0) ws.getColumn(i + 1).width = Math.round(w / 7);
    });
    const fill = layout.appOwned ? APP_OWNED_HEADER_FILL : HEADER_FILL;
    layout.headers.forEach((_, i) => {
      const cell = ws.getCell(1, i + 1);
      cell.font = { bold: true };
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: fill } };
    });
    ws.views = [{ state: "frozen", ySplit: 1 }];
    ws.properties.tabColor = { argb: argb(layout.tabColor) };
    if (layout.print) this.printSetup(ws, layout.print);
  }

  /** A4 landscape fitted to the page width (pages down as needed), header row on every page. */
  private printSetup(ws: ExcelJS.Worksheet, print: PrintLayout): void {
    ws.pageSetup = {
      ...ws.pageSetup,
      paperSize: 9, // 9 = A4 (210 × 297 mm) in OOXML's paperSize table
      orientation: print.orientation,
      fitToPage: true,
      fitToWidth: print.pagesWide,
      fitToHeight: 0,
      printTitlesRow: `1:${print.repeatRows}`,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    };
    ws.headerFooter = { oddFooter: "&A　&P / &N" };
  }
}
