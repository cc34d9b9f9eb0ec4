/** Range: a rectangle of a FakeSheet. Values come back as GAS returns them (see README notes in index.ts). */
import { type GridArea, toA1 } from "./a1";
import { asGasValidation, FakeDataValidation } from "./data-validation";
import { badParameters, GasError } from "./errors";
import {
  type Cell,
  clearContent,
  clearFormat,
  DEFAULT_BACKGROUND,
  DEFAULT_FONT_COLOR,
  displayValue,
  normalizeColor,
} from "./grid";
import { FakeProtection } from "./protection";
import type { Runtime } from "./runtime";
import type { FakeSheet } from "./sheet";
import { parseUserEntered } from "./user-entered";

type GasRange = GoogleAppsScript.Spreadsheet.Range;
type GasValidation = GoogleAppsScript.Spreadsheet.DataValidation;
type FontWeight = GoogleAppsScript.Spreadsheet.FontWeight;
type HAlign = "left" | "center" | "normal" | "right" | null;

/** GAS's automatic number format, as getNumberFormat() reports it */
export const AUTOMATIC_FORMAT = "0.###############";

export type RangeMethods =
  | "getValues"
  | "getValue"
  | "setValues"
  | "setValue"
  | "getDisplayValues"
  | "getDisplayValue"
  | "getFormulas"
  | "getFormula"
  | "setFormulas"
  | "setFormula"
  | "getNotes"
  | "getNote"
  | "setNotes"
  | "setNote"
  | "clearNote"
  | "getBackgrounds"
  | "getBackground"
  | "setBackgrounds"
  | "setBackground"
  | "getFontWeights"
  | "getFontWeight"
  | "setFontWeights"
  | "setFontWeight"
  | "setFontColor"
  | "setFontColors"
  | "setFontSize"
  | "getWrap"
  | "getWraps"
  | "setWrap"
  | "setWraps"
  | "getNumberFormat"
  | "getNumberFormats"
  | "setNumberFormat"
  | "setNumberFormats"
  | "getHorizontalAlignment"
  | "getHorizontalAlignments"
  | "setHorizontalAlignment"
  | "setHorizontalAlignments"
  | "setVerticalAlignment"
  | "setBorder"
  | "getDataValidation"
  | "getDataValidations"
  | "setDataValidation"
  | "setDataValidations"
  | "clearDataValidations"
  | "clear"
  | "clearContent"
  | "clearFormat"
  | "getRow"
  | "getRowIndex"
  | "getColumn"
  | "getLastRow"
  | "getLastColumn"
  | "getNumRows"
  | "getNumColumns"
  | "getA1Notation"
  | "getSheet"
  | "getGridId"
  | "getCell"
  | "offset"
  | "protect"
  | "activate";

/** characters in one cell (Sheets' own limit) */
export const MAX_CELL_CHARS = 50_000;

export class FakeRange implements Pick<GasRange, RangeMethods> {
  constructor(
    private readonly rt: Runtime,
    readonly sheet: FakeSheet,
    readonly area: GridArea,
  ) {}

  // ---- plumbing ------------------------------------------------------------------------------

  private get cells(): number {
    return this.area.numRows * this.area.numColumns;
  }

  private call<T>(method: string, body: () => T): T {
    return this.rt.call("SpreadsheetApp", `Range.${method}`, body, {
      detail: `${this.sheet.name}!${toA1(this.area)}`,
      sheet: this.sheet.name,
      cells: this.cells,
    });
  }

  /** RangeList's share of one of its calls: the same change, with no ledger entry of its own */
  paint(what: "note" | "background", value: string | null): void {
    this.fill((cell) =>
      what === "note" ? setNote(cell, value) : setColor(cell, "background", value),
    );
  }

  private at(r: number, c: number): Cell | undefined {
    return this.sheet.grid.get(this.area.row + r, this.area.column + c);
  }

  private cellAt(r: number, c: number): Cell {
    return this.sheet.grid.cell(this.area.row + r, this.area.column + c);
  }

