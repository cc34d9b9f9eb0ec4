/** RegistryStore on SpreadsheetApp: whole-tab reads, one setValues per batch, schema-driven looks. */
import { type CellRef, markChanges } from "../domain/annotations";
import { columnLetters } from "../domain/problem";
import type { RawSheet } from "../domain/registry";
import { rectangle, widestRow } from "../domain/rows";
import { neutraliseRows } from "../domain/safety";
import { type SheetKey, sheetKeyOfName } from "../domain/schema";
import type { AnnotatedTab, Dropdown, RegistryStore, SheetLayout } from "../ports";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const HEADER_BACKGROUND = "#e8f0fe";
const APP_OWNED_HEADER_BACKGROUND = "#f1f3f4";

/** GAS refuses ranges past the grid (a new sheet is 1000 × 26): grow it first. */
function ensureGrid(sheet: Sheet, lastRow: number, lastCol: number): void {
  const rows = sheet.getMaxRows();
  if (lastRow > rows) sheet.insertRowsAfter(rows, lastRow - rows);
  const cols = sheet.getMaxColumns();
  if (lastCol > cols) sheet.insertColumnsAfter(cols, lastCol - cols);
}

/** One setValues of a rectangle at (row, col), growing the grid when needed. */
function writeBlock(sheet: Sheet, row: number, col: number, rows: unknown[][]): void {
  const width = rows[0]?.length ?? 0;
  if (rows.length === 0 || width === 0) return;
  ensureGrid(sheet, row + rows.length - 1, col + width - 1);
  sheet.getRange(row, col, rows.length, width).setValues(rows);
}

export class GasRegistryStore implements RegistryStore {
  constructor(private readonly ss: Spreadsheet) {}

  private sheet(name: string): Sheet {
    const sheet = this.ss.getSheetByName(name);
    if (!sheet) throw new Error(`シート「${name}」が見つかりません。`);
    return sheet;
  }

  sheetNames(): string[] {
    return this.ss.getSheets().map((s) => s.getName());
  }

  readAll(skip: readonly SheetKey[] = []): RawSheet[] {
    return this.ss.getSheets().flatMap((s) => {
      const name = s.getName();
      const key = sheetKeyOfName(name);
      return key && !skip.includes(key) ? [{ name, values: s.getDataRange().getValues() }] : [];
    });
  }

  read(name: string): RawSheet | undefined {
    const sheet = this.ss.getSheetByName(name);
    return sheet ? { name, values: sheet.getDataRange().getValues() } : undefined;
  }

  createSheet(name: string, layout: SheetLayout, values: readonly (readonly unknown[])[]): void {
    const sheet = this.ss.insertSheet(name, this.ss.getSheets().length);
    // A new tab has 26 columns; every cell of the grid counts toward the spreadsheet's
    // 10-million-cell limit, so each log row would spend 26. Keep only the columns in use
    // (writes past them add columns again: ensureGrid).
    const width = widestRow(values, Math.max(1, layout.headers.length));
    const columns = sheet.getMaxColumns();
    if (columns > width) sheet.deleteColumns(width + 1, columns - width);
    // Text formats go on before the values, or Sheets would already have turned 1-1 into a date.
    this.formatColumns(sheet, layout);
    writeBlock(sheet, 1, 1, rectangle(neutraliseRows(values)));
    this.styleHeader(sheet, layout);
  }

  applyLayout(name: string, layout: SheetLayout): void {
    const sheet = this.sheet(name);
    this.formatColumns(sheet, layout);
    this.styleHeader(sheet, layout);
  }

  setDropdowns(name: string, dropdowns: readonly Dropdown[]): void {
    this.applyDropdowns(this.sheet(name), dropdowns);
  }

  writeCells(
    name: string,
    row: number,
    col: number,
    values: readonly (readonly unknown[])[],
  ): void {
    writeBlock(this.sheet(name), row, col, rectangle(neutraliseRows(values)));
  }

