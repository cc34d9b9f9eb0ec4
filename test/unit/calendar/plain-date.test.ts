import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import {
  addDays,
  compare,
  dayOfWeek,
  diffDays,
  fromDayNumber,
  instantToTokyoParts,
  isDateValue,
  isPlainDate,
  max,
  min,
  parts,
  toDayNumber,
  tokyoDateOf,
  tokyoInstant,
  toPlainDate,
} from "../../../src/domain/calendar";

describe("toPlainDate / isPlainDate", () => {
  it("builds real days and rejects impossible ones", () => {
    expect(toPlainDate(2013, 7, 10)).toBe("2013-07-10");
    expect(toPlainDate(2024, 2, 29)).toBe("2024-02-29");
    expect(toPlainDate(2000, 2, 29)).toBe("2000-02-29");
    expect(toPlainDate(2023, 2, 29)).toBeUndefined();
    expect(toPlainDate(1900, 2, 29)).toBeUndefined();
    expect(toPlainDate(2025, 4, 31)).toBeUndefined();
    expect(toPlainDate(2025, 13, 1)).toBeUndefined();
    expect(toPlainDate(2025, 0, 1)).toBeUndefined();
    expect(toPlainDate(2025, 1, 0)).toBeUndefined();
    expect(toPlainDate(2025, 1.5, 1)).toBeUndefined();
    expect(toPlainDate(0, 1, 1)).toBeUndefined();
    expect(toPlainDate(10000, 1, 1)).toBeUndefined();
  });

  it("recognises only YYYY-MM-DD strings of real days", () => {
    expect(isPlainDate("2013-07-10")).toBe(true);
    expect(isPlainDate("2024-02-29")).toBe(true);
    expect(isPlainDate("2023-02-29")).toBe(false);
    expect(isPlainDate("2013-7-10")).toBe(false);
    expect(isPlainDate("2013/07/10")).toBe(false);
    expect(isPlainDate(" 2013-07-10")).toBe(false);
    expect(isPlainDate(20130710)).toBe(false);
    expect(isPlainDate(new Date("2013-07-10T00:00:00Z"))).toBe(false);
  });

  it("splits a date into parts and refuses non-dates", () => {
    expect(parts("2013-07-10")).toEqual({ y: 2013, m: 7, d: 10 });
    expect(() => parts("2023-02-29")).toThrow(RangeError);
    expect(() => parts("x")).toThrow(RangeError);
  });
});

describe("day arithmetic", () => {
  it("adds days across month, year and leap-day boundaries", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2023-02-28", 1)).toBe("2023-03-01");
    expect(addDays("2024-12-31", 1)).toBe("2025-01-01");
    expect(addDays("2025-03-01", -1)).toBe("2025-02-28");
    expect(addDays("2013-07-10", 0)).toBe("2013-07-10");
    expect(addDays("1970-01-01", -1)).toBe("1969-12-31");
    expect(addDays("2012-04-01", 365)).toBe("2013-04-01");
    expect(() => addDays("2013-07-10", 0.5)).toThrow(RangeError);
  });

  it("counts days from the first date to the second", () => {
    expect(diffDays("2025-03-31", "2025-04-01")).toBe(1);
    expect(diffDays("2025-04-01", "2025-03-31")).toBe(-1);
    expect(diffDays("2012-04-01", "2013-04-01")).toBe(365);
    expect(diffDays("2015-04-01", "2016-04-01")).toBe(366);
    expect(diffDays("1899-12-30", "2013-07-10")).toBe(41465);
  });

  it("knows the weekday (0 = Sunday)", () => {
    expect(dayOfWeek("1970-01-01")).toBe(4);
    expect(dayOfWeek("2025-07-10")).toBe(4);
    expect(dayOfWeek("2024-12-28")).toBe(6);
    expect(dayOfWeek("2024-12-29")).toBe(0);
    expect(dayOfWeek("2000-01-01")).toBe(6);
    expect(dayOfWeek("1969-12-31")).toBe(3);
    expect(dayOfWeek("2025-06-30")).toBe(1);
  });

  it("maps day numbers both ways", () => {
    expect(toDayNumber("1970-01-01")).toBe(0);
    expect(toDayNumber("2025-01-01")).toBe(20089);
    expect(fromDayNumber(-1)).toBe("1969-12-31");
    expect(fromDayNumber(20089)).toBe("2025-01-01");
    expect(fromDayNumber(toDayNumber("0001-01-01"))).toBe("0001-01-01");
    expect(fromDayNumber(toDayNumber("9999-12-31"))).toBe("9999-12-31");
  });

  it("compares and picks the earliest and latest", () => {
    expect(compare("2013-07-10", "2013-07-11")).toBe(-1);
    expect(compare("2013-07-10", "2013-07-10")).toBe(0);
    expect(compare("2014-01-01", "2013-12-31")).toBe(1);
    expect(["2013-07-10", "2012-12-31", "2013-01-01"].sort(compare)).toEqual([
      "2012-12-31",
      "2013-01-01",
      "2013-07-10",
    ]);
    expect(min("2013-07-10", "2012-12-31", "2013-01-01")).toBe("2012-12-31");
    expect(max("2013-07-10", "2012-12-31", "2013-01-01")).toBe("2013-07-10");
    expect(min("2013-07-10")).toBe("2013-07-10");
  });
});