  private map<T>(fn: (cell: Cell | undefined) => T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < this.area.numRows; r++) {
      const row: T[] = [];
      for (let c = 0; c < this.area.numColumns; c++) row.push(fn(this.at(r, c)));
      out.push(row);
    }
    return out;
  }

  private fill(fn: (cell: Cell) => void): void {
    for (let r = 0; r < this.area.numRows; r++) {
      for (let c = 0; c < this.area.numColumns; c++) fn(this.cellAt(r, c));
    }
  }

  /** GAS's dimension checks on 2-D arguments */
  private check(data: unknown, method: string): unknown[][] {
    if (!Array.isArray(data) || !data.every((row) => Array.isArray(row))) {
      throw badParameters(`SpreadsheetApp.Range.${method}`, [data]);
    }
    const rows = data as unknown[][];
    if (rows.length !== this.area.numRows) {
      throw new GasError(
        `The number of rows in the data does not match the number of rows in the range. The data has ${rows.length} but the range has ${this.area.numRows}.`,
      );
    }
    for (const row of rows) {
      if (row.length !== this.area.numColumns) {
        throw new GasError(
          `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${this.area.numColumns}.`,
        );
      }
    }
    return rows;
  }

  private fillFrom<T>(data: unknown[][], fn: (cell: Cell, value: T) => void): void {
    for (let r = 0; r < this.area.numRows; r++) {
      const row = data[r] ?? [];
      for (let c = 0; c < this.area.numColumns; c++) fn(this.cellAt(r, c), row[c] as T);
    }
  }

  private self(): GasRange {
    return asGasRange(this);
  }

  /**
   * Fake-only (not ledgered): stores values as a user typing or a script's setValues would,
   * after checking data validation rules that reject invalid input. Used by fake.edit().
   */
  writeUserEntered(values: unknown[][]): void {
    const parsed = values.map((row, r) =>
      row.map((v, c) =>
        parseUserEntered(v, {
          timeZone: this.sheet.timeZone,
          numberFormat: this.at(r, c)?.numberFormat,
          date: (ms) => this.rt.clock.date(ms),
        }),
      ),
    );
    parsed.forEach((row, r) => {
      row.forEach((p, c) => {
        // https://support.google.com/drive/answer/37603 : 50,000 characters per cell
        const text = p.formula ?? (typeof p.value === "string" ? p.value : "");
        if (text.length > MAX_CELL_CHARS) {
          throw new GasError(
            `Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`,
          );
        }
        const rule = this.at(r, c)?.validation;
        if (p.formula === undefined && rule?.rejects(p.value)) {
          const a1 = toA1({
            row: this.area.row + r,
            column: this.area.column + c,
            numRows: 1,
            numColumns: 1,
          });
          throw new GasError(
            `The data you entered in cell ${a1} violates the data validation rules set on this cell.`,
          );
        }
      });
    });
    parsed.forEach((row, r) => {
      row.forEach((p, c) => {
        const cell = this.cellAt(r, c);
        cell.value = p.value;
        if (p.formula === undefined) delete cell.formula;
        else cell.formula = p.formula;
      });
    });
    this.sheet.growTo(
      this.area.row + this.area.numRows - 1,
      this.area.column + this.area.numColumns - 1,
    );
  }

  /** Fake-only (not ledgered): the values getValues() would return. */
  peekValues(): unknown[][] {
    return this.map((cell) => this.outValue(cell));
  }

  private outValue(cell: Cell | undefined): unknown {
    if (!cell || cell.formula !== undefined) return "";
    const v = cell.value;
    // a fresh fake-realm Date each time, as GAS returns new objects
    return v instanceof Date ? this.rt.clock.date(v.getTime()) : v;
  }

  // ---- values --------------------------------------------------------------------------------

  getValues(): unknown[][] {
    return this.call("getValues", () => this.peekValues());
  }

  getValue(): unknown {
    return this.call("getValue", () => this.outValue(this.at(0, 0)));
  }

  setValues(values: unknown[][]): GasRange {
    return this.call("setValues", () => {
      this.writeUserEntered(this.check(values, "setValues"));
      return this.self();
    });
  }

  /** like GAS, sets every cell of the range */
  setValue(value: unknown): GasRange {
    return this.call("setValue", () => {
      const data = Array.from({ length: this.area.numRows }, () =>
        new Array<unknown>(this.area.numColumns).fill(value),
      );
      this.writeUserEntered(data);
      return this.self();
    });
  }

  getDisplayValues(): string[][] {
    return this.call("getDisplayValues", () =>
      this.map((cell) => displayValue(cell, this.sheet.timeZone)),
    );
  }

  getDisplayValue(): string {
    return this.call("getDisplayValue", () => displayValue(this.at(0, 0), this.sheet.timeZone));
  }

  getFormulas(): string[][] {
    return this.call("getFormulas", () => this.map((cell) => cell?.formula ?? ""));
  }

  getFormula(): string {
    return this.call("getFormula", () => this.at(0, 0)?.formula ?? "");
  }

  setFormulas(formulas: string[][]): GasRange {
    return this.call("setFormulas", () => {
      this.fillFrom<string>(this.check(formulas, "setFormulas"), (cell, f) => setFormula(cell, f));
      return this.self();
    });
  }

  setFormula(formula: string): GasRange {
    return this.call("setFormula", () => {
      this.fill((cell) => setFormula(cell, formula));
      return this.self();
    });
  }

  // ---- notes ---------------------------------------------------------------------------------

  getNotes(): string[][] {
    return this.call("getNotes", () => this.map((cell) => cell?.note ?? ""));
  }

  getNote(): string {
    return this.call("getNote", () => this.at(0, 0)?.note ?? "");
  }

  setNotes(notes: (string | null)[][]): GasRange {
    return this.call("setNotes", () => {
      this.fillFrom<string | null>(this.check(notes, "setNotes"), (cell, n) => setNote(cell, n));
      return this.self();
    });
  }

  setNote(note: string | null): GasRange {
    return this.call("setNote", () => {
      this.fill((cell) => setNote(cell, note));
      return this.self();
    });
  }

  clearNote(): GasRange {
    return this.call("clearNote", () => {
      this.fill((cell) => setNote(cell, null));
      return this.self();
    });
  }

  // ---- formats -------------------------------------------------------------------------------

  getBackgrounds(): string[][] {
    return this.call("getBackgrounds", () =>
      this.map((cell) => cell?.background ?? DEFAULT_BACKGROUND),
    );
  }

  getBackground(): string {
    return this.call("getBackground", () => this.at(0, 0)?.background ?? DEFAULT_BACKGROUND);
  }

  setBackgrounds(colors: (string | null)[][]): GasRange {
    return this.call("setBackgrounds", () => {
      this.fillFrom<string | null>(this.check(colors, "setBackgrounds"), (cell, c) =>
        setColor(cell, "background", c),
      );
      return this.self();
    });
  }

  setBackground(color: string | null): GasRange {
    return this.call("setBackground", () => {
      this.fill((cell) => setColor(cell, "background", color));
      return this.self();
    });
  }

  getFontWeights(): FontWeight[][] {
    return this.call("getFontWeights", () => this.map((cell) => cell?.fontWeight ?? "normal"));
  }

  getFontWeight(): FontWeight {
    return this.call("getFontWeight", () => this.at(0, 0)?.fontWeight ?? "normal");
  }

  setFontWeights(weights: (FontWeight | null)[][]): GasRange {
    return this.call("setFontWeights", () => {
      this.fillFrom<FontWeight | null>(this.check(weights, "setFontWeights"), (cell, w) =>
        setWeight(cell, w),
      );
      return this.self();
    });
  }

  setFontWeight(weight: FontWeight | null): GasRange {
    return this.call("setFontWeight", () => {
      this.fill((cell) => setWeight(cell, weight));
      return this.self();
    });
  }

  setFontColor(color: string | null): GasRange {
    return this.call("setFontColor", () => {
      this.fill((cell) => setColor(cell, "fontColor", color));
      return this.self();
    });
  }

  setFontColors(colors: unknown[][]): GasRange {
    return this.call("setFontColors", () => {
      this.fillFrom<string | null>(this.check(colors, "setFontColors"), (cell, c) =>
        setColor(cell, "fontColor", c),
      );
      return this.self();
    });
  }

  setFontSize(size: number): GasRange {
    return this.call("setFontSize", () => {
      this.fill((cell) => {
        cell.fontSize = size;
      });
      return this.self();
    });
  }

  getWrap(): boolean {
    return this.call("getWrap", () => this.at(0, 0)?.wrap ?? false);
  }

  getWraps(): boolean[][] {
    return this.call("getWraps", () => this.map((cell) => cell?.wrap ?? false));
  }

  setWrap(isWrapEnabled: boolean): GasRange {
    return this.call("setWrap", () => {
      this.fill((cell) => {
        cell.wrap = isWrapEnabled;
      });
      return this.self();
    });
  }

  setWraps(isWrapEnabled: boolean[][]): GasRange {
    return this.call("setWraps", () => {
      this.fillFrom<boolean>(this.check(isWrapEnabled, "setWraps"), (cell, w) => {
        cell.wrap = w;
      });
      return this.self();
    });
  }

  getNumberFormat(): string {
    return this.call("getNumberFormat", () => this.at(0, 0)?.numberFormat ?? AUTOMATIC_FORMAT);
  }

  getNumberFormats(): string[][] {
    return this.call("getNumberFormats", () =>
      this.map((cell) => cell?.numberFormat ?? AUTOMATIC_FORMAT),
    );
  }

  /** "@" makes later string writes stay text (see user-entered.ts) */
  setNumberFormat(numberFormat: string): GasRange {
    return this.call("setNumberFormat", () => {
      this.fill((cell) => {
        cell.numberFormat = numberFormat;
      });
      return this.self();
    });
  }

  setNumberFormats(numberFormats: string[][]): GasRange {
    return this.call("setNumberFormats", () => {
      this.fillFrom<string>(this.check(numberFormats, "setNumberFormats"), (cell, f) => {
        cell.numberFormat = f;
      });
      return this.self();
    });
  }

  getHorizontalAlignment(): string {
    return this.call(
      "getHorizontalAlignment",
      () => this.at(0, 0)?.horizontalAlignment ?? "general",
    );
  }

  getHorizontalAlignments(): string[][] {
    return this.call("getHorizontalAlignments", () =>
      this.map((cell) => cell?.horizontalAlignment ?? "general"),
    );
  }

  setHorizontalAlignment(alignment: HAlign): GasRange {
    return this.call("setHorizontalAlignment", () => {
      this.fill((cell) => setAlignment(cell, alignment));
      return this.self();
    });
  }

  setHorizontalAlignments(alignments: HAlign[][]): GasRange {
    return this.call("setHorizontalAlignments", () => {
      this.fillFrom<HAlign>(this.check(alignments, "setHorizontalAlignments"), (cell, a) =>
        setAlignment(cell, a),
      );
      return this.self();
    });
  }

  setVerticalAlignment(alignment: "top" | "middle" | "bottom" | null): GasRange {
    return this.call("setVerticalAlignment", () => {
      this.fill((cell) => {
        if (alignment === null) delete cell.verticalAlignment;
        else cell.verticalAlignment = alignment;
      });
      return this.self();
    });
  }

  /** borders are not modelled; the call is recorded */
  setBorder(..._args: unknown[]): GasRange {
    return this.call("setBorder", () => this.self());
  }

  // ---- data validation -----------------------------------------------------------------------

  getDataValidation(): GasValidation | null {
    return this.call("getDataValidation", () => toGas(this.at(0, 0)?.validation));
  }

  getDataValidations(): (GasValidation | null)[][] {
    return this.call("getDataValidations", () => this.map((cell) => toGas(cell?.validation)));
  }

  setDataValidation(rule: GasValidation | null): GasRange {
    return this.call("setDataValidation", () => {
      const v = fromGas(rule, "setDataValidation");
      this.fill((cell) => setValidation(cell, v));
      return this.self();
    });
  }

  setDataValidations(rules: (GasValidation | null)[][]): GasRange {
    return this.call("setDataValidations", () => {
      this.fillFrom<GasValidation | null>(this.check(rules, "setDataValidations"), (cell, r) =>
        setValidation(cell, fromGas(r, "setDataValidations")),
      );
      return this.self();
    });
  }

  clearDataValidations(): GasRange {
    return this.call("clearDataValidations", () => {
      this.fill((cell) => setValidation(cell, undefined));
      return this.self();
    });
  }

  // ---- clearing ------------------------------------------------------------------------------

  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): GasRange {
    return this.call("clear", () => {
      this.fill((cell) => {
        if (!options?.formatOnly) clearContent(cell);
        if (!options?.contentsOnly) clearFormat(cell);
      });
      return this.self();
    });
  }

  clearContent(): GasRange {
    return this.call("clearContent", () => {
      this.fill(clearContent);
      return this.self();
    });
  }

  clearFormat(): GasRange {
    return this.call("clearFormat", () => {
      this.fill(clearFormat);
      return this.self();
    });
  }

  // ---- geometry (cheap) ----------------------------------------------------------------------

  getRow(): number {
    return this.call("getRow", () => this.area.row);
  }

  getRowIndex(): number {
    return this.call("getRowIndex", () => this.area.row);
  }

  getColumn(): number {
    return this.call("getColumn", () => this.area.column);
  }

  getLastRow(): number {
    return this.call("getLastRow", () => this.area.row + this.area.numRows - 1);
  }

  getLastColumn(): number {
    return this.call("getLastColumn", () => this.area.column + this.area.numColumns - 1);
  }

  getNumRows(): number {
    return this.call("getNumRows", () => this.area.numRows);
  }

  getNumColumns(): number {
    return this.call("getNumColumns", () => this.area.numColumns);
  }

  getA1Notation(): string {
    return this.call("getA1Notation", () => toA1(this.area));
  }

  getSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    return this.call("getSheet", () => this.sheet.gas());
  }

  getGridId(): number {
    return this.call("getGridId", () => this.sheet.sheetId);
  }

  getCell(row: number, column: number): GasRange {
    return this.call("getCell", () => {
      if (row < 1 || column < 1 || row > this.area.numRows || column > this.area.numColumns) {
        throw new GasError("Cell reference out of range");
      }
      return this.sheet.rangeAt({
        row: this.area.row + row - 1,
        column: this.area.column + column - 1,
        numRows: 1,
        numColumns: 1,
      });
    });
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): GasRange {
    return this.call("offset", () =>
      this.sheet.checkedRange(
        this.area.row + rowOffset,
        this.area.column + columnOffset,
        numRows ?? this.area.numRows,
        numColumns ?? this.area.numColumns,
      ),
    );
  }

  protect(): GoogleAppsScript.Spreadsheet.Protection {
    return this.call("protect", () =>
      this.sheet.addProtection(new FakeProtection(this.rt, "RANGE", this.self())),
    );
  }

  activate(): GasRange {
    return this.call("activate", () => this.self());
  }
}

