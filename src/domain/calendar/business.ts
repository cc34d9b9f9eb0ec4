/**
 * Business days (開庁日) of a Japanese municipal office: closed on Saturdays and Sundays,
 * national holidays (祝日, 振替休日, 国民の休日), 年末年始 (29 December to 3 January) and the
 * days of the registry's 閉庁日 sheet.
 *
 * When several reasons apply, the most specific one is reported:
 *   closure (閉庁日, named explicitly by the office) > holiday > yearEnd > weekend.
 * So 2025-01-01 is 元日 (holiday, not 年末年始), 2025-01-03 (a Friday) is 年末年始, and
 * 2024-12-28 (a Saturday) is 土曜日.
 */
import { fiscalYearEnd, fiscalYearStart } from "./fiscal";
import { nationalHoliday } from "./holidays";
import {
  dayOfWeek,
  fromDayNumber,
  isPlainDate,
  type PlainDate,
  parts,
  toDayNumber,
} from "./plain-date";

export type ClosedKind = "weekend" | "holiday" | "yearEnd" | "closure";

export interface ClosedReason {
  readonly kind: ClosedKind;
  readonly name: string;
  readonly nameEn: string;
}

export interface ClosedDay extends ClosedReason {
  readonly date: PlainDate;
}

/** A 閉庁日 row: a day the office is closed although it is neither weekend nor holiday. */
export interface OfficeClosure {
  readonly date: PlainDate;
  readonly name: string;
}

export interface BusinessCalendar {
  /** Why the office is closed on a date, or undefined on a business day. */
  closedReason(date: PlainDate): ClosedReason | undefined;
  isBusinessDay(date: PlainDate): boolean;
  /**
   * n > 0: the n-th business day after date; n < 0: the |n|-th business day before it
   * (date itself is never counted). n = 0: date itself when it is a business day, otherwise
   * the next business day, which is what "due on day X, or the next open day" means.
   */
  addBusinessDays(date: PlainDate, n: number): PlainDate;
  /** The first business day strictly after date. */
  nextBusinessDay(date: PlainDate): PlainDate;
  /** The last business day strictly before date. */
  previousBusinessDay(date: PlainDate): PlainDate;
  /**
   * Business days after a, up to and including b; negative (minus the business days after b
   * up to and including a) when b is before a. Inverse of addBusinessDays from a business day.
   */
  businessDaysBetween(a: PlainDate, b: PlainDate): number;
  /** Every closed day of a fiscal year (1 April to 31 March) in date order, weekends included. */
  closedDaysOfFiscalYear(fy: number): ClosedDay[];
}

const WEEKEND: Readonly<Record<number, ClosedReason>> = {
  0: { kind: "weekend", name: "日曜日", nameEn: "Sunday" },
  6: { kind: "weekend", name: "土曜日", nameEn: "Saturday" },
};

const YEAR_END: ClosedReason = { kind: "yearEnd", name: "年末年始", nameEn: "Year-end holidays" };

function isYearEnd(date: PlainDate): boolean {
  const { m, d } = parts(date);
  return (m === 12 && d >= 29) || (m === 1 && d <= 3);
}

/**
 * A business calendar with the office's 閉庁日. Closures whose date is not a PlainDate are
 * ignored (the registry reports them as problems); on a duplicated date the first name wins.
 * A closure with an empty name is called 閉庁日 / "Office closed".
 */
export function createBusinessCalendar(closures: readonly OfficeClosure[] = []): BusinessCalendar {
  const closed = new Map<PlainDate, ClosedReason>();
  for (const c of closures) {
    if (!isPlainDate(c.date) || closed.has(c.date)) continue;
    const name = c.name.trim();
    closed.set(c.date, {
      kind: "closure",
      name: name === "" ? "閉庁日" : name,
      nameEn: name === "" ? "Office closed" : name,
    });
  }

  function closedReason(date: PlainDate): ClosedReason | undefined {
    const closure = closed.get(date);
    if (closure) return closure;
    const holiday = nationalHoliday(date);
    if (holiday) return { kind: "holiday", ...holiday };
    if (isYearEnd(date)) return YEAR_END;
    return WEEKEND[dayOfWeek(date)];
  }

  const isBusinessDay = (date: PlainDate): boolean => closedReason(date) === undefined;

  /** The first business day reached by stepping from day number `from` by `step` (+1/-1). */
  function step(from: number, dir: 1 | -1): number {
    let day = from + dir;
    while (!isBusinessDay(fromDayNumber(day))) day += dir;
    return day;
  }

  function addBusinessDays(date: PlainDate, n: number): PlainDate {
    if (!Number.isInteger(n)) throw new RangeError(`Not a whole number of business days: ${n}`);
    let day = toDayNumber(date);
    if (n === 0) return isBusinessDay(date) ? date : fromDayNumber(step(day, 1));
    const dir = n > 0 ? 1 : -1;
    for (let left = Math.abs(n); left > 0; left--) day = step(day, dir);
    return fromDayNumber(day);
  }

  function businessDaysBetween(a: PlainDate, b: PlainDate): number {
    const from = toDayNumber(a);
    const to = toDayNumber(b);
    const [lo, hi, sign] = from <= to ? [from, to, 1] : [to, from, -1];
    let count = 0;
    for (let day = lo + 1; day <= hi; day++) if (isBusinessDay(fromDayNumber(day))) count++;
    return sign * count;
  }

  function closedDaysOfFiscalYear(fy: number): ClosedDay[] {
    const out: ClosedDay[] = [];
    const last = toDayNumber(fiscalYearEnd(fy));
    for (let day = toDayNumber(fiscalYearStart(fy)); day <= last; day++) {
      const date = fromDayNumber(day);
      const reason = closedReason(date);
      if (reason) out.push({ date, ...reason });
    }
    return out;
  }

  return {
    closedReason,
    isBusinessDay,
    addBusinessDays,
    nextBusinessDay: (date) => fromDayNumber(step(toDayNumber(date), 1)),
    previousBusinessDay: (date) => fromDayNumber(step(toDayNumber(date), -1)),
    businessDaysBetween,
    closedDaysOfFiscalYear,
  };
}
