/**
 * Plain calendar days in Asia/Tokyo as "YYYY-MM-DD" strings.
 *
 * Everything here is integer arithmetic on day numbers (days since 1970-01-01) and epoch
 * milliseconds, never the host's local-time Date methods, so GAS V8 and Node give the same
 * answers whatever the host time zone. Japan has had no DST since 1951: Tokyo is UTC+9.
 *
 * Functions that take a PlainDate throw a RangeError when handed something that is not one:
 * that is a programming error, not bad user input (user input goes through parseDate first).
 */

/** A calendar day in Asia/Tokyo, "YYYY-MM-DD", years 0001 to 9999. */
export type PlainDate = string;

export interface DateParts {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

export interface TokyoParts {
  readonly date: PlainDate;
  readonly hour: number;
  readonly minute: number;
}

const MS_PER_DAY = 86_400_000;
const MS_PER_HOUR = 3_600_000;
const MS_PER_MINUTE = 60_000;
/** Asia/Tokyo is UTC+9 all year round. */
const TOKYO_OFFSET_MS = 9 * MS_PER_HOUR;
const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Days in month m (1-12) of year y. */
export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function isValidParts(y: number, m: number, d: number): boolean {
  return (
    Number.isInteger(y) &&
    Number.isInteger(m) &&
    Number.isInteger(d) &&
    y >= 1 &&
    y <= 9999 &&
    m >= 1 &&
    m <= 12 &&
    d >= 1 &&
    d <= daysInMonth(y, m)
  );
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Inverse of daysFromCivil. */
function civilFromDays(days: number): DateParts {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return { y, m, d };
}

const pad2 = (n: number): string => String(n).padStart(2, "0");

function format(y: number, m: number, d: number): PlainDate {
  return `${String(y).padStart(4, "0")}-${pad2(m)}-${pad2(d)}`;
}

/** True for a "YYYY-MM-DD" string naming a real calendar day (2023-02-29 is not one). */
export function isPlainDate(v: unknown): v is PlainDate {
  if (typeof v !== "string") return false;
  const m = PLAIN_DATE.exec(v);
  return m !== null && isValidParts(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** The PlainDate of year/month/day, or undefined when that day does not exist. */
export function toPlainDate(y: number, m: number, d: number): PlainDate | undefined {
  return isValidParts(y, m, d) ? format(y, m, d) : undefined;
}

/** Year, month (1-12) and day of a PlainDate. */
export function parts(date: PlainDate): DateParts {
  const m = PLAIN_DATE.exec(date);
  if (m !== null) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    if (isValidParts(y, mo, d)) return { y, m: mo, d };
  }
  throw new RangeError(`Not a plain date (YYYY-MM-DD): ${JSON.stringify(date)}`);
}

/** Days since 1970-01-01 (negative before). */
export function toDayNumber(date: PlainDate): number {
  const { y, m, d } = parts(date);
  return daysFromCivil(y, m, d);
}

const MIN_DAY = daysFromCivil(1, 1, 1);
const MAX_DAY = daysFromCivil(9999, 12, 31);

/** The PlainDate of a day number (days since 1970-01-01). */
export function fromDayNumber(n: number): PlainDate {
  if (!Number.isInteger(n) || n < MIN_DAY || n > MAX_DAY) {
    throw new RangeError(`Day number out of range: ${n}`);
  }
  const { y, m, d } = civilFromDays(n);
  return format(y, m, d);
}

/** The date n days later (n < 0: earlier). */
export function addDays(date: PlainDate, n: number): PlainDate {
  if (!Number.isInteger(n)) throw new RangeError(`Not a whole number of days: ${n}`);
  return fromDayNumber(toDayNumber(date) + n);
}

/** Days from `from` to `to`: positive when `to` is later. diffDays("2025-03-31", "2025-04-01") = 1. */
export function diffDays(from: PlainDate, to: PlainDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** 0 = Sunday ... 6 = Saturday. */
export function dayOfWeek(date: PlainDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

/** -1, 0 or 1, for sorting: dates.sort(compare). */
export function compare(a: PlainDate, b: PlainDate): -1 | 0 | 1 {
  const d = toDayNumber(a) - toDayNumber(b);
  return d < 0 ? -1 : d > 0 ? 1 : 0;
}

/** The earliest of the dates. */
export function min(first: PlainDate, ...rest: PlainDate[]): PlainDate {
  return rest.reduce((acc, d) => (compare(d, acc) < 0 ? d : acc), first);
}

/** The latest of the dates. */
export function max(first: PlainDate, ...rest: PlainDate[]): PlainDate {
  return rest.reduce((acc, d) => (compare(d, acc) > 0 ? d : acc), first);
}

/**
 * True for a valid Date object, including one made in another realm (a vm context, an
 * iframe, the GAS bridge) where `instanceof Date` is false. Invalid Dates are rejected.
 */
export function isDateValue(v: unknown): v is Date {
  if (Object.prototype.toString.call(v) !== "[object Date]") return false;
  try {
    // Reads the internal [[DateValue]] slot: throws for an object that only fakes its tag.
    return !Number.isNaN(Date.prototype.getTime.call(v));
  } catch {
    return false;
  }
}

function epochMs(instant: Date): number {
  const ms = Date.prototype.getTime.call(instant);
  if (Number.isNaN(ms)) throw new RangeError("Invalid Date");
  return ms;
}

/** The Tokyo calendar day, hour and minute of an instant. */
export function instantToTokyoParts(instant: Date): TokyoParts {
  const local = epochMs(instant) + TOKYO_OFFSET_MS;
  const day = Math.floor(local / MS_PER_DAY);
  const msOfDay = local - day * MS_PER_DAY;
  return {
    date: fromDayNumber(day),
    hour: Math.floor(msOfDay / MS_PER_HOUR),
    minute: Math.floor((msOfDay % MS_PER_HOUR) / MS_PER_MINUTE),
  };
}

/** The Tokyo calendar day of an instant: 2013-07-09T15:00:00Z is 2013-07-10 in Tokyo. */
export function tokyoDateOf(instant: Date): PlainDate {
  return instantToTokyoParts(instant).date;
}

/**
 * The instant of a Tokyo wall-clock time on a date (midnight by default): what a GAS
 * adapter writes into a date cell of a spreadsheet whose time zone is Asia/Tokyo.
 */
export function tokyoInstant(date: PlainDate, hour = 0, minute = 0): Date {
  return new Date(
    toDayNumber(date) * MS_PER_DAY + hour * MS_PER_HOUR + minute * MS_PER_MINUTE - TOKYO_OFFSET_MS,
  );
}
