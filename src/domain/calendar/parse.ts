/**
 * Reading fiscal years and dates as people type them into a sheet, and as Sheets and
 * exceljs hand them over.
 *
 * `normalised` is false only when the value was already in canonical form (a fiscal year as
 * a number or four ASCII digits; a date as a Date object or "YYYY-MM-DD"); true when we had
 * to interpret it (和暦, 全角 digits, 年度 suffix, slashes, a serial number...), so the
 * caller may rewrite the cell or tell the user.
 *
 * 和暦 past the end of its era (平成32年度, 平成31年5月10日) is accepted: plans and
 * documents written before the change of era routinely use such years (平成32年度 = FY2020,
 * 平成42年度 = FY2030 for long-term targets). Up to ERA_OVERFLOW_YEARS years past the era's
 * end are accepted and flagged `eraOverflow: true`; beyond that, or before an era began
 * (令和元年4月1日, 平成0年), the reason is "out-of-era".
 */
import { type Era, findEra, gregorianYearOf } from "./era";
import {
  fromDayNumber,
  isDateValue,
  type PlainDate,
  parts,
  tokyoDateOf,
  toPlainDate,
} from "./plain-date";

/** How many years past the end of an era its year numbers are still accepted. */
export const ERA_OVERFLOW_YEARS = 20;

/** Plausible fiscal years: anything else is more likely a typo or a different number. */
export const MIN_FISCAL_YEAR = 1900;
export const MAX_FISCAL_YEAR = 2100;

export type FiscalYearParseError =
  /** blank cell */
  | "empty"
  /** not a year in any form we know */
  | "invalid"
  /** a 西暦 year outside MIN_FISCAL_YEAR..MAX_FISCAL_YEAR */
  | "out-of-range"
  /** a 和暦 year the era never had (平成0年度, 平成60年度) */
  | "out-of-era"
  /** two forms that disagree: 2012（平成25年度） */
  | "inconsistent";

export type FiscalYearParse =
  | {
      readonly ok: true;
      readonly fy: number;
      readonly normalised: boolean;
      /** a 和暦 year past the end of its era, e.g. 平成32年度 */
      readonly eraOverflow?: true;
    }
  | { readonly ok: false; readonly reason: FiscalYearParseError };

export type DateParseError =
  | "empty"
  | "invalid"
  /** a day that does not exist: 2023/2/29, 2013/13/1 */
  | "invalid-date"
  /** a serial number outside 1..2958465, or a year outside 0001..9999 */
  | "out-of-range"
  /** a 和暦 date before its era began (令和元年4月1日) or long after it ended */
  | "out-of-era";

export type DateParse =
  | {
      readonly ok: true;
      readonly date: PlainDate;
      readonly normalised: boolean;
      /** a 和暦 date past the end of its era, e.g. 平成31年5月10日 */
      readonly eraOverflow?: true;
    }
  | { readonly ok: false; readonly reason: DateParseError };

/**
 * Full-width to half-width (NFKC also turns ㍻ into 平成 and ㋿ into 令和), dashes and
 * long marks to "-", spaces removed, letters upper-cased.
 */
function fold(s: string): string {
  return foldKeepSpaces(s).replace(/\s+/g, "");
}

function foldKeepSpaces(s: string): string {
  return s
    .normalize("NFKC")
    .replace(/[\u2010-\u2015\u2212\u30fc\uff70]/g, "-")
    .trim()
    .toUpperCase();
}

const ERA_TOKEN = "(明治|大正|昭和|平成|令和|MEIJI|TAISHO|SHOWA|HEISEI|REIWA|M|T|S|H|R)";

type EraCheck = "ok" | "overflow" | "out-of-era";

/** Whether year `n` of an era, falling in Gregorian year `gy`, is one the era had. */
function checkEraYear(era: Era, n: number, lastYear: number | undefined): EraCheck {
  if (n < 1) return "out-of-era";
  const gy = gregorianYearOf(era, n);
  if (lastYear === undefined || gy <= lastYear) return "ok";
  return gy <= lastYear + ERA_OVERFLOW_YEARS ? "overflow" : "out-of-era";
}