describe("instants and Tokyo days", () => {
  it("takes the Tokyo calendar day of an instant", () => {
    expect(tokyoDateOf(new Date("2013-07-09T15:00:00Z"))).toBe("2013-07-10");
    expect(tokyoDateOf(new Date("2013-07-09T14:59:59.999Z"))).toBe("2013-07-09");
    expect(tokyoDateOf(new Date("2013-07-10T00:00:00Z"))).toBe("2013-07-10");
    expect(tokyoDateOf(new Date("2013-07-10T14:59:59Z"))).toBe("2013-07-10");
    expect(tokyoDateOf(new Date("1969-12-31T15:00:00Z"))).toBe("1970-01-01");
    expect(tokyoDateOf(new Date("1969-12-31T14:00:00Z"))).toBe("1969-12-31");
    expect(() => tokyoDateOf(new Date(Number.NaN))).toThrow(RangeError);
  });

  it("gives Tokyo wall-clock hour and minute", () => {
    expect(instantToTokyoParts(new Date("2025-07-10T00:30:00Z"))).toEqual({
      date: "2025-07-10",
      hour: 9,
      minute: 30,
    });
    expect(instantToTokyoParts(new Date("2025-03-31T14:59:00Z"))).toEqual({
      date: "2025-03-31",
      hour: 23,
      minute: 59,
    });
    expect(instantToTokyoParts(new Date("1969-12-31T23:45:00Z"))).toEqual({
      date: "1970-01-01",
      hour: 8,
      minute: 45,
    });
  });

  it("builds the instant of Tokyo midnight or a wall-clock time", () => {
    expect(tokyoInstant("2013-07-10").toISOString()).toBe("2013-07-09T15:00:00.000Z");
    expect(tokyoInstant("2025-07-10", 9, 30).toISOString()).toBe("2025-07-10T00:30:00.000Z");
  });

  it("recognises Dates, including ones from another realm, and rejects Invalid Date", () => {
    expect(isDateValue(new Date())).toBe(true);
    const foreign: unknown = runInNewContext("new Date(Date.UTC(2013, 6, 9, 15))");
    expect(foreign instanceof Date).toBe(false);
    expect(isDateValue(foreign)).toBe(true);
    if (isDateValue(foreign)) expect(tokyoDateOf(foreign)).toBe("2013-07-10");
    expect(isDateValue(new Date("not a date"))).toBe(false);
    expect(isDateValue(runInNewContext("new Date(NaN)"))).toBe(false);
    expect(isDateValue("2013-07-10")).toBe(false);
    expect(isDateValue(41465)).toBe(false);
    expect(isDateValue(null)).toBe(false);
    expect(isDateValue({ [Symbol.toStringTag]: "Date", getTime: () => 0 })).toBe(false);
  });
});
