/**
 * Formula-injection safety: a value the app writes from user text must never become a formula
 * (or a DDE/CSV payload) when the sheet or an export is opened.
 */
const DANGEROUS_START = /^[=+\-@\t\r]/;

export function isFormulaLike(text: string): boolean {
  return DANGEROUS_START.test(text);
}

/**
 * Strings that start with = + - @ tab or CR get a leading apostrophe, which Sheets and Excel
 * treat as "this is text" and do not display. Numbers, dates and booleans pass unchanged.
 */
export function neutraliseCell(value: unknown): unknown {
  if (typeof value === "string" && isFormulaLike(value)) return `'${value}`;
  return value;
}

export function neutraliseRows(rows: readonly (readonly unknown[])[]): unknown[][] {
  return rows.map((r) => r.map(neutraliseCell));
}
