import { describe, expect, it } from "vitest";
import { parseDate, parseFiscalYear } from "../../../src/domain/calendar";

describe("parseFiscalYear", () => {
  it.each([
    [2012, 2012, false],
    ["2012", 2012, false],
    [" 2012 ", 2012, false],
    ["2012年度", 2012, true],
    ["2012年", 2012, true],
    ["FY2012", 2012, true],
    ["fy2012", 2012, true],
    ["FY 2012", 2012, true],
    ["２０１２年度", 2012, true],
    ["平成24年度", 2012, true],
    ["平成24", 2012, true],
    ["平成２４年度", 2012, true],
    ["H24", 2012, true],
    ["h24", 2012, true],
    ["Ｈ２４", 2012, true],
    ["H24年度", 2012, true],
    ["Heisei24", 2012, true],
    ["㍻24年度", 2012, true],
    ["平成26年度", 2014, true],
    ["平成30年度", 2018, true],
    ["平成31年度", 2019, true],
    ["R7", 2025, true],
    ["令和7年度", 2025, true],
    ["令和元年度", 2019, true],
    ["令和1年度", 2019, true],
    ["R1", 2019, true],
    ["平成元年度", 1989, true],
    ["昭和63年度", 1988, true],
    ["2012（平成24年度）", 2012, true],
    ["平成24年度(2012)", 2012, true],
  ])("reads %j as FY%i", (input, fy, normalised) => {
    const r = parseFiscalYear(input);
    expect(r).toEqual({ ok: true, fy, normalised });
  });

  it("accepts 和暦 years past the end of their era, flagged", () => {
    expect(parseFiscalYear("平成32年度")).toEqual({
      ok: true,
      fy: 2020,
      normalised: true,
      eraOverflow: true,
    });
    expect(parseFiscalYear("H42")).toEqual({
      ok: true,
      fy: 2030,
      normalised: true,
      eraOverflow: true,
    });
    expect(parseFiscalYear("昭和64年度")).toMatchObject({ ok: true, fy: 1989, eraOverflow: true });
  });

  it.each([
    [null, "empty"],
    [undefined, "empty"],
    ["", "empty"],
    ["   ", "empty"],
    ["　", "empty"],
    ["abc", "invalid"],
    ["24", "invalid"],
    ["X24", "invalid"],
    ["平成", "invalid"],
    ["2012年度上期", "invalid"],
    [2012.5, "invalid"],
    [Number.NaN, "invalid"],
    [true, "invalid"],
    [new Date("2012-04-01T00:00:00Z"), "invalid"],
    [1800, "out-of-range"],
    [2101, "out-of-range"],
    ["1800年度", "out-of-range"],
    ["平成0年度", "out-of-era"],
    ["令和0年", "out-of-era"],
    ["平成52年度", "out-of-era"],
    ["2012（平成25年度）", "inconsistent"],
  ])("rejects %j (%s)", (input, reason) => {
    expect(parseFiscalYear(input)).toEqual({ ok: false, reason });
  });
});

describe("parseDate", () => {
  it("takes the Tokyo day of Date cells from Sheets (Tokyo midnight) and exceljs (UTC midnight)", () => {
    expect(parseDate(new Date("2013-07-09T15:00:00Z"))).toEqual({
      ok: true,
      date: "2013-07-10",
      normalised: false,
    });
    expect(parseDate(new Date("2013-07-10T00:00:00Z"))).toEqual({
      ok: true,
      date: "2013-07-10",
      normalised: false,
    });
  });

  it.each([
    [41465, "2013-07-10"],
    [41465.75, "2013-07-10"],
    [43831, "2020-01-01"],
    [45658, "2025-01-01"],
    [1, "1899-12-31"],
    [2958465, "9999-12-31"],
  ])("reads serial %d as %s", (serial, date) => {
    expect(parseDate(serial)).toEqual({ ok: true, date, normalised: true });
  });

  it.each([
    ["2013-07-10", "2013-07-10", false],
    ["2013/7/10", "2013-07-10", true],
    ["2013/07/10", "2013-07-10", true],
    ["2013.7.10", "2013-07-10", true],
    ["2013-7-10", "2013-07-10", true],
    ["20130710", "2013-07-10", true],
    ["2013年7月10日", "2013-07-10", true],
    ["2013年07月10日", "2013-07-10", true],
    ["  2013/7/10  ", "2013-07-10", true],
    ["２０１３／７／１０", "2013-07-10", true],
    ["２０１３年７月１０日", "2013-07-10", true],
    ["2013/7/10(水)", "2013-07-10", true],
    ["2013年7月10日（水）", "2013-07-10", true],
    ["2013/07/10 0:00:00", "2013-07-10", true],
    ["2013-07-10T09:30", "2013-07-10", true],
    ["令和7年7月10日", "2025-07-10", true],
    ["令和７年７月１０日", "2025-07-10", true],
    ["R7.7.10", "2025-07-10", true],
    ["r7/7/10", "2025-07-10", true],
    ["H25/7/10", "2013-07-10", true],
    ["H25.7.10", "2013-07-10", true],
    ["平成25年7月10日", "2013-07-10", true],
    ["令和元年5月1日", "2019-05-01", true],
    ["平成31年4月30日", "2019-04-30", true],
    ["平成元年1月8日", "1989-01-08", true],
    ["昭和64年1月7日", "1989-01-07", true],
  ])("reads %j as %s", (input, date, normalised) => {
    expect(parseDate(input)).toEqual({ ok: true, date, normalised });
  });

  it("accepts a 和暦 date past the end of its era, flagged", () => {
    expect(parseDate("平成31年5月1日")).toEqual({
      ok: true,
      date: "2019-05-01",
      normalised: true,
      eraOverflow: true,
    });
    expect(parseDate("H32.4.1")).toMatchObject({ ok: true, date: "2020-04-01", eraOverflow: true });
  });

  it.each([
    [null, "empty"],
    [undefined, "empty"],
    ["", "empty"],
    ["  ", "empty"],
    ["abc", "invalid"],
    ["7/10", "invalid"],
    ["13/7/10", "invalid"],
    ["2013/7", "invalid"],
    ["2013-07-10T00:00:00Z", "invalid"],
    ["X25.7.10", "invalid"],
    [true, "invalid"],
    [{}, "invalid"],
    [new Date(Number.NaN), "invalid"],
    [Number.NaN, "invalid"],
    [Number.POSITIVE_INFINITY, "invalid"],
    [0, "out-of-range"],
    [0.5, "out-of-range"],
    [-1, "out-of-range"],
    [2958466, "out-of-range"],
    ["2023/2/29", "invalid-date"],
    ["2023-02-29", "invalid-date"],
    ["2013/13/1", "invalid-date"],
    ["2013年4月31日", "invalid-date"],
    ["R7.2.29", "invalid-date"],
    ["20130732", "invalid-date"],
    ["令和元年4月30日", "out-of-era"],
    ["平成元年1月7日", "out-of-era"],
    ["令和0年5月1日", "out-of-era"],
    ["平成60年1月1日", "out-of-era"],
  ])("rejects %j (%s)", (input, reason) => {
    expect(parseDate(input)).toEqual({ ok: false, reason });
  });
});
