/**
 * The calendar must give the same answers whatever the host time zone: GAS runs in the
 * script's zone, Node in whatever TZ the machine has. Node re-reads process.env.TZ on
 * assignment, so one process can try several zones.
 */
import { afterEach, describe, expect, it } from "vitest";
import {
  addDays,
  createBusinessCalendar,
  dayOfWeek,
  dueDateOfPeriod,
  fiscalYearOf,
  formatFiscalYear,
  formatJapaneseDate,
  instantToTokyoParts,
  parseDate,
  parseFiscalYear,
  periodContaining,
  periodsOf,
  tokyoDateOf,
  tokyoInstant,
} from "../../../src/domain/calendar";

function battery(): unknown {
  const cal = createBusinessCalendar([{ date: "2025-07-10", name: "庁舎停電" }]);
  const q1 = periodsOf(2025, "四半期")[0];
  return {
    tokyoMidnight: tokyoDateOf(new Date("2013-07-09T15:00:00Z")),
    utcMidnight: tokyoDateOf(new Date("2013-07-10T00:00:00Z")),
    lateUtc: tokyoDateOf(new Date("2013-07-10T14:59:59Z")),
    parts: instantToTokyoParts(new Date("2025-03-31T15:30:00Z")),
    instant: tokyoInstant("2025-04-01").toISOString(),
    parsedTokyoCell: parseDate(new Date("2013-07-09T15:00:00Z")),
    parsedXlsxCell: parseDate(new Date("2013-07-10T00:00:00Z")),
    // the moment LA changes to DST, and the hour Tokyo midnight falls on a UTC day boundary
    dstDay: parseDate(new Date("2025-03-09T10:00:00Z")),
    serial: parseDate(41465),
    text: [parseDate("令和7年7月10日"), parseDate("2013/7/10"), parseFiscalYear("H24")],
    weekdays: ["2024-12-28", "2025-03-09", "2025-11-02", "2025-07-10"].map(dayOfWeek),
    addDays: [addDays("2025-03-08", 1), addDays("2025-11-01", 1), addDays("2024-02-28", 1)],
    fy: [fiscalYearOf("2025-03-31"), fiscalYearOf("2025-04-01")],
    labels: [
      formatFiscalYear(2019, "ja"),
      formatJapaneseDate("2019-05-01", "ja", { weekday: true }),
    ],
    period: periodContaining("2025-06-30", "四半期").key,
    yearEnd: cal.addBusinessDays("2024-12-27", 1),
    due: q1 ? dueDateOfPeriod(q1, 10, cal) : null,
    closedFy2025: cal.closedDaysOfFiscalYear(2025).length,
    between: cal.businessDaysBetween("2025-03-31", "2026-03-31"),
  };
}

const original = process.env.TZ;

afterEach(() => {
  if (original === undefined) delete process.env.TZ;
  else process.env.TZ = original;
});

describe("host time zone independence", () => {
  it("gives identical results in UTC, America/Los_Angeles and Asia/Tokyo", () => {
    const results: Record<string, unknown> = {};
    const offsets: Record<string, number> = {};
    for (const tz of ["UTC", "America/Los_Angeles", "Asia/Tokyo"]) {
      process.env.TZ = tz;
      // local-time methods really do change with TZ: otherwise this test would prove nothing
      offsets[tz] = new Date(Date.UTC(2025, 0, 1)).getTimezoneOffset();
      results[tz] = battery();
    }
    expect(offsets).toEqual({ UTC: 0, "America/Los_Angeles": 480, "Asia/Tokyo": -540 });
    expect(results["America/Los_Angeles"]).toEqual(results.UTC);
    expect(results["Asia/Tokyo"]).toEqual(results.UTC);
    expect(results.UTC).toMatchObject({
      tokyoMidnight: "2013-07-10",
      utcMidnight: "2013-07-10",
      lateUtc: "2013-07-10",
      parts: { date: "2025-04-01", hour: 0, minute: 30 },
      instant: "2025-03-31T15:00:00.000Z",
      dstDay: { ok: true, date: "2025-03-09" },
      weekdays: [6, 0, 0, 4],
      addDays: ["2025-03-09", "2025-11-02", "2024-02-29"],
      yearEnd: "2025-01-06",
      due: "2025-07-15",
      closedFy2025: 124,
      between: 241,
    });
  });
});
