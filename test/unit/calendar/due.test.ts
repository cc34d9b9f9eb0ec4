import { describe, expect, it } from "vitest";
import { createBusinessCalendar, dueDateOfPeriod, periodOf } from "../../../src/domain/calendar";

const cal = createBusinessCalendar();
const q = (fy: number, i: number) => {
  const p = periodOf(fy, "四半期", i);
  if (!p) throw new Error("no such period");
  return p;
};

describe("dueDateOfPeriod", () => {
  it("adds business days to the period end", () => {
    // Q1 FY2025 ends Mon 2025-06-30; 10 business days later is Mon 2025-07-14.
    expect(q(2025, 1).end).toBe("2025-06-30");
    expect(dueDateOfPeriod(q(2025, 1), 10, cal)).toBe("2025-07-14");
    // Q2 ends Tue 2025-09-30; スポーツの日 (Mon 2025-10-13) is skipped.
    expect(dueDateOfPeriod(q(2025, 2), 10, cal)).toBe("2025-10-15");
    // Q4 ends Tue 2026-03-31.
    expect(dueDateOfPeriod(q(2025, 4), 10, cal)).toBe("2026-04-14");
    // Q4 FY2018 ends Sun 2019-03-31: the 20th business day is Fri 2019-04-26, the 21st comes
    // after the ten-day Golden Week of 2019 (04-27 to 05-06).
    expect(dueDateOfPeriod(q(2018, 4), 20, cal)).toBe("2019-04-26");
    expect(dueDateOfPeriod(q(2018, 4), 21, cal)).toBe("2019-05-07");
  });

  it("with N = 0 is the end itself, or the next business day", () => {
    expect(dueDateOfPeriod(q(2025, 1), 0, cal)).toBe("2025-06-30");
    expect(dueDateOfPeriod(q(2024, 3), 0, cal)).toBe("2025-01-06");
    expect(dueDateOfPeriod(periodOf(2025, "年度", 1) ?? q(2025, 4), 0, cal)).toBe("2026-03-31");
  });

  it("moves with a 閉庁日", () => {
    const withClosure = createBusinessCalendar([{ date: "2025-07-10", name: "庁舎停電" }]);
    expect(dueDateOfPeriod(q(2025, 1), 10, withClosure)).toBe("2025-07-15");
    const endClosed = createBusinessCalendar([{ date: "2025-06-30", name: "庁舎点検" }]);
    expect(dueDateOfPeriod(q(2025, 1), 0, endClosed)).toBe("2025-07-01");
  });

  it("works on half-year periods", () => {
    const h1 = periodOf(2025, "半期", 1);
    expect(h1 && dueDateOfPeriod(h1, 5, cal)).toBe("2025-10-07");
  });
});
