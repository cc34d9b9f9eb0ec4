/**
 * 国民の祝日 and 休日 from @holiday-jp/holiday_jp (1970-2050): the 祝日, 振替休日,
 * 国民の休日 (a weekday between two 祝日) and the one-off days (大喪の礼, 即位の日, ...).
 * Beyond the data's range nationalHoliday returns undefined; see HOLIDAY_DATA_YEARS.
 *
 * Names are tidied for people reading a reminder mail: the package writes every 振替休日 as
 * "山の日 振替休日" (and sometimes names the wrong holiday, 2026-05-06 is in lieu of
 * 憲法記念日), every 国民の休日 as plain "休日", and the 2019 enthronement days as
 * "休日（祝日扱い）". We return "振替休日", "国民の休日", "即位の日" and
 * "即位礼正殿の儀の行われる日" instead.
 */
import holidays from "@holiday-jp/holiday_jp/lib/holidays.js";
import type { PlainDate } from "./plain-date";

export interface HolidayName {
  readonly name: string;
  readonly nameEn: string;
}

export interface NationalHoliday extends HolidayName {
  readonly date: PlainDate;
}

interface PackageHoliday {
  readonly name: string;
  readonly name_en: string;
}

const DATA: Readonly<Record<string, PackageHoliday | undefined>> = holidays;

/** The years the holiday data covers; outside them no day is a holiday. */
export const HOLIDAY_DATA_YEARS = { first: 1970, last: 2050 } as const;

const BY_DATE: Readonly<Record<string, HolidayName>> = {
  "2019-05-01": { name: "即位の日", nameEn: "Enthronement Day" },
  "2019-10-22": { name: "即位礼正殿の儀の行われる日", nameEn: "Enthronement Ceremony Day" },
};

const SUBSTITUTE: HolidayName = { name: "振替休日", nameEn: "Substitute Holiday" };
const CITIZENS: HolidayName = { name: "国民の休日", nameEn: "Citizens' Holiday" };

function tidy(date: PlainDate, h: PackageHoliday): HolidayName {
  const special = BY_DATE[date];
  if (special) return special;
  if (h.name.endsWith("振替休日")) return SUBSTITUTE;
  if (h.name === "休日") return CITIZENS;
  // 2019-10-14 is written "体育の日（スポーツの日）": it was 体育の日 until 2020.
  const name = h.name.replace(/（.*）$/, "");
  return { name, nameEn: h.name_en.replace(/\.$/, "") };
}

/** The national holiday on a date, or undefined for an ordinary day. */
export function nationalHoliday(date: PlainDate): HolidayName | undefined {
  const h = Object.hasOwn(DATA, date) ? DATA[date] : undefined;
  return h ? tidy(date, h) : undefined;
}

/** The national holidays from `from` to `to`, both included, in date order. */
export function nationalHolidaysBetween(from: PlainDate, to: PlainDate): NationalHoliday[] {
  return Object.keys(DATA)
    .filter((d) => d >= from && d <= to)
    .sort()
    .flatMap((date) => {
      const h = nationalHoliday(date);
      return h ? [{ date, ...h }] : [];
    });
}
