/**
 * fake.edit(): a person typing or pasting into the sheet. Values are stored like USER_ENTERED
 * (see user-entered.ts) without any ledger entry, and the onEdit event object GAS would build is
 * returned for the test to hand to onEdit(e).
 *
 * Event values follow GAS: `value` / `oldValue` exist only for a single-cell edit and are
 * strings (numbers as typed, booleans "TRUE"/"FALSE", dates as the spreadsheet serial number);
 * `value` is absent when the cell was cleared and `oldValue` when it was empty before.
 * A value rejected by a data-validation rule with allowInvalid=false throws, as the Sheets UI
 * refuses it (no onEdit would fire).
 */
import { parseA1 } from "./a1";
import { hasContent } from "./grid";
import { userOf } from "./protection";
import type { Runtime } from "./runtime";
import type { FakeSpreadsheet } from "./spreadsheet";
import { offsetMinutes } from "./time-zone";
import { isDate, type StoredValue } from "./user-entered";

export interface EditOptions {
  user?: string;
  /** "LIMITED" (simple onEdit, default) or "FULL" (installable trigger) */
  authMode?: "LIMITED" | "FULL";
  /** set for installable triggers */
  triggerUid?: string;
}

/** Sheets' serial day number (days since 1899-12-30, local to the time zone) */
export function serialNumber(date: Date, timeZone: string): number {
  const local = date.getTime() + offsetMinutes(date.getTime(), timeZone) * 60000;
  return local / 86_400_000 + 25569;
}

function eventText(value: StoredValue, timeZone: string): string {
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (isDate(value)) return String(serialNumber(value, timeZone));
  return String(value);
}

export function simulateEdit(
  rt: Runtime,
  ss: FakeSpreadsheet,
  sheetName: string,
  a1: string,
  values: unknown,
  options: EditOptions = {},
): GoogleAppsScript.Events.SheetsOnEdit {
  const sheet = ss.sheet(sheetName);
  if (!sheet) throw new Error(`fake.edit: no sheet named ${sheetName}`);
  const anchor = parseA1(a1, sheet.maxRows, sheet.maxColumns);
  if (!anchor) throw new Error(`fake.edit: bad A1 notation ${a1}`);
  const data: unknown[][] =
    Array.isArray(values) && values.every((r) => Array.isArray(r))
      ? (values as unknown[][])
      : [[values]];
  const numRows = data.length;
  const numColumns = data[0]?.length ?? 0;
  if (numRows === 0 || numColumns === 0 || data.some((r) => r.length !== numColumns)) {
    throw new Error("fake.edit: values must be a non-empty rectangle");
  }
  const area = { row: anchor.row, column: anchor.column, numRows, numColumns };
  const single = numRows === 1 && numColumns === 1;
  const before = sheet.grid.get(area.row, area.column);
  const oldValue =
    single && hasContent(before) && before
      ? eventText(before.formula ?? before.value, ss.timeZone)
      : undefined;

  const range = sheet.fakeRange(area);
  range.writeUserEntered(data);

  const after = sheet.grid.get(area.row, area.column);
  const event: Record<string, unknown> = {
    authMode: options.authMode ?? "LIMITED",
    range: sheet.rangeAt(area),
    source: ss.gas(),
    user: userOf(options.user ?? rt.settings.user),
  };
  if (options.triggerUid !== undefined) event.triggerUid = options.triggerUid;
  if (single && hasContent(after) && after)
    event.value = eventText(after.formula ?? after.value, ss.timeZone);
  if (oldValue !== undefined) event.oldValue = oldValue;
  // One cast: the event is built with GAS's optional-key semantics, which the type does not express.
  return event as unknown as GoogleAppsScript.Events.SheetsOnEdit;
}