  annotate(tabs: readonly AnnotatedTab[]): void {
    // Every tab's notes first, then every write: Sheets commits the pending writes before any
    // read, so reading a tab's notes after marking the previous tab would cost a commit a tab.
    // Notes are read to find our old marks and to leave people's own notes alone; the tabs'
    // values were just read, so GAS serves these from its cache.
    const planned = tabs.flatMap(({ name, marks, values }) => {
      const rows = values.length;
      const cols = widestRow(values);
      if (rows === 0 || cols === 0) return [];
      const sheet = this.sheet(name);
      return [{ sheet, changes: markChanges(marks, sheet.getRange(1, 1, rows, cols).getNotes()) }];
    });
    for (const { sheet, changes } of planned) {
      // One RangeList call per distinct change, however scattered its cells: a check marking
      // 500 cells makes a few calls, not 1,000.
      const list = (cells: readonly CellRef[]) =>
        sheet.getRangeList(cells.map((c) => `${columnLetters(c.col)}${c.row}`));
      if (changes.clearNotes.length > 0) list(changes.clearNotes).clearNote();
      for (const [note, cells] of changes.notes) list(cells).setNote(note);
      for (const [colour, cells] of changes.backgrounds) list(cells).setBackground(colour);
    }
  }

  replaceRows(name: string, values: readonly (readonly unknown[])[]): void {
    const sheet = this.sheet(name);
    const oldRows = Math.max(0, sheet.getLastRow() - 1);
    const width = widestRow(values, Math.max(sheet.getLastColumn(), 1));
    const rows = rectangle([
      ...values.map((r) => [...r, ...Array.from({ length: width - r.length }, () => "")]),
      ...Array.from({ length: Math.max(0, oldRows - values.length) }, () =>
        Array.from({ length: width }, () => ""),
      ),
    ]);
    writeBlock(sheet, 2, 1, neutraliseRows(rows));
  }

  appendRows(name: string, values: readonly (readonly unknown[])[]): void {
    const sheet = this.sheet(name);
    this.writeCells(name, sheet.getLastRow() + 1, 1, values);
  }

  private formatColumns(sheet: Sheet, layout: SheetLayout): void {
    const bodyRows = Math.max(1, sheet.getMaxRows() - 1);
    for (const col of layout.textColumns) sheet.getRange(2, col, bodyRows, 1).setNumberFormat("@");
    for (const col of layout.wrapColumns) sheet.getRange(2, col, bodyRows, 1).setWrap(true);
  }

  private styleHeader(sheet: Sheet, layout: SheetLayout): void {
    const width = layout.headers.length;
    if (width === 0) return;
    sheet
      .getRange(1, 1, 1, width)
      .setFontWeight("bold")
      .setBackground(layout.appOwned ? APP_OWNED_HEADER_BACKGROUND : HEADER_BACKGROUND);
    sheet.setFrozenRows(1);
    layout.widths.forEach((w, i) => {
      if (w > 0) sheet.setColumnWidth(i + 1, w);
    });
    sheet.setTabColor(layout.tabColor);
  }

  private applyDropdowns(sheet: Sheet, dropdowns: readonly Dropdown[]): void {
    const bodyRows = Math.max(1, sheet.getMaxRows() - 1);
    for (const d of dropdowns) {
      const builder = SpreadsheetApp.newDataValidation().setAllowInvalid(true).setHelpText(d.help);
      if (d.kind === "list") builder.requireValueInList([...d.values], true);
      else {
        const source = this.ss.getSheetByName(d.sheet);
        if (!source) continue;
        builder.requireValueInRange(
          source.getRange(2, d.sourceCol, Math.max(1, source.getMaxRows() - 1), 1),
          true,
        );
      }
      sheet.getRange(2, d.col, bodyRows, 1).setDataValidation(builder.build());
    }
  }
}
