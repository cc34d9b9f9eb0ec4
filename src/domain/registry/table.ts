/** A sheet's raw values split into its header map and non-blank data rows. */
import type { Problem } from "../problem";
import {
  type HeaderMap,
  mapHeaders,
  SHEETS,
  type SheetDef,
  type SheetKey,
  sheetKeyOfName,
} from "../schema";
import { isBlank } from "./cells";

/** What a RegistryStore hands the domain: each tab's name and getValues()-style cells. */
export interface RawSheet {
  readonly name: string;
  readonly values: readonly (readonly unknown[])[];
}

export interface SheetTable {
  readonly def: SheetDef;
  readonly name: string;
  readonly headers: HeaderMap;
  /** data rows below the header, blank rows skipped; row is the 1-based sheet row */
  readonly rows: readonly { row: number; cells: readonly unknown[] }[];
}

export function toTable(def: SheetDef, sheet: RawSheet): SheetTable {
  const headers = mapHeaders(def, sheet.values[0] ?? []);
  const rows: { row: number; cells: readonly unknown[] }[] = [];
  sheet.values.forEach((cells, i) => {
    if (i === 0 || cells.every(isBlank)) return;
    rows.push({ row: i + 1, cells });
  });
  return { def, name: sheet.name, headers, rows };
}

/** Matches tabs to sheet definitions (ja or en names); reports missing sheets and headers. */
export function toTables(
  sheets: readonly RawSheet[],
  problems: Problem[],
  required: readonly SheetKey[],
): Map<SheetKey, SheetTable> {
  const tables = new Map<SheetKey, SheetTable>();
  for (const sheet of sheets) {
    const key = sheetKeyOfName(sheet.name);
    if (!key || tables.has(key)) continue;
    const def = SHEETS.find((s) => s.key === key);
    if (def) tables.set(key, toTable(def, sheet));
  }
  for (const key of required) {
    const def = SHEETS.find((s) => s.key === key);
    if (def && !tables.has(key)) {
      problems.push({
        sheet: key,
        sheetName: def.ja,
        row: null,
        col: null,
        code: "sheet-missing",
        severity: "error",
        params: { sheet: def.ja },
      });
    }
  }
  for (const table of tables.values()) {
    const at = (index: number) => ({
      sheet: table.def.key,
      sheetName: table.name,
      row: 1,
      col: index + 1,
    });
    for (const column of table.headers.missing) {
      problems.push({
        ...at(-1),
        col: null,
        code: "header-missing",
        severity: "error",
        params: { columnKey: column.key },
      });
    }
    for (const d of table.headers.duplicates) {
      problems.push({
        ...at(d.index),
        code: "header-duplicate",
        severity: "warning",
        params: { columnKey: d.column.key },
      });
    }
    for (const u of table.headers.unknown) {
      if (table.def.appOwned) continue;
      problems.push({
        ...at(u.index),
        code: "header-unknown",
        severity: "warning",
        params: { header: u.text },
      });
    }
  }
  return tables;
}