const eraYearValue = (s: string): number => (s === "元" ? 1 : Number(s));

// ---------------------------------------------------------------- fiscal years

const FY_WESTERN = /^(?:FY)?(\d{4})(?:年度?|FY)?$/;
const FY_ERA = new RegExp(`^${ERA_TOKEN}(元|\\d{1,2})(?:年度?)?$`);
const FY_PAIR = /^(.+?)[(](.+)[)]$/;

function parseFiscalYearText(text: string): FiscalYearParse {
  const western = FY_WESTERN.exec(text);
  if (western) {
    const fy = Number(western[1]);
    if (fy < MIN_FISCAL_YEAR || fy > MAX_FISCAL_YEAR) return { ok: false, reason: "out-of-range" };
    return { ok: true, fy, normalised: true };
  }
  const wa = FY_ERA.exec(text);
  if (wa) {
    const era = findEra(wa[1] ?? "");
    if (!era) return { ok: false, reason: "invalid" };
    const n = eraYearValue(wa[2] ?? "");
    const check = checkEraYear(era, n, era.lastFiscalYear);
    if (check === "out-of-era") return { ok: false, reason: "out-of-era" };
    const fy = gregorianYearOf(era, n);
    return check === "overflow"
      ? { ok: true, fy, normalised: true, eraOverflow: true }
      : { ok: true, fy, normalised: true };
  }
  // 2012（平成24年度） or 平成24年度(2012): both halves must name the same year.
  const pair = FY_PAIR.exec(text);
  if (pair) {
    const a = parseFiscalYearText(pair[1] ?? "");
    const b = parseFiscalYearText(pair[2] ?? "");
    if (!a.ok) return a;
    if (!b.ok) return b;
    if (a.fy !== b.fy) return { ok: false, reason: "inconsistent" };
    return a.eraOverflow || b.eraOverflow
      ? { ok: true, fy: a.fy, normalised: true, eraOverflow: true }
      : { ok: true, fy: a.fy, normalised: true };
  }
  return { ok: false, reason: "invalid" };
}

/**
 * A fiscal year from a cell: 2012, "2012", "2012年度", "FY2012", "平成24年度", "平成24",
 * "H24", "h24", "Ｈ２４", "R7", "令和元年度", "令和1年度", "R1", "2012（平成24年度）".
 * Two-digit years without an era ("24") are rejected: they are ambiguous.
 */
export function parseFiscalYear(v: unknown): FiscalYearParse {
  if (v === null || v === undefined) return { ok: false, reason: "empty" };
  if (typeof v === "number") {
    if (!Number.isInteger(v)) return { ok: false, reason: "invalid" };
    if (v < MIN_FISCAL_YEAR || v > MAX_FISCAL_YEAR) return { ok: false, reason: "out-of-range" };
    return { ok: true, fy: v, normalised: false };
  }
  if (typeof v !== "string") return { ok: false, reason: "invalid" };
  const text = fold(v);
  if (text === "") return { ok: false, reason: "empty" };
  const r = parseFiscalYearText(text);
  if (r.ok && /^\s*\d{4}\s*$/.test(v)) return { ok: true, fy: r.fy, normalised: false };
  return r;
}

// ---------------------------------------------------------------- dates

/** Spreadsheet serial day 0 (Google Sheets; Excel from serial 61 on, i.e. after 1900-02-28). */
const SERIAL_EPOCH_DAY = -25_569; // 1899-12-30
const MAX_SERIAL = 2_958_465; // 9999-12-31