/** One cast: FakeRange implements only RangeMethods of GAS's Range. */
export function asGasRange(range: FakeRange): GasRange {
  return range as unknown as GasRange;
}

function setFormula(cell: Cell, formula: string): void {
  if (formula === "" || formula === null || formula === undefined) {
    clearContent(cell);
  } else if (String(formula).startsWith("=")) {
    cell.formula = String(formula);
    cell.value = "";
  } else {
    delete cell.formula;
    cell.value = String(formula);
  }
}

function setNote(cell: Cell, note: string | null | undefined): void {
  if (note === null || note === undefined || note === "") delete cell.note;
  else cell.note = String(note);
}

function setColor(
  cell: Cell,
  key: "background" | "fontColor",
  color: string | null | undefined,
): void {
  const c = normalizeColor(color);
  const isDefault = c === (key === "background" ? DEFAULT_BACKGROUND : DEFAULT_FONT_COLOR);
  if (c === undefined || isDefault) delete cell[key];
  else cell[key] = c;
}

function setWeight(cell: Cell, weight: FontWeight | null | undefined): void {
  if (weight === "bold") cell.fontWeight = "bold";
  else delete cell.fontWeight;
}

function setAlignment(cell: Cell, alignment: HAlign | undefined): void {
  if (alignment === null || alignment === undefined) delete cell.horizontalAlignment;
  else cell.horizontalAlignment = alignment;
}

function setValidation(cell: Cell, rule: FakeDataValidation | undefined): void {
  if (rule === undefined) delete cell.validation;
  else cell.validation = rule;
}

function toGas(rule: FakeDataValidation | undefined): GasValidation | null {
  return rule ? asGasValidation(rule) : null;
}

function fromGas(rule: unknown, method: string): FakeDataValidation | undefined {
  if (rule === null || rule === undefined) return undefined;
  if (rule instanceof FakeDataValidation) return rule;
  throw badParameters(`SpreadsheetApp.Range.${method}`, [rule]);
}
