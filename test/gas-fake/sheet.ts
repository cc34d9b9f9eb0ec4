/** Sheet: a tab of the fake spreadsheet. A new tab is 1000 rows x 26 columns, like GAS. */
import { type GridArea, parseA1, toA1 } from "./a1";
import { badParameters, GasError } from "./errors";
import { clearContent, clearFormat, Grid, normalizeColor } from "./grid";
import { FakeProtection, protectionGas } from "./protection";
import { asGasRange, FakeRange } from "./range";
import { FakeRangeList } from "./range-list";
import type { Runtime } from "./runtime";
import type { FakeSpreadsheet } from "./spreadsheet";

type GasSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GasRange = GoogleAppsScript.Spreadsheet.Range;

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;
export const DEFAULT_COLUMN_WIDTH = 100;

export type SheetMethods =
  | "getName"
  | "getSheetName"
  | "setName"
  | "getIndex"
  | "getSheetId"
  | "getParent"
  | "activate"
  | "getRange"
  | "getDataRange"
  | "getSheetValues"
  | "getLastRow"
  | "getLastColumn"
  | "getRangeList"
  | "getMaxRows"
  | "getMaxColumns"
  | "getFrozenRows"
  | "setFrozenRows"
  | "getFrozenColumns"
  | "setFrozenColumns"
  | "getColumnWidth"
  | "setColumnWidth"
  | "setColumnWidths"
  | "setRowHeight"
  | "appendRow"
  | "insertRowsAfter"
  | "insertRowsBefore"
  | "insertRowAfter"
  | "insertRowBefore"
  | "insertColumnsAfter"
  | "deleteColumns"
  | "deleteRow"
  | "deleteRows"
  | "clear"
  | "clearContents"
  | "clearFormats"
  | "clearNotes"
  | "getTabColor"
  | "setTabColor"
  | "hideSheet"
  | "showSheet"
  | "isSheetHidden"
  | "protect";

export class FakeSheet implements Pick<GasSheet, SheetMethods> {
  grid = new Grid();
  maxRows = DEFAULT_ROWS;
  maxColumns = DEFAULT_COLUMNS;
  frozenRows = 0;
  frozenColumns = 0;
  tabColor: string | null = null;
  hidden = false;
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  readonly protections: FakeProtection[] = [];

  constructor(
    private readonly rt: Runtime,
    readonly spreadsheet: FakeSpreadsheet,
    public name: string,
    readonly sheetId: number,
  ) {}

  get timeZone(): string {
    return this.spreadsheet.timeZone;
  }

  // ---- fake-only helpers (not ledgered) ------------------------------------------------------

  gas(): GasSheet {
    return asGasSheet(this);
  }

  rangeAt(area: GridArea): GasRange {
    return asGasRange(this.fakeRange(area));
  }

  fakeRange(area: GridArea): FakeRange {
    return new FakeRange(this.rt, this, area);
  }

  /** GAS's bounds checks for getRange/offset */
  checkedRange(row: number, column: number, numRows = 1, numColumns = 1): GasRange {
    return asGasRange(this.checkedFakeRange(row, column, numRows, numColumns));
  }

  checkedFakeRange(row: number, column: number, numRows = 1, numColumns = 1): FakeRange {
    const nums = [row, column, numRows, numColumns];
    if (nums.some((n) => typeof n !== "number" || !Number.isFinite(n))) {
      throw badParameters("SpreadsheetApp.Sheet.getRange", nums);
    }
    if (row < 1) throw new GasError("The starting row of the range is too small.");
    if (column < 1) throw new GasError("The starting column of the range is too small.");
    if (numRows < 1) throw new GasError("The number of rows in the range must be at least 1.");
    if (numColumns < 1)
      throw new GasError("The number of columns in the range must be at least 1.");
    const lastRow = row + numRows - 1;
    const lastColumn = column + numColumns - 1;
    if (lastRow > this.maxRows || lastColumn > this.maxColumns) {
      if (!this.rt.settings.lenientDimensions) {
        throw new GasError("The coordinates of the range are outside the dimensions of the sheet.");
      }
      this.growTo(lastRow, lastColumn);
    }
    return this.fakeRange({ row, column, numRows, numColumns });
  }

  /** grow the grid so that (row, column) exists (appendRow and lenient mode) */
  growTo(row: number, column: number): void {
    const rows = Math.max(this.maxRows, row);
    const columns = Math.max(this.maxColumns, column);
    this.spreadsheet.assertCellLimit(this, rows * columns);
    this.maxRows = rows;
    this.maxColumns = columns;
  }

