/** Header matching: by name, in any order, Japanese or English, tolerant of width and spacing. */
import { type ColumnDef, SHEETS, type SheetDef, type SheetKey } from "./columns";

/** NFKC folds 全角/半角, then spacing and case are ignored: "取組 ID" and "取組ID" are the same header. */
export function normaliseHeader(text: unknown): string {
  return String(text ?? "")
    .normalize("NFKC")
    .replace(/[\s\u3000]+/g, "")
    .toLowerCase();
}

function namesOf(def: { ja: string; en: string; aliases?: readonly string[] }): string[] {
  return [def.ja, def.en, ...(def.aliases ?? [])].map(normaliseHeader);
}

/** Finds the sheet definition for a tab name (ja or en). */
export function sheetKeyOfName(name: string): SheetKey | undefined {
  const n = normaliseHeader(name);
  return SHEETS.find((s) => namesOf(s).includes(n))?.key;
}

export interface HeaderMap {
  /** column key -> 0-based index in the sheet */
  readonly index: ReadonlyMap<string, number>;
  /** required columns that were not found */
  readonly missing: readonly ColumnDef[];
  /** headers that match no column (kept, never deleted: they may be the user's own notes) */
  readonly unknown: readonly { index: number; text: string }[];
  /** a column that appears twice: the first one is used */
  readonly duplicates: readonly { index: number; column: ColumnDef }[];
}

export function mapHeaders(def: SheetDef, headerRow: readonly unknown[]): HeaderMap {
  const index = new Map<string, number>();
  const unknown: { index: number; text: string }[] = [];
  const duplicates: { index: number; column: ColumnDef }[] = [];
  headerRow.forEach((cell, i) => {
    const n = normaliseHeader(cell);
    if (n === "") return;
    const column = def.columns.find((c) => namesOf(c).includes(n));
    if (!column) unknown.push({ index: i, text: String(cell) });
    else if (index.has(column.key)) duplicates.push({ index: i, column });
    else index.set(column.key, i);
  });
  const missing = def.columns.filter((c) => c.required && !index.has(c.key));
  return { index, missing, unknown, duplicates };
}
