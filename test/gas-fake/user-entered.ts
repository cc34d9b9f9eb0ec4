/**
 * How Sheets stores what a script writes with setValue(s)/appendRow, or what a person types:
 * like the Sheets API's USER_ENTERED input option, in the ja_JP locale.
 *
 * - null / undefined -> "" (empty cell)
 * - numbers, booleans, Dates are kept
 * - strings, unless the cell's number format is "@" (plain text), in which case they stay text:
 *   - "'text" -> the literal text after the apostrophe
 *   - "=..." -> a formula (the fake does not compute it: getValues returns "")
 *   - "+...", "-...", "@..." that are not a number -> a formula too: Sheets, like Excel, takes a
 *     leading + - @ as the start of a formula ("+81-3" becomes =+81-3, "@SUM(A1)" =SUM(A1)),
 *     which is why OWASP lists = + - @ tab CR as the characters to neutralise:
 *     https://owasp.org/www-community/attacks/CSV_Injection
 *   - "123", "-4.5", "1,234", "1e3" -> number; "50%" -> 0.5
 *   - "TRUE" / "false" -> boolean
 *   - "2013/7/10", "2013-07-10", "2013年7月10日" (optionally followed by " 9:30[:15]") -> Date at
 *     that wall-clock time in the spreadsheet's time zone
 *   - anything else (incl. full-width digits "１２" and units "12件") -> the string as typed
 */
import { isCalendarDate, zonedToEpoch } from "./time-zone";

export type StoredValue = string | number | boolean | Date;

export interface Parsed {
  value: StoredValue;
  formula?: string;
}

export interface ParseContext {
  timeZone: string;
  numberFormat?: string;
  /** builds a fake-realm Date */
  date(ms: number): Date;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const PERCENT = /^([+-]?(\d+\.?\d*|\.\d+))%$/;
const DATE = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
/** + - @ followed by something: Sheets reads a formula (a lone "-" stays text) */
const FORMULA_START = /^[+\-@]./s;
const JA_DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日(?:\s*(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === "[object Date]";
}

export function parseUserEntered(input: unknown, ctx: ParseContext): Parsed {
  if (input === null || input === undefined) return { value: "" };
  if (typeof input === "number" || typeof input === "boolean") return { value: input };
  if (isDate(input)) return { value: ctx.date(input.getTime()) };
  if (typeof input !== "string") return { value: String(input) };
  if (ctx.numberFormat === "@") return { value: input };
  if (input.startsWith("'")) return { value: input.slice(1) };
  if (input.length > 1 && input.startsWith("=")) return { value: "", formula: input };
  const text = input.trim();
  if (text === "") return { value: input };
  if (NUMBER.test(text)) return { value: Number(text) };
  if (GROUPED.test(text)) return { value: Number(text.replace(/,/g, "")) };
  const pct = PERCENT.exec(text);
  if (pct) return { value: Number(pct[1]) / 100 };
  if (FORMULA_START.test(input)) {
    return { value: "", formula: input.startsWith("@") ? `=${input.slice(1)}` : `=${input}` };
  }
  if (/^(true|false)$/i.test(text)) return { value: text.toLowerCase() === "true" };
  const d = DATE.exec(text) ?? JA_DATE.exec(text);
  if (d) {
    const [y, m, day, hh, mm, ss] = [d[1], d[2], d[3], d[4], d[5], d[6]].map((x) => Number(x ?? 0));
    if (
      y !== undefined &&
      m !== undefined &&
      day !== undefined &&
      isCalendarDate(y, m, day) &&
      (hh ?? 0) < 24 &&
      (mm ?? 0) < 60 &&
      (ss ?? 0) < 60
    ) {
      return { value: ctx.date(zonedToEpoch(ctx.timeZone, y, m, day, hh, mm, ss)) };
    }
  }
  return { value: input };
}