  addProtection(p: FakeProtection): GoogleAppsScript.Spreadsheet.Protection {
    this.protections.push(p);
    return protectionGas(p);
  }

  private call<T>(method: string, body: () => T, detail?: string, cells?: number): T {
    return this.rt.call("SpreadsheetApp", `Sheet.${method}`, body, {
      detail: detail === undefined ? this.name : `${this.name}!${detail}`,
      sheet: this.name,
      ...(cells === undefined ? {} : { cells }),
    });
  }

  private self(): GasSheet {
    return asGasSheet(this);
  }

  // ---- identity ------------------------------------------------------------------------------

  getName(): string {
    return this.call("getName", () => this.name);
  }

  getSheetName(): string {
    return this.call("getSheetName", () => this.name);
  }

  setName(name: string): GasSheet {
    return this.call("setName", () => {
      this.spreadsheet.assertFreeName(name, this);
      this.name = name;
      return this.self();
    });
  }

  /** 1-based position among the tabs */
  getIndex(): number {
    return this.call("getIndex", () => this.spreadsheet.sheets.indexOf(this) + 1);
  }

  getSheetId(): number {
    return this.call("getSheetId", () => this.sheetId);
  }

  getParent(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return this.call("getParent", () => this.spreadsheet.gas());
  }

  activate(): GasSheet {
    return this.call("activate", () => {
      this.spreadsheet.active = this;
      return this.self();
    });
  }

  // ---- ranges --------------------------------------------------------------------------------

  getRange(a: number | string, column?: number, numRows?: number, numColumns?: number): GasRange {
    if (typeof a === "string") {
      return this.call(
        "getRange",
        () => {
          const area = parseA1(a, this.maxRows, this.maxColumns);
          if (!area) throw new GasError("Range not found");
          return this.checkedRange(area.row, area.column, area.numRows, area.numColumns);
        },
        a,
      );
    }
    const area = {
      row: a,
      column: column ?? Number.NaN,
      numRows: numRows ?? 1,
      numColumns: numColumns ?? 1,
    };
    return this.call(
      "getRange",
      () => this.checkedRange(area.row, area.column, area.numRows, area.numColumns),
      Number.isFinite(area.column) ? toA1(area) : String(a),
    );
  }

  getRangeList(a1Notations: string[]): GoogleAppsScript.Spreadsheet.RangeList {
    return this.call(
      "getRangeList",
      () => {
        if (!Array.isArray(a1Notations) || a1Notations.length === 0) {
          throw badParameters("SpreadsheetApp.Sheet.getRangeList", [a1Notations]);
        }
        const ranges = a1Notations.map((a1) => {
          const area = parseA1(a1, this.maxRows, this.maxColumns);
          if (!area) throw new GasError("Range not found");
          return this.checkedFakeRange(area.row, area.column, area.numRows, area.numColumns);
        });
        return new FakeRangeList(
          this.rt,
          this,
          ranges,
        ) as unknown as GoogleAppsScript.Spreadsheet.RangeList;
      },
      `${a1Notations.length} ranges`,
    );
  }

  /** A1 to the last row and column with content; A1 alone on an empty sheet */
  getDataRange(): GasRange {
    return this.call("getDataRange", () =>
      this.rangeAt({
        row: 1,
        column: 1,
        numRows: Math.max(1, this.grid.lastRow()),
        numColumns: Math.max(1, this.grid.lastColumn()),
      }),
    );
  }

  getSheetValues(row: number, column: number, numRows: number, numColumns: number): unknown[][] {
    const area = { row, column, numRows, numColumns };
    return this.call(
      "getSheetValues",
      () => this.checkedFakeRange(row, column, numRows, numColumns).peekValues(),
      toA1(area),
      numRows * numColumns,
    );
  }

  getLastRow(): number {
    return this.call("getLastRow", () => this.grid.lastRow());
  }

  getLastColumn(): number {
    return this.call("getLastColumn", () => this.grid.lastColumn());
  }

  getMaxRows(): number {
    return this.call("getMaxRows", () => this.maxRows, undefined, this.maxRows * this.maxColumns);
  }

  getMaxColumns(): number {
    return this.call(
      "getMaxColumns",
      () => this.maxColumns,
      undefined,
      this.maxRows * this.maxColumns,
    );
  }

  // ---- layout --------------------------------------------------------------------------------

  getFrozenRows(): number {
    return this.call("getFrozenRows", () => this.frozenRows);
  }

