/** The cell store behind a sheet: rows of sparse cells, 1-based coordinates. */
import type { FakeDataValidation } from "./data-validation";
import { formatDate } from "./format-date";
import { zonedParts } from "./time-zone";
import { isDate, type StoredValue } from "./user-entered";

export interface Cell {
  value: StoredValue;
  formula?: string;
  note?: string;
  background?: string;
  fontColor?: string;
  fontWeight?: "bold" | "normal";
  fontSize?: number;
  numberFormat?: string;
  wrap?: boolean;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  validation?: FakeDataValidation;
}

/** What fake.inspect() returns: a cell's state with GAS's defaults filled in. */
export interface CellSnapshot {
  value: StoredValue;
  formula: string;
  note: string;
  background: string;
  fontColor: string;
  fontWeight: "bold" | "normal";
  numberFormat: string;
  wrap: boolean;
  horizontalAlignment: string;
  validation: FakeDataValidation | null;
}

export const DEFAULT_BACKGROUND = "#ffffff";
export const DEFAULT_FONT_COLOR = "#000000";

export function hasContent(cell: Cell | undefined): boolean {
  return cell !== undefined && (cell.value !== "" || cell.formula !== undefined);
}

export function clearContent(cell: Cell): void {
  cell.value = "";
  delete cell.formula;
}

export function clearFormat(cell: Cell): void {
  delete cell.background;
  delete cell.fontColor;
  delete cell.fontWeight;
  delete cell.fontSize;
  delete cell.numberFormat;
  delete cell.wrap;
  delete cell.horizontalAlignment;
  delete cell.verticalAlignment;
}

export class Grid {
  private rows: (Cell | undefined)[][] = [];

  get(row: number, column: number): Cell | undefined {
    return this.rows[row - 1]?.[column - 1];
  }

  /** the cell, created empty when missing */
  cell(row: number, column: number): Cell {
    let r = this.rows[row - 1];
    if (!r) {
      r = [];
      this.rows[row - 1] = r;
    }
    let c = r[column - 1];
    if (!c) {
      c = { value: "" };
      r[column - 1] = c;
    }
    return c;
  }

  insertRows(beforeRow: number, count: number): void {
    if (this.rows.length < beforeRow - 1) return;
    const blanks: (Cell | undefined)[][] = Array.from({ length: count }, () => []);
    this.rows.splice(beforeRow - 1, 0, ...blanks);
  }

  deleteRows(row: number, count: number): void {
    this.rows.splice(row - 1, count);
  }

  insertColumns(beforeColumn: number, count: number): void {
    for (const r of this.rows) {
      if (r && r.length >= beforeColumn - 1)
        r.splice(beforeColumn - 1, 0, ...new Array<undefined>(count));
    }
  }

  deleteColumns(column: number, count: number): void {
    for (const r of this.rows) if (r) r.splice(column - 1, count);
  }

  /** last row holding a value or a formula (0 when none) */
  lastRow(): number {
    for (let i = this.rows.length - 1; i >= 0; i--) {
      if (this.rows[i]?.some((c) => hasContent(c))) return i + 1;
    }
    return 0;
  }

  lastColumn(): number {
    let last = 0;
    for (const r of this.rows) {
      if (!r) continue;
      for (let j = r.length - 1; j >= last; j--) {
        if (hasContent(r[j])) {
          last = j + 1;
          break;
        }
      }
    }
    return last;
  }

  /** every stored cell with its coordinates */
  *entries(): Generator<[number, number, Cell]> {
    for (let i = 0; i < this.rows.length; i++) {
      const r = this.rows[i];
      if (!r) continue;
      for (let j = 0; j < r.length; j++) {
        const c = r[j];
        if (c) yield [i + 1, j + 1, c];
      }
    }
  }

  clone(): Grid {
    const g = new Grid();
    g.rows = this.rows.map((r) => (r ? r.map((c) => (c ? { ...c } : undefined)) : []));
    return g;
  }
}

export function snapshot(cell: Cell | undefined): CellSnapshot {
  return {
    value: cell?.value ?? "",
    formula: cell?.formula ?? "",
    note: cell?.note ?? "",
    background: cell?.background ?? DEFAULT_BACKGROUND,
    fontColor: cell?.fontColor ?? DEFAULT_FONT_COLOR,
    fontWeight: cell?.fontWeight ?? "normal",
    numberFormat: cell?.numberFormat ?? "",
    wrap: cell?.wrap ?? false,
    horizontalAlignment: cell?.horizontalAlignment ?? "general",
    validation: cell?.validation ?? null,
  };
}

/**
 * getDisplayValues(): what the cell shows with the automatic format of the ja_JP locale.
 * Dates show as yyyy/MM/dd (plus " H:mm:ss" when they carry a time of day) in the sheet's time
 * zone; numbers as String(n); booleans as TRUE/FALSE; formulas as "" (not computed).
 */
export function displayValue(cell: Cell | undefined, timeZone: string): string {
  if (!cell || cell.formula !== undefined) return "";
  const v = cell.value;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (isDate(v)) {
    const p = zonedParts(v.getTime(), timeZone);
    const day = formatDate(v.getTime(), timeZone, "yyyy/MM/dd");
    return p.hour === 0 && p.minute === 0 && p.second === 0
      ? day
      : `${day} ${formatDate(v.getTime(), timeZone, "H:mm:ss")}`;
  }
  return String(v);
}

const NAMED_COLORS: Record<string, string> = {
  white: "#ffffff",
  black: "#000000",
  red: "#ff0000",
  green: "#008000",
  blue: "#0000ff",
  yellow: "#ffff00",
  orange: "#ffa500",
  gray: "#808080",
  grey: "#808080",
};

/** GAS reports colours as lowercase #rrggbb; null clears */
export function normalizeColor(color: string | null | undefined): string | undefined {
  if (color === null || color === undefined || color === "") return undefined;
  const c = color.trim().toLowerCase();
  const named = NAMED_COLORS[c];
  if (named) return named;
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(c);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  return c;
}
