/** The demo registry (the seed plan with sample progress) as raw sheets, for reminder tests. */
import { FUJIEDA_DEMO } from "../../../sheets-templates";
import { tokyoInstant } from "../../../src/domain/calendar";
import { parseRegistry, type Registry } from "../../../src/domain/registry";
import type { Digest, SendLogLike, SendResult } from "../../../src/domain/reminders";
import { sendLogRow } from "../../../src/domain/reminders";
import { SHEETS, sheetDef } from "../../../src/domain/schema";
import { templateRows } from "../../../src/domain/template";
import { appendRow, type MutableSheets, setCell, sheetOf } from "../../support/raw-sheets";

export { appendRow, setCell };

/** Every tab of the template, filled with the demo plan and its FY2012 Q1–Q2 progress. */
export function demoSheets(): MutableSheets {
  return SHEETS.map((def) => ({
    name: def.ja,
    values: [def.columns.map((c) => c.ja), ...templateRows(def, FUJIEDA_DEMO)],
  }));
}

export function registryOf(sheets: MutableSheets): Registry {
  return parseRegistry(sheets).registry;
}

export function demoRegistry(): Registry {
  return registryOf(demoSheets());
}

/** 1-based sheet row of a record whose cells (by column key) match. */
export function rowOf(
  sheets: MutableSheets,
  key: "progress" | "measures" | "divisions" | "settings",
  match: Record<string, unknown>,
): number {
  const def = sheetDef(key);
  const values = sheetOf(sheets, key).values;
  const i = values.findIndex(
    (r, n) =>
      n > 0 &&
      Object.entries(match).every(
        ([k, v]) => String(r[def.columns.findIndex((c) => c.key === k)]) === String(v),
      ),
  );
  if (i < 0) throw new Error(`no ${key} row matching ${JSON.stringify(match)}`);
  return i + 1;
}

/** Sets the status of an existing progress row of FY2012. */
export function setStatus(
  sheets: MutableSheets,
  measureId: string,
  period: string,
  status: string,
): void {
  setCell(
    sheets,
    "progress",
    rowOf(sheets, "progress", { measureId, fy: 2012, period }),
    "status",
    status,
  );
}

/** Sets a cell of a 所属 row, found by 所属名. */
export function setDivision(
  sheets: MutableSheets,
  name: string,
  column: "email" | "cc" | "escalationEmail" | "head" | "name",
  value: string,
): void {
  setCell(sheets, "divisions", rowOf(sheets, "divisions", { name }), column, value);
}

/** A 設定 value, by its Japanese key. */
export function setSetting(sheets: MutableSheets, ja: string, value: string): void {
  const rows = sheetOf(sheets, "settings").values;
  const row = rows.find((r) => r[0] === ja);
  if (!row) throw new Error(`no setting ${ja}`);
  row[1] = value;
}

/** A log entry as a run would record it, at 08:00 Tokyo on the digest's day. */
export function logged(digest: Digest, result: SendResult): SendLogLike {
  const [at, key, , division, , , res] = sendLogRow(digest, tokyoInstant(digest.date, 8), result);
  return { at, key, division, result: res };
}

/** A log entry written by hand. */
export function entry(key: string, result: string): SendLogLike {
  return { key, result };
}