  setFrozenRows(rows: number): void {
    this.call("setFrozenRows", () => {
      if (rows < 0 || rows > this.maxRows) throw new GasError("Those rows are out of bounds.");
      this.frozenRows = rows;
    });
  }

  getFrozenColumns(): number {
    return this.call("getFrozenColumns", () => this.frozenColumns);
  }

  setFrozenColumns(columns: number): void {
    this.call("setFrozenColumns", () => {
      if (columns < 0 || columns > this.maxColumns)
        throw new GasError("Those columns are out of bounds.");
      this.frozenColumns = columns;
    });
  }

  getColumnWidth(columnPosition: number): number {
    return this.call(
      "getColumnWidth",
      () => this.columnWidths.get(columnPosition) ?? DEFAULT_COLUMN_WIDTH,
    );
  }

  setColumnWidth(columnPosition: number, width: number): GasSheet {
    return this.call("setColumnWidth", () => {
      this.checkColumns(columnPosition, 1);
      this.columnWidths.set(columnPosition, width);
      return this.self();
    });
  }

  setColumnWidths(startColumn: number, numColumns: number, width: number): GasSheet {
    return this.call("setColumnWidths", () => {
      this.checkColumns(startColumn, numColumns);
      for (let c = startColumn; c < startColumn + numColumns; c++) this.columnWidths.set(c, width);
      return this.self();
    });
  }

  setRowHeight(rowPosition: number, height: number): GasSheet {
    return this.call("setRowHeight", () => {
      this.checkRows(rowPosition, 1);
      this.rowHeights.set(rowPosition, height);
      return this.self();
    });
  }

  private checkRows(row: number, count: number): void {
    if (row < 1 || count < 1 || row + count - 1 > this.maxRows)
      throw new GasError("Those rows are out of bounds.");
  }

  private checkColumns(column: number, count: number): void {
    if (column < 1 || count < 1 || column + count - 1 > this.maxColumns) {
      throw new GasError("Those columns are out of bounds.");
    }
  }

  // ---- rows ----------------------------------------------------------------------------------

  /** writes below the last row with content (USER_ENTERED parsing), growing the sheet */
  appendRow(rowContents: unknown[]): GasSheet {
    const row = this.grid.lastRow() + 1;
    return this.call(
      "appendRow",
      () => {
        if (!Array.isArray(rowContents))
          throw badParameters("SpreadsheetApp.Sheet.appendRow", [rowContents]);
        if (rowContents.length === 0) return this.self();
        this.growTo(row, rowContents.length);
        this.fakeRange({
          row,
          column: 1,
          numRows: 1,
          numColumns: rowContents.length,
        }).writeUserEntered([rowContents]);
        return this.self();
      },
      `A${row}`,
      Array.isArray(rowContents) ? rowContents.length : 0,
    );
  }

  insertRowsAfter(afterPosition: number, howMany: number): GasSheet {
    return this.call(
      "insertRowsAfter",
      () => this.insertRows(afterPosition + 1, howMany),
      `${afterPosition}+${howMany}`,
    );
  }

  insertRowsBefore(beforePosition: number, howMany: number): GasSheet {
    return this.call(
      "insertRowsBefore",
      () => this.insertRows(beforePosition, howMany),
      `${beforePosition}+${howMany}`,
    );
  }

  insertRowAfter(afterPosition: number): GasSheet {
    return this.call(
      "insertRowAfter",
      () => this.insertRows(afterPosition + 1, 1),
      String(afterPosition),
    );
  }

  insertRowBefore(beforePosition: number): GasSheet {
    return this.call(
      "insertRowBefore",
      () => this.insertRows(beforePosition, 1),
      String(beforePosition),
    );
  }

  private insertRows(before: number, count: number): GasSheet {
    if (before < 1 || before > this.maxRows + 1 || count < 1)
      throw new GasError("Those rows are out of bounds.");
    this.spreadsheet.assertCellLimit(this, (this.maxRows + count) * this.maxColumns);
    this.grid.insertRows(before, count);
    this.maxRows += count;
    return this.self();
  }

  insertColumnsAfter(afterPosition: number, howMany: number): GasSheet {
    return this.call("insertColumnsAfter", () => {
      if (afterPosition < 0 || afterPosition > this.maxColumns || howMany < 1) {
        throw new GasError("Those columns are out of bounds.");
      }
      this.spreadsheet.assertCellLimit(this, this.maxRows * (this.maxColumns + howMany));
      this.grid.insertColumns(afterPosition + 1, howMany);
      this.maxColumns += howMany;
      return this.self();
    });
  }

