import { describe, expect, it } from "vitest";
import {
  ERAS,
  eraOf,
  eraYearLabel,
  eraYearOf,
  findEra,
  fiscalYearEra,
  formatFiscalYear,
  formatJapaneseDate,
  weekdayName,
} from "../../../src/domain/calendar";

describe("eras", () => {
  it("lists the five modern eras with their first and last days", () => {
    expect(ERAS.map((e) => [e.name, e.letter, e.start, e.end])).toEqual([
      ["明治", "M", "1868-10-23", "1912-07-29"],
      ["大正", "T", "1912-07-30", "1926-12-24"],
      ["昭和", "S", "1926-12-25", "1989-01-07"],
      ["平成", "H", "1989-01-08", "2019-04-30"],
      ["令和", "R", "2019-05-01", undefined],
    ]);
    expect(ERAS.map((e) => e.lastFiscalYear)).toEqual([1912, 1926, 1988, 2019, undefined]);
  });

  it("finds an era by name, letter or romaji", () => {
    expect(findEra("平成")?.letter).toBe("H");
    expect(findEra("h")?.name).toBe("平成");
    expect(findEra("Reiwa")?.name).toBe("令和");
    expect(findEra("X")).toBeUndefined();
  });

  it("gives the era of a date at the change of era", () => {
    expect(eraOf("2019-04-30")?.name).toBe("平成");
    expect(eraOf("2019-05-01")?.name).toBe("令和");
    expect(eraOf("1989-01-07")?.name).toBe("昭和");
    expect(eraOf("1989-01-08")?.name).toBe("平成");
    expect(eraOf("1868-10-22")).toBeUndefined();
    expect(eraYearOf("2019-04-30")).toMatchObject({ era: { name: "平成" }, year: 31 });
    expect(eraYearOf("2019-05-01")).toMatchObject({ era: { name: "令和" }, year: 1 });
  });

  it("labels calendar years by the era in force at their end", () => {
    expect(eraYearLabel(2012)).toBe("平成24年");
    expect(eraYearLabel(2019)).toBe("令和元年");
    expect(eraYearLabel(2025)).toBe("令和7年");
    expect(eraYearLabel(1989)).toBe("平成元年");
    expect(eraYearLabel(1988)).toBe("昭和63年");
    expect(eraYearLabel(1926)).toBe("昭和元年");
    expect(eraYearLabel(1850)).toBe("1850年");
    expect(eraYearLabel(2012.5)).toBe("2012.5年");
  });
});

describe("fiscal-year labels", () => {
  it("uses the era in force on 1 April", () => {
    expect(formatFiscalYear(2012, "ja")).toBe("平成24年度");
    expect(formatFiscalYear(2014, "ja")).toBe("平成26年度");
    expect(formatFiscalYear(2018, "ja")).toBe("平成30年度");
    expect(formatFiscalYear(2020, "ja")).toBe("令和2年度");
    expect(formatFiscalYear(2025, "ja")).toBe("令和7年度");
    expect(formatFiscalYear(1989, "ja")).toBe("平成元年度");
    expect(formatFiscalYear(1988, "ja")).toBe("昭和63年度");
    expect(formatFiscalYear(1926, "ja")).toBe("大正15年度");
  });

  it("labels FY2019 令和元年度 by convention although it began under 平成", () => {
    expect(formatFiscalYear(2019, "ja")).toBe("令和元年度");
    expect(fiscalYearEra(2019)).toMatchObject({ era: { name: "令和" }, year: 1 });
  });

  it("writes FY2012 in English", () => {
    expect(formatFiscalYear(2012, "en")).toBe("FY2012");
    expect(formatFiscalYear(2019, "en")).toBe("FY2019");
  });
});

describe("dates in 和暦", () => {
  it("formats a day with era, 元年 and no zero padding", () => {
    expect(formatJapaneseDate("2025-07-10", "ja")).toBe("令和7年7月10日");
    expect(formatJapaneseDate("2019-05-01", "ja")).toBe("令和元年5月1日");
    expect(formatJapaneseDate("2019-04-30", "ja")).toBe("平成31年4月30日");
    expect(formatJapaneseDate("1989-01-07", "ja")).toBe("昭和64年1月7日");
    expect(formatJapaneseDate("1989-01-08", "ja")).toBe("平成元年1月8日");
    expect(formatJapaneseDate("2013-07-10", "ja")).toBe("平成25年7月10日");
  });

  it("writes ISO dates in English and adds weekdays on request", () => {
    expect(formatJapaneseDate("2025-07-10", "en")).toBe("2025-07-10");
    expect(formatJapaneseDate("2025-07-10", "ja", { weekday: true })).toBe("令和7年7月10日(木)");
    expect(formatJapaneseDate("2025-07-10", "en", { weekday: true })).toBe("2025-07-10 (Thu)");
    expect(weekdayName("2024-12-29", "ja")).toBe("日");
    expect(weekdayName("2024-12-28", "en")).toBe("Sat");
  });
});
