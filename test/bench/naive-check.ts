/**
 * The baseline: the full check as a careless GAS script writes it. The rules are ours (the same
 * domain validation), but every cell is read with its own Range.getValue() and every mark is
 * written with its own Range.setNote() and Range.setBackground(). It runs on the fake's
 * GAS-typed services, outside the bundle, against the same registry.
 */
import { MARK_COLOURS, MARK_PREFIX, marksBySheet } from "../../src/domain/annotations";
import { tokyoDateOf } from "../../src/domain/calendar";
import type { RawSheet } from "../../src/domain/registry";
import { SHEETS, sheetKeyOfName } from "../../src/domain/schema";
import { validateRegistry } from "../../src/domain/validate";
import type { GasServices } from "../gas-fake";

export interface NaiveResult {
  /** cells read one by one */
  readonly cells: number;
  /** cells marked one by one (a note and a colour each) */
  readonly marks: number;
  readonly problems: number;
}

export function naiveFullCheck(services: GasServices, now: Date): NaiveResult {
  const ss = services.SpreadsheetApp.getActiveSpreadsheet();
  const sheets: RawSheet[] = [];
  let cells = 0;
  for (const sheet of ss.getSheets()) {
    const values: unknown[][] = [];
    const lastRow = sheet.getLastRow();
    const lastColumn = sheet.getLastColumn();
    for (let r = 1; r <= lastRow; r++) {
      const row: unknown[] = [];
      for (let c = 1; c <= lastColumn; c++) row.push(sheet.getRange(r, c).getValue());
      values.push(row);
      cells += lastColumn;
    }
    sheets.push({ name: sheet.getName(), values });
  }
  const { problems } = validateRegistry(sheets, { today: tokyoDateOf(now) });
  let marks = 0;
  for (const [name, list] of marksBySheet(problems, "ja")) {
    const def = SHEETS.find((s) => s.key === sheetKeyOfName(name));
    const sheet = ss.getSheetByName(name);
    if (!sheet || !def || def.appOwned) continue;
    for (const m of list) {
      const cell = sheet.getRange(m.row, m.col);
      cell.setNote(MARK_PREFIX + m.message);
      cell.setBackground(MARK_COLOURS[m.severity]);
      marks++;
    }
  }
  return { cells, marks, problems: problems.length };
}