  /** Sheets keeps at least one column: "You can't delete all the columns on the sheet." */
  deleteColumns(columnPosition: number, howMany: number): GasSheet {
    return this.call(
      "deleteColumns",
      () => {
        const last = columnPosition + howMany - 1;
        if (columnPosition < 1 || howMany < 1 || last > this.maxColumns) {
          throw new GasError("Those columns are out of bounds.");
        }
        if (howMany >= this.maxColumns) {
          throw new GasError("You can't delete all the columns on the sheet.");
        }
        this.grid.deleteColumns(columnPosition, howMany);
        this.maxColumns -= howMany;
        return this.self();
      },
      String(columnPosition),
    );
  }

  deleteRow(rowPosition: number): GasSheet {
    return this.call(
      "deleteRow",
      () => {
        this.removeRows(rowPosition, 1);
        return this.self();
      },
      String(rowPosition),
    );
  }

  deleteRows(rowPosition: number, howMany: number): void {
    this.call(
      "deleteRows",
      () => this.removeRows(rowPosition, howMany),
      `${rowPosition}+${howMany}`,
    );
  }

  private removeRows(row: number, count: number): void {
    this.checkRows(row, count);
    if (this.maxRows - count <= this.frozenRows) {
      throw new GasError("Sorry, it is not possible to delete all non-frozen rows.");
    }
    this.grid.deleteRows(row, count);
    this.maxRows -= count;
  }

  // ---- clearing ------------------------------------------------------------------------------

  /** content and formats; notes and data validation stay (GAS has clearNotes for those) */
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): GasSheet {
    return this.call("clear", () => {
      for (const [, , cell] of this.grid.entries()) {
        if (!options?.formatOnly) clearContent(cell);
        if (!options?.contentsOnly) clearFormat(cell);
      }
      return this.self();
    });
  }

  clearContents(): GasSheet {
    return this.call("clearContents", () => {
      for (const [, , cell] of this.grid.entries()) clearContent(cell);
      return this.self();
    });
  }

  clearFormats(): GasSheet {
    return this.call("clearFormats", () => {
      for (const [, , cell] of this.grid.entries()) clearFormat(cell);
      return this.self();
    });
  }

  clearNotes(): GasSheet {
    return this.call("clearNotes", () => {
      for (const [, , cell] of this.grid.entries()) delete cell.note;
      return this.self();
    });
  }

  // ---- tab -----------------------------------------------------------------------------------

  getTabColor(): string | null {
    return this.call("getTabColor", () => this.tabColor);
  }

  setTabColor(color: string | null): GasSheet {
    return this.call("setTabColor", () => {
      this.tabColor = normalizeColor(color) ?? null;
      return this.self();
    });
  }

  hideSheet(): GasSheet {
    return this.call("hideSheet", () => {
      if (this.spreadsheet.sheets.filter((s) => !s.hidden && s !== this).length === 0) {
        throw new GasError("You can't hide all the sheets in a document.");
      }
      this.hidden = true;
      return this.self();
    });
  }

  showSheet(): GasSheet {
    return this.call("showSheet", () => {
      this.hidden = false;
      return this.self();
    });
  }

  isSheetHidden(): boolean {
    return this.call("isSheetHidden", () => this.hidden);
  }

  protect(): GoogleAppsScript.Spreadsheet.Protection {
    return this.call("protect", () =>
      this.addProtection(
        new FakeProtection(
          this.rt,
          "SHEET",
          this.rangeAt({ row: 1, column: 1, numRows: this.maxRows, numColumns: this.maxColumns }),
        ),
      ),
    );
  }

  /** deep copy for a copied spreadsheet */
  cloneInto(target: FakeSpreadsheet, rt: Runtime): FakeSheet {
    const s = new FakeSheet(rt, target, this.name, this.sheetId);
    s.grid = this.grid.clone();
    s.maxRows = this.maxRows;
    s.maxColumns = this.maxColumns;
    s.frozenRows = this.frozenRows;
    s.frozenColumns = this.frozenColumns;
    s.tabColor = this.tabColor;
    s.hidden = this.hidden;
    for (const [k, v] of this.columnWidths) s.columnWidths.set(k, v);
    return s;
  }
}

/** One cast: FakeSheet implements only SheetMethods of GAS's Sheet. */
export function asGasSheet(sheet: FakeSheet): GasSheet {
  return sheet as unknown as GasSheet;
}
