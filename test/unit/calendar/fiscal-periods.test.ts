import { describe, expect, it } from "vitest";
import {
  fiscalYearEnd,
  fiscalYearOf,
  fiscalYearStart,
  parsePeriod,
  periodContaining,
  periodLabels,
  periodOf,
  periodsOf,
} from "../../../src/domain/calendar";

describe("fiscal years", () => {
  it("start on 1 April", () => {
    expect(fiscalYearOf("2013-03-31")).toBe(2012);
    expect(fiscalYearOf("2013-04-01")).toBe(2013);
    expect(fiscalYearOf("2013-01-01")).toBe(2012);
    expect(fiscalYearOf("2012-12-31")).toBe(2012);
    expect(fiscalYearStart(2012)).toBe("2012-04-01");
    expect(fiscalYearEnd(2012)).toBe("2013-03-31");
    expect(fiscalYearEnd(2019)).toBe("2020-03-31");
  });
});

describe("periods", () => {
  it("splits FY2012 into quarters", () => {
    expect(
      periodsOf(2012, "四半期").map((p) => [p.index, p.key, p.labelJa, p.labelEn, p.start, p.end]),
    ).toEqual([
      [1, "Q1", "第1四半期", "Q1", "2012-04-01", "2012-06-30"],
      [2, "Q2", "第2四半期", "Q2", "2012-07-01", "2012-09-30"],
      [3, "Q3", "第3四半期", "Q3", "2012-10-01", "2012-12-31"],
      [4, "Q4", "第4四半期", "Q4", "2013-01-01", "2013-03-31"],
    ]);
    expect(periodsOf(2012, "四半期").every((p) => p.fy === 2012)).toBe(true);
  });

  it("splits FY2012 into halves", () => {
    expect(
      periodsOf(2012, "半期").map((p) => [p.index, p.key, p.labelJa, p.labelEn, p.start, p.end]),
    ).toEqual([
      [1, "H1", "上期", "H1", "2012-04-01", "2012-09-30"],
      [2, "H2", "下期", "H2", "2012-10-01", "2013-03-31"],
    ]);
  });

  it("has one full-year period", () => {
    expect(periodsOf(2012, "年度")).toEqual([
      {
        cycle: "年度",
        fy: 2012,
        index: 1,
        key: "FY",
        labelJa: "通期",
        labelEn: "Full year",
        start: "2012-04-01",
        end: "2013-03-31",
      },
    ]);
  });

  it("finds a period by index", () => {
    expect(periodOf(2025, "四半期", 1)).toMatchObject({ start: "2025-04-01", end: "2025-06-30" });
    expect(periodOf(2023, "四半期", 4)).toMatchObject({ start: "2024-01-01", end: "2024-03-31" });
    expect(periodOf(2025, "半期", 3)).toBeUndefined();
    expect(periodOf(2025, "四半期", 0)).toBeUndefined();
  });

  it("finds the period containing a date", () => {
    expect(periodContaining("2013-03-31", "四半期")).toMatchObject({ fy: 2012, key: "Q4" });
    expect(periodContaining("2013-04-01", "四半期")).toMatchObject({ fy: 2013, key: "Q1" });
    expect(periodContaining("2012-07-01", "四半期")).toMatchObject({ fy: 2012, key: "Q2" });
    expect(periodContaining("2012-12-31", "四半期")).toMatchObject({ fy: 2012, key: "Q3" });
    expect(periodContaining("2012-09-30", "半期")).toMatchObject({ fy: 2012, key: "H1" });
    expect(periodContaining("2012-10-01", "半期")).toMatchObject({ fy: 2012, key: "H2" });
    expect(periodContaining("2013-02-01", "年度")).toMatchObject({ fy: 2012, key: "FY" });
  });

  it("labels periods for dropdowns", () => {
    expect(periodLabels("四半期", "ja")).toEqual([
      "第1四半期",
      "第2四半期",
      "第3四半期",
      "第4四半期",
    ]);
    expect(periodLabels("四半期", "en")).toEqual(["Q1", "Q2", "Q3", "Q4"]);
    expect(periodLabels("半期", "ja")).toEqual(["上期", "下期"]);
    expect(periodLabels("半期", "en")).toEqual(["H1", "H2"]);
    expect(periodLabels("年度", "ja")).toEqual(["通期"]);
    expect(periodLabels("年度", "en")).toEqual(["Full year"]);
  });
});

describe("parsePeriod", () => {
  it.each([
    ["第1四半期", 1, false],
    ["第１四半期", 1, true],
    ["第2四半期", 2, false],
    [" 第3四半期 ", 3, true],
    ["Q1", 1, true],
    ["q2", 2, true],
    ["Ｑ３", 3, true],
    ["3Q", 3, true],
    ["4", 4, true],
    ["４", 4, true],
    [4, 4, true],
    ["第4期", 4, true],
    ["1期", 1, true],
  ])("quarterly: %j is period %i", (input, index, normalised) => {
    expect(parsePeriod(input, "四半期")).toMatchObject({
      ok: true,
      period: { cycle: "四半期", index, key: `Q${index}`, labelJa: `第${index}四半期` },
      normalised,
    });
  });

  it.each([
    ["上期", "H1", false],
    ["下期", "H2", false],
    ["上半期", "H1", true],
    ["下半期", "H2", true],
    ["前期", "H1", true],
    ["後期", "H2", true],
    ["H1", "H1", true],
    ["h2", "H2", true],
    [1, "H1", true],
    ["２", "H2", true],
  ])("half-yearly: %j is %s", (input, key, normalised) => {
    expect(parsePeriod(input, "半期")).toMatchObject({ ok: true, period: { key }, normalised });
  });

  it.each([
    ["通期", false],
    ["Full year", true],
    ["FY", true],
    ["年間", true],
    [1, true],
    ["1", true],
  ])("yearly: %j is the full year", (input, normalised) => {
    expect(parsePeriod(input, "年度")).toMatchObject({
      ok: true,
      period: { key: "FY", index: 1 },
      normalised,
    });
  });

  it.each([
    [null, "四半期", "empty"],
    ["", "四半期", "empty"],
    ["   ", "半期", "empty"],
    ["foo", "四半期", "invalid"],
    [1.5, "四半期", "invalid"],
    [true, "四半期", "invalid"],
    [5, "四半期", "out-of-range"],
    [0, "四半期", "out-of-range"],
    ["第5四半期", "四半期", "invalid"],
    [3, "半期", "out-of-range"],
    ["3", "半期", "out-of-range"],
    [2, "年度", "out-of-range"],
    ["Q1", "半期", "wrong-cycle"],
    ["上期", "四半期", "wrong-cycle"],
    ["第1四半期", "年度", "wrong-cycle"],
  ] as const)("rejects %j for %s (%s)", (input, cycle, reason) => {
    expect(parsePeriod(input, cycle)).toEqual({ ok: false, reason });
  });
});
