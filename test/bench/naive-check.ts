import { tokyoDateOf } from "../../src/domain/calendar";
import type { RawSheet } from "../../src/domain/registry";
import { validateRegistry } from "../../src/domain/validate";
import type { GasServices } from "../gas-fake";
import { markCellByCell } from "./beginner";

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
  const marks = markCellByCell(ss, problems);
  return { cells, marks, problems: problems.length };
}
