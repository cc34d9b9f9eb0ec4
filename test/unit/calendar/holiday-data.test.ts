/**
 * The compact holiday table (src/domain/calendar/holiday-data.ts) against the package it is made
 * from: the committed file is what scripts/holidays.mjs writes today, and every day of every
 * year in range is a holiday exactly when the package says so, under the same tidied name.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  HOLIDAY_DATA_FILE,
  holidayModuleSource,
  packageHolidays,
  tidyHoliday,
} from "../../../scripts/holidays.mjs";
import {
  HOLIDAY_DATA_YEARS,
  nationalHoliday,
  nationalHolidaysBetween,
} from "../../../src/domain/calendar";

function* everyDay(first: number, last: number): Generator<string> {
  for (let t = Date.UTC(first, 0, 1); t <= Date.UTC(last, 11, 31); t += 86_400_000) {
    yield new Date(t).toISOString().slice(0, 10);
  }
}

describe("holiday data", () => {
  it("is what scripts/holidays.mjs generates from the installed package", () => {
    expect(readFileSync(HOLIDAY_DATA_FILE, "utf8")).toBe(holidayModuleSource());
  });

  it("covers the package's years, 1970-2050", () => {
    const years = Object.keys(packageHolidays()).map((d) => Number(d.slice(0, 4)));
    expect(HOLIDAY_DATA_YEARS).toEqual({ first: Math.min(...years), last: Math.max(...years) });
    expect(HOLIDAY_DATA_YEARS).toEqual({ first: 1970, last: 2050 });
  });

  it("agrees with the package on every day from 1970 to 2050", () => {
    const pkg = packageHolidays();
    const differences: string[] = [];
    let holidays = 0;
    for (const date of everyDay(HOLIDAY_DATA_YEARS.first, HOLIDAY_DATA_YEARS.last)) {
      const source = pkg[date];
      const expected = source ? tidyHoliday(date, source) : undefined;
      const got = nationalHoliday(date);
      if (got) holidays++;
      if (JSON.stringify(got ? [got.name, got.nameEn] : undefined) !== JSON.stringify(expected))
        differences.push(`${date}: ${JSON.stringify(got)} vs ${JSON.stringify(expected)}`);
    }
    expect(differences).toEqual([]);
    expect(holidays).toBe(Object.keys(pkg).length);
    expect(nationalHolidaysBetween("1970-01-01", "2050-12-31")).toHaveLength(holidays);
  });

  it("has no holiday outside the range", () => {
    expect(nationalHoliday("1969-01-01")).toBeUndefined();
    expect(nationalHoliday("2051-01-01")).toBeUndefined();
  });
});
