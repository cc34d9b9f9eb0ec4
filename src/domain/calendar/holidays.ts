/**
 * 国民の祝日 and 休日 (1970-2050): the 祝日, 振替休日, 国民の休日 (a weekday between two 祝日)
 * and the one-off days (大喪の礼, 即位の日, ...). Beyond the data's range nationalHoliday
 * returns undefined; see HOLIDAY_DATA_YEARS.
 *
 * The data is holiday-data.ts, generated from @holiday-jp/holiday_jp by scripts/holidays.mjs:
 * only dates and names, since GAS parses the whole bundle on every run. Names are tidied there
 * for people reading a reminder mail ("振替休日", "国民の休日", "即位の日", ... rather than the
 * package's "山の日 振替休日", "休日", "休日（祝日扱い）").
 *
 * The range stays the package's 1970-2050: a plan's 基準年度 may lie decades back and its end
 * decades ahead, and the whole range costs about 9 KB.
 */
import { HOLIDAY_DAYS, HOLIDAY_INDEX, HOLIDAY_NAMES } from "./holiday-data";
import type { PlainDate } from "./plain-date";

export interface HolidayName {
  readonly name: string;
  readonly nameEn: string;
}

export interface NationalHoliday extends HolidayName {
  readonly date: PlainDate;
}

/** The years the holiday data covers; outside them no day is a holiday. */
export const HOLIDAY_DATA_YEARS = {
  first: Number(HOLIDAY_DAYS[0]?.slice(0, 4)),
  last: Number(HOLIDAY_DAYS.at(-1)?.slice(0, 4)),
} as const;

let byDate: Map<PlainDate, HolidayName> | undefined;

const two = (n: number) => String(n).padStart(2, "0");

/** decoded on first use: "1970:11Af1B..." -> 1970-01-01 元日, 1970-01-15 成人の日, ... */
function table(): Map<PlainDate, HolidayName> {
  if (byDate) return byDate;
  const names = HOLIDAY_NAMES.map(([name, nameEn]) => ({ name, nameEn }));
  byDate = new Map();
  for (const line of HOLIDAY_DAYS) {
    const year = line.slice(0, 4);
    for (let i = 5; i + 3 <= line.length; i += 3) {
      const month = two(Number.parseInt(line.charAt(i), 36));
      const day = two(Number.parseInt(line.charAt(i + 1), 36));
      const name = names[HOLIDAY_INDEX.indexOf(line.charAt(i + 2))];
      if (name) byDate.set(`${year}-${month}-${day}`, name);
    }
  }
  return byDate;
}

/** The national holiday on a date, or undefined for an ordinary day. */
export function nationalHoliday(date: PlainDate): HolidayName | undefined {
  return table().get(date);
}

/** The national holidays from `from` to `to`, both included, in date order. */
export function nationalHolidaysBetween(from: PlainDate, to: PlainDate): NationalHoliday[] {
  return [...table()]
    .filter(([d]) => d >= from && d <= to)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, h]) => ({ date, ...h }));
}
