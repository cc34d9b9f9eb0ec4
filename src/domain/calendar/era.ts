/**
 * 和暦: era names for dates, calendar years and fiscal years.
 *
 * Year 1 of an era is written 元 (令和元年, 令和元年度). Eras before 明治 are out of scope:
 * labels for earlier years fall back to the Gregorian year.
 */
import { fiscalYearOf } from "./fiscal";
import { addDays, dayOfWeek, type PlainDate, parts } from "./plain-date";

/** Label language: same values as the registry's 言語 setting. */
export type CalendarLang = "ja" | "en";

export type EraName = "明治" | "大正" | "昭和" | "平成" | "令和";
export type EraLetter = "M" | "T" | "S" | "H" | "R";

export interface Era {
  readonly name: EraName;
  readonly letter: EraLetter;
  readonly nameEn: string;
  /** first day of the era */
  readonly start: PlainDate;
  /** last day of the era; undefined for the current era */
  readonly end: PlainDate | undefined;
  /**
   * Last fiscal year that began under this era (fiscal year of its last day);
   * undefined for the current era. 平成 -> 2019, 昭和 -> 1988.
   */
  readonly lastFiscalYear: number | undefined;
}

const ERA_STARTS: readonly (readonly [EraName, EraLetter, string, PlainDate])[] = [
  ["明治", "M", "Meiji", "1868-10-23"],
  ["大正", "T", "Taisho", "1912-07-30"],
  ["昭和", "S", "Showa", "1926-12-25"],
  ["平成", "H", "Heisei", "1989-01-08"],
  ["令和", "R", "Reiwa", "2019-05-01"],
];

/** The eras, oldest first. */
export const ERAS: readonly Era[] = ERA_STARTS.map(([name, letter, nameEn, start], i) => {
  const next = ERA_STARTS[i + 1];
  const end = next ? addDays(next[3], -1) : undefined;
  return {
    name,
    letter,
    nameEn,
    start,
    end,
    lastFiscalYear: end === undefined ? undefined : fiscalYearOf(end),
  };
});

/** The era by its name (平成) or letter (H), case-insensitive for letters and romaji. */
export function findEra(nameOrLetter: string): Era | undefined {
  const key = nameOrLetter.toUpperCase();
  return ERAS.find(
    (e) => e.name === nameOrLetter || e.letter === key || e.nameEn.toUpperCase() === key,
  );
}

export interface EraYear {
  readonly era: Era;
  /** 1 for 元年 */
  readonly year: number;
}

function startYear(era: Era): number {
  return parts(era.start).y;
}

/** The Gregorian year of year n of an era: (平成, 24) -> 2012. */
export function gregorianYearOf(era: Era, n: number): number {
  return startYear(era) + n - 1;
}

/** The era in force on a date, or undefined before 明治. */
export function eraOf(date: PlainDate): Era | undefined {
  let found: Era | undefined;
  for (const e of ERAS) if (date >= e.start) found = e;
  return found;
}

/** Era and era year of a date: 2019-04-30 -> 平成31, 2019-05-01 -> 令和1. */
export function eraYearOf(date: PlainDate): EraYear | undefined {
  const era = eraOf(date);
  return era ? { era, year: parts(date).y - startYear(era) + 1 } : undefined;
}

/** "元" for year 1, else the number. */
export function eraYearNumber(n: number): string {
  return n === 1 ? "元" : String(n);
}

/**
 * 和暦 label of a calendar year: 2012 -> "平成24年", 2019 -> "令和元年".
 * A year in which the era changed takes the era in force at its end (31 December), as
 * conversion tables do (1989 -> 平成元年, 2019 -> 令和元年). Before 明治: "1850年".
 */
export function eraYearLabel(gregorianYear: number): string {
  const valid = Number.isInteger(gregorianYear) && gregorianYear >= 1 && gregorianYear <= 9999;
  const ey = valid ? eraYearOf(`${String(gregorianYear).padStart(4, "0")}-12-31`) : undefined;
  return ey ? `${ey.era.name}${eraYearNumber(ey.year)}年` : `${gregorianYear}年`;
}

/**
 * Era of a fiscal year: the era in force on 1 April, when the fiscal year began
 * (FY1989 -> 平成元年度, FY2012 -> 平成24年度).
 *
 * The exception is FY2019. It began on 2019-04-01 under 平成 (and its budget was passed as
 * 平成31年度予算), but 令和 started a month later, on 1 May, and municipalities and
 * ministries have labelled that year 令和元年度 ever since, in settlements, reports and plans.
 * We follow that convention. parseFiscalYear still reads 平成31年度 as 2019.
 */
export function fiscalYearEra(fy: number): EraYear | undefined {
  if (fy === 2019) {
    const reiwa = ERAS.find((e) => e.name === "令和");
    if (reiwa) return { era: reiwa, year: 1 };
  }
  if (!Number.isInteger(fy) || fy < 1 || fy > 9998) return undefined;
  return eraYearOf(`${String(fy).padStart(4, "0")}-04-01`);
}

/** 平成24年度 / 令和元年度 (ja), FY2012 (en). Before 明治 in ja: "1850年度". */
export function formatFiscalYear(fy: number, lang: CalendarLang): string {
  if (lang === "en") return `FY${fy}`;
  const ey = fiscalYearEra(fy);
  return ey ? `${ey.era.name}${eraYearNumber(ey.year)}年度` : `${fy}年度`;
}

const WEEKDAYS_JA = ["日", "月", "火", "水", "木", "金", "土"] as const;
const WEEKDAYS_EN = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;

/** 木 (ja) / Thu (en). */
export function weekdayName(date: PlainDate, lang: CalendarLang): string {
  const i = dayOfWeek(date);
  return (lang === "ja" ? WEEKDAYS_JA[i] : WEEKDAYS_EN[i]) ?? "";
}

export interface JapaneseDateOptions {
  /** append the weekday: 令和7年7月10日(木) / 2025-07-10 (Thu) */
  readonly weekday?: boolean;
}

/**
 * 令和7年7月10日 (ja; 元年 for year 1, 西暦 before 明治) or 2025-07-10 (en).
 * With {weekday: true}: 令和7年7月10日(木) / 2025-07-10 (Thu).
 */
export function formatJapaneseDate(
  date: PlainDate,
  lang: CalendarLang,
  options: JapaneseDateOptions = {},
): string {
  const { y, m, d } = parts(date);
  if (lang === "en") {
    return options.weekday ? `${date} (${weekdayName(date, "en")})` : date;
  }
  const ey = eraYearOf(date);
  const year = ey ? `${ey.era.name}${eraYearNumber(ey.year)}` : String(y);
  const text = `${year}年${m}月${d}日`;
  return options.weekday ? `${text}(${weekdayName(date, "ja")})` : text;
}