/** " 0:00:00" or "T09:30" after a date (no zone: a zoned timestamp is not a plain day). */
const TIME_SUFFIX = /(?:\s+|T)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;
const WEEKDAY_SUFFIX = /\s*\((?:[日月火水木金土](?:曜日?)?|SUN|MON|TUE|WED|THU|FRI|SAT)\.?\)$/;
const DATE_WESTERN = /^(\d{4})(?:[-/.](\d{1,2})[-/.](\d{1,2})|年(\d{1,2})月(\d{1,2})日?)$/;
const DATE_COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const DATE_ERA = new RegExp(
  `^${ERA_TOKEN}(元|\\d{1,2})(?:[-/.](\\d{1,2})[-/.](\\d{1,2})|年(\\d{1,2})月(\\d{1,2})日?)$`,
);

function dayResult(
  y: number,
  m: number,
  d: number,
): { ok: true; date: PlainDate } | { ok: false; reason: DateParseError } {
  if (y < 1 || y > 9999) return { ok: false, reason: "out-of-range" };
  const date = toPlainDate(y, m, d);
  return date === undefined ? { ok: false, reason: "invalid-date" } : { ok: true, date };
}

function parseDateText(raw: string): DateParse {
  const text = fold(foldKeepSpaces(raw).replace(TIME_SUFFIX, "").replace(WEEKDAY_SUFFIX, ""));
  if (text === "") return { ok: false, reason: "empty" };

  const western = DATE_WESTERN.exec(text) ?? DATE_COMPACT.exec(text);
  if (western) {
    const r = dayResult(
      Number(western[1]),
      Number(western[2] ?? western[4]),
      Number(western[3] ?? western[5]),
    );
    if (!r.ok) return r;
    return { ok: true, date: r.date, normalised: raw !== r.date };
  }

  const wa = DATE_ERA.exec(text);
  if (wa) {
    const era = findEra(wa[1] ?? "");
    if (!era) return { ok: false, reason: "invalid" };
    const n = eraYearValue(wa[2] ?? "");
    const r = dayResult(gregorianYearOf(era, n), Number(wa[3] ?? wa[5]), Number(wa[4] ?? wa[6]));
    if (!r.ok) return r;
    if (n < 1 || r.date < era.start) return { ok: false, reason: "out-of-era" };
    const lastYear = era.end === undefined ? undefined : parts(era.end).y;
    const beyondEnd = era.end !== undefined && r.date > era.end;
    if (!beyondEnd) return { ok: true, date: r.date, normalised: true };
    if (lastYear !== undefined && parts(r.date).y > lastYear + ERA_OVERFLOW_YEARS) {
      return { ok: false, reason: "out-of-era" };
    }
    return { ok: true, date: r.date, normalised: true, eraOverflow: true };
  }
  return { ok: false, reason: "invalid" };
}

/**
 * A calendar day from a cell:
 * - a Date (a Sheets date cell is Tokyo midnight; exceljs gives UTC midnight of the day):
 *   the adapter contract is that the instant lies inside the intended Tokyo day, so we take
 *   its Tokyo date;
 * - a spreadsheet serial number (days since 1899-12-30; 41465 = 2013-07-10), 1..2958465,
 *   a time-of-day fraction ignored;
 * - text: 2013/7/10, 2013-07-10, 2013.7.10, 20130710, 2013年7月10日, 令和7年7月10日,
 *   R7.7.10, H25/7/10, with 全角 digits, surrounding spaces, a trailing weekday (木) or time.
 */
export function parseDate(v: unknown): DateParse {
  if (v === null || v === undefined) return { ok: false, reason: "empty" };
  if (isDateValue(v)) return { ok: true, date: tokyoDateOf(v), normalised: false };
  if (Object.prototype.toString.call(v) === "[object Date]")
    return { ok: false, reason: "invalid" };
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return { ok: false, reason: "invalid" };
    if (v < 1 || v >= MAX_SERIAL + 1) return { ok: false, reason: "out-of-range" };
    return { ok: true, date: fromDayNumber(SERIAL_EPOCH_DAY + Math.floor(v)), normalised: true };
  }
  if (typeof v !== "string") return { ok: false, reason: "invalid" };
  return parseDateText(v);
}
