/** Raw sheet values (as getValues() returns them) built from the bundled plan, for domain tests. */

import { FUJIEDA_SAMPLE } from "../../sheets-templates";
import type { RawSheet } from "../../src/domain/registry";
import { SHEETS, type SheetKey, sheetDef } from "../../src/domain/schema";
import { templateRows } from "../../src/domain/template";

export type MutableSheets = { name: string; values: unknown[][] }[];

export function templateSheets(): MutableSheets {
  return SHEETS.map((def) => ({
    name: def.ja,
    values: [def.columns.map((c) => c.ja), ...templateRows(def, FUJIEDA_SAMPLE)],
  }));
}

export function sheetOf(
  sheets: MutableSheets,
  key: SheetKey,
): { name: string; values: unknown[][] } {
  const name = sheetDef(key).ja;
  const sheet = sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

/** Sets a cell by column key on a 1-based sheet row of the template layout. */
export function setCell(
  sheets: MutableSheets,
  key: SheetKey,
  row: number,
  column: string,
  value: unknown,
) {
  const sheet = sheetOf(sheets, key);
  const col = sheetDef(key).columns.findIndex((c) => c.key === column);
  const r = sheet.values[row - 1] ?? [];
  r[col] = value;
  sheet.values[row - 1] = r;
}

export function appendRow(
  sheets: MutableSheets,
  key: SheetKey,
  record: Record<string, unknown>,
): number {
  const sheet = sheetOf(sheets, key);
  sheet.values.push(sheetDef(key).columns.map((c) => record[c.key] ?? ""));
  return sheet.values.length;
}

/** The same sheets with English tab names and headers, columns in reverse order. */
export function reorderedEnglish(sheets: readonly RawSheet[]): RawSheet[] {
  return sheets.map((s) => {
    const def = SHEETS.find((d) => d.ja === s.name);
    if (!def) return s;
    return {
      name: def.en,
      values: s.values.map((row, i) =>
        [...(i === 0 ? def.columns.map((c) => c.en) : row)].reverse(),
      ),
    };
  });
}
