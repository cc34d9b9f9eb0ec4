import { describe, expect, it } from "vitest";
import { createBusinessCalendar } from "../../../src/domain/calendar";

const cal = createBusinessCalendar();

describe("closed days", () => {
  it("covers 年末年始 2024-12-28 (Sat) to 2025-01-05 (Sun) with the right reasons", () => {
    const reasons = [
      "2024-12-27",
      "2024-12-28",
      "2024-12-29",
      "2024-12-30",
      "2024-12-31",
      "2025-01-01",
      "2025-01-02",
      "2025-01-03",
      "2025-01-04",
      "2025-01-05",
      "2025-01-06",
    ].map((d) => [d, cal.closedReason(d)?.kind, cal.closedReason(d)?.name]);
    expect(reasons).toEqual([
      ["2024-12-27", undefined, undefined],
      ["2024-12-28", "weekend", "土曜日"],
      ["2024-12-29", "yearEnd", "年末年始"],
      ["2024-12-30", "yearEnd", "年末年始"],
      ["2024-12-31", "yearEnd", "年末年始"],
      ["2025-01-01", "holiday", "元日"],
      ["2025-01-02", "yearEnd", "年末年始"],
      ["2025-01-03", "yearEnd", "年末年始"],
      ["2025-01-04", "weekend", "土曜日"],
      ["2025-01-05", "weekend", "日曜日"],
      ["2025-01-06", undefined, undefined],
    ]);
    expect(cal.closedReason("2024-12-30")).toEqual({
      kind: "yearEnd",
      name: "年末年始",
      nameEn: "Year-end holidays",
    });
  });

  it("names holidays, 振替休日 and 国民の休日 from the holiday data", () => {
    expect(cal.closedReason("2021-08-09")).toEqual({
      kind: "holiday",
      name: "振替休日",
      nameEn: "Substitute Holiday",
    });
    expect(cal.closedReason("2015-09-22")).toMatchObject({ kind: "holiday", name: "国民の休日" });
    expect(cal.closedReason("2019-05-01")).toMatchObject({ kind: "holiday", name: "即位の日" });
    // A holiday on a Sunday is reported as the holiday.
    expect(cal.closedReason("2021-08-08")).toMatchObject({ kind: "holiday", name: "山の日" });
    expect(cal.isBusinessDay("2025-07-10")).toBe(true);
    expect(cal.isBusinessDay("2025-05-06")).toBe(false);
  });

  it("puts a 閉庁日 before every other reason", () => {
    const c = createBusinessCalendar([
      { date: "2025-07-10", name: "庁舎停電" },
      { date: "2025-01-01", name: "システム更新" },
      { date: "2025-07-10", name: "duplicate" },
      { date: "2025-08-14", name: " " },
      { date: "2025/08/15", name: "bad date" },
    ]);
    expect(c.closedReason("2025-07-10")).toEqual({
      kind: "closure",
      name: "庁舎停電",
      nameEn: "庁舎停電",
    });
    expect(c.closedReason("2025-01-01")).toMatchObject({ kind: "closure", name: "システム更新" });
    expect(c.closedReason("2025-08-14")).toEqual({
      kind: "closure",
      name: "閉庁日",
      nameEn: "Office closed",
    });
    expect(c.isBusinessDay("2025-08-15")).toBe(true);
    // the default calendar is unaffected
    expect(cal.isBusinessDay("2025-07-10")).toBe(true);
  });
});

describe("business-day arithmetic", () => {
  it("jumps over 年末年始", () => {
    expect(cal.addBusinessDays("2024-12-27", 1)).toBe("2025-01-06");
    expect(cal.addBusinessDays("2025-01-06", -1)).toBe("2024-12-27");
    expect(cal.addBusinessDays("2024-12-27", 2)).toBe("2025-01-07");
    expect(cal.nextBusinessDay("2024-12-27")).toBe("2025-01-06");
    expect(cal.nextBusinessDay("2024-12-31")).toBe("2025-01-06");
    expect(cal.previousBusinessDay("2025-01-06")).toBe("2024-12-27");
    expect(cal.previousBusinessDay("2025-01-01")).toBe("2024-12-27");
  });

  it("with n = 0 keeps an open day and moves a closed one forward", () => {
    expect(cal.addBusinessDays("2024-12-27", 0)).toBe("2024-12-27");
    expect(cal.addBusinessDays("2024-12-28", 0)).toBe("2025-01-06");
    expect(cal.addBusinessDays("2025-05-03", 0)).toBe("2025-05-07");
  });

  it("jumps over Golden Week and Silver Week", () => {
    expect(cal.addBusinessDays("2019-04-26", 1)).toBe("2019-05-07");
    expect(cal.addBusinessDays("2025-05-02", 1)).toBe("2025-05-07");
    expect(cal.addBusinessDays("2026-05-01", 1)).toBe("2026-05-07");
    expect(cal.addBusinessDays("2015-09-18", 1)).toBe("2015-09-24");
    expect(cal.addBusinessDays("2025-05-07", -1)).toBe("2025-05-02");
  });

  it("counts business days after a up to and including b", () => {
    expect(cal.businessDaysBetween("2024-12-27", "2025-01-06")).toBe(1);
    expect(cal.businessDaysBetween("2025-01-06", "2024-12-27")).toBe(-1);
    expect(cal.businessDaysBetween("2025-01-06", "2025-01-06")).toBe(0);
    expect(cal.businessDaysBetween("2024-12-27", "2025-01-05")).toBe(0);
    expect(cal.businessDaysBetween("2025-06-30", "2025-07-14")).toBe(10);
    expect(cal.businessDaysBetween("2025-03-31", "2026-03-31")).toBe(242);
  });

  it("refuses a fractional number of days", () => {
    expect(() => cal.addBusinessDays("2025-07-10", 1.5)).toThrow(RangeError);
  });
});

describe("closedDaysOfFiscalYear", () => {
  it("has 18 holidays, 5 year-end days and 100 other weekend days in FY2025", () => {
    const days = cal.closedDaysOfFiscalYear(2025);
    const count = (kind: string) => days.filter((d) => d.kind === kind).length;
    expect(count("holiday")).toBe(18);
    expect(count("yearEnd")).toBe(5);
    expect(count("weekend")).toBe(100);
    expect(count("closure")).toBe(0);
    expect(days).toHaveLength(123);
    expect(days[0]).toEqual({
      date: "2025-04-05",
      kind: "weekend",
      name: "土曜日",
      nameEn: "Saturday",
    });
    expect(days.at(-1)?.date).toBe("2026-03-29");
    expect(days.filter((d) => d.kind === "yearEnd").map((d) => d.date)).toEqual([
      "2025-12-29",
      "2025-12-30",
      "2025-12-31",
      "2026-01-02",
      "2026-01-03",
    ]);
  });

  it("includes the office's 閉庁日", () => {
    const days = createBusinessCalendar([
      { date: "2025-08-13", name: "庁舎点検" },
      { date: "2025-03-31", name: "前年度" },
    ]).closedDaysOfFiscalYear(2025);
    expect(days.filter((d) => d.kind === "closure")).toEqual([
      { date: "2025-08-13", kind: "closure", name: "庁舎点検", nameEn: "庁舎点検" },
    ]);
    expect(days).toHaveLength(124);
  });
});
