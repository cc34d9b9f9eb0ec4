import { describe, expect, it } from "vitest";
import { createBusinessCalendar } from "../../../src/domain/calendar";
import { compareIds, owedItems, reportingWindows, stageOf } from "../../../src/domain/reminders";
import { appendRow, demoRegistry, demoSheets, registryOf, setSetting, setStatus } from "./support";

const cal = createBusinessCalendar();
const ids = (items: readonly { measureId: string }[]) => items.map((i) => i.measureId);

describe("reportingWindows", () => {
  it("gives each quarter of the plan years its due date and pre-notice day", () => {
    const windows = reportingWindows(demoRegistry(), cal);
    expect(windows).toHaveLength(12); // FY2012-FY2014 x 4
    // Q1 FY2012 ends Sat 2012-06-30; 10 business days on is Fri 07-13 (海の日 is 07-16).
    expect(windows[0]).toMatchObject({ dueDate: "2012-07-13", openFrom: "2012-07-10" });
    // Q2 ends Sun 09-30; 体育の日 Mon 10-08 is skipped: due Mon 10-15, pre-notice Wed 10-10.
    expect(windows[1]).toMatchObject({ dueDate: "2012-10-15", openFrom: "2012-10-10" });
    // Q3 ends 12-31; 年末年始 to 01-03 and 成人の日 01-14 skipped: due Fri 2013-01-18.
    expect(windows[2]).toMatchObject({ dueDate: "2013-01-18", openFrom: "2013-01-15" });
    expect(windows.at(-1)?.period).toMatchObject({ fy: 2014, index: 4, end: "2015-03-31" });
  });
});

describe("owedItems", () => {
  it("owes nothing before the pre-notice day of the open period", () => {
    const registry = demoRegistry();
    expect(owedItems(registry, "2012-04-02", cal)).toEqual([]);
    // Q1 is all 確認済 in the demo; Q2's window opens on 10-10.
    expect(owedItems(registry, "2012-07-20", cal)).toEqual([]);
    expect(owedItems(registry, "2012-10-09", cal)).toEqual([]);
  });

  it("lists each unreported 取組 of the open period with its due date and business days left", () => {
    const items = owedItems(demoRegistry(), "2012-10-10", cal);
    // The demo leaves 5-1 (広報課) and 6-2 (人事課) unreported for Q2.
    expect(items).toEqual([
      {
        measureId: "5-1",
        content: "職員と市民の相互理解を深め、効果的な市政情報の発信方法を研究(広報監による研究会)",
        pillarId: "柱-5",
        division: "広報課",
        fy: 2012,
        periodIndex: 2,
        periodKey: "Q2",
        periodLabel: { ja: "平成24年度 第2四半期", en: "FY2012 Q2" },
        dueDate: "2012-10-15",
        openFrom: "2012-10-10",
        businessDaysLeft: 3,
        status: "未提出",
        stage: "事前通知",
      },
      expect.objectContaining({
        measureId: "6-2",
        division: "人事課",
        pillarId: "柱-6",
        dueDate: "2012-10-15",
        businessDaysLeft: 3,
        status: "未提出",
      }),
    ]);
  });

  it("counts business days left down to 0 on the due date and negative when overdue", () => {
    const registry = demoRegistry();
    const left = (today: string) => owedItems(registry, today, cal)[0]?.businessDaysLeft;
    expect(left("2012-10-12")).toBe(1);
    expect(left("2012-10-13")).toBe(1); // a Saturday: the next business day counts
    expect(left("2012-10-15")).toBe(0);
    expect(left("2012-10-18")).toBe(-3);
    expect(owedItems(registry, "2012-10-18", cal)[0]?.stage).toBe("督促");
    expect(left("2012-10-29")).toBe(-10);
    expect(owedItems(registry, "2012-10-29", cal)[0]?.stage).toBe("エスカレーション");
  });

  it("does not owe 提出済 or 確認済 reports, and owes 差戻し and 未提出 ones", () => {
    const sheets = demoSheets();
    setStatus(sheets, "1-1", "第2四半期", "差戻し");
    setStatus(sheets, "1-2", "第2四半期", "未提出");
    setStatus(sheets, "1-3", "第2四半期", "");
    appendRow(sheets, "progress", { measureId: "6-2", fy: 2012, period: 2, status: "提出済" });
    const items = owedItems(registryOf(sheets), "2012-10-15", cal);
    expect(items.map((i) => [i.measureId, i.status])).toEqual([
      ["1-1", "差戻し"],
      ["1-2", "未提出"],
      ["1-3", "未提出"], // an empty status reads as 未提出
      ["5-1", "未提出"],
    ]);
  });

  it("keeps an unreported period owed after the next period opens, sorted by due date", () => {
    const items = owedItems(demoRegistry(), "2013-01-15", cal);
    expect(items.slice(0, 2).map((i) => [i.measureId, i.periodKey, i.businessDaysLeft])).toEqual([
      ["5-1", "Q2", -59],
      ["6-2", "Q2", -59],
    ]);
    expect(ids(items.filter((i) => i.periodKey === "Q3"))).toEqual([
      "1-1",
      "1-2",
      "1-3",
      "2-1",
      "2-2",
      "3-1",
      "3-2",
      "4-1",
      "4-2",
      "4-3",
      "5-1",
      "5-2",
      "6-1",
      "6-2",
    ]);
  });

  it("owes only periods of the plan years", () => {
    const registry = demoRegistry();
    // FY2015 Q1 would be due in July 2015, but the plan ends with FY2014.
    const items = owedItems(registry, "2015-07-21", cal);
    expect(items.length).toBeGreaterThan(0);
    expect(Math.max(...items.map((i) => i.fy))).toBe(2014);
    const sheets = demoSheets();
    setSetting(sheets, "開始年度", "2013");
    expect(owedItems(registryOf(sheets), "2012-10-15", cal)).toEqual([]);
  });

  it("moves the due date with a 閉庁日 in the registry's calendar", () => {
    const sheets = demoSheets();
    appendRow(sheets, "closures", { date: "2012-10-15", name: "庁舎設備点検" });
    const reg = registryOf(sheets);
    expect(owedItems(reg, "2012-10-15")[0]?.dueDate).toBe("2012-10-16");
    expect(owedItems(reg, "2012-10-15", cal)[0]?.dueDate).toBe("2012-10-15");
  });

  it("follows the reporting cycle: 半期", () => {
    const sheets = demoSheets();
    setSetting(sheets, "報告周期", "半期");
    // The demo's rows name quarters, which a 半期 plan cannot read: all 14 上期 reports owed.
    const items = owedItems(registryOf(sheets), "2012-10-10", cal);
    expect(items).toHaveLength(14);
    expect(items[0]).toMatchObject({
      periodKey: "H1",
      periodLabel: { ja: "平成24年度 上期", en: "FY2012 H1" },
      dueDate: "2012-10-15",
    });
  });

  it("ignores a 取組 without ID and reads a duplicated 取組ID once", () => {
    const sheets = demoSheets();
    appendRow(sheets, "measures", {
      measureId: "",
      pillarId: "柱-1",
      content: "x",
      lead: "人事課",
    });
    appendRow(sheets, "measures", {
      measureId: "6-2",
      pillarId: "柱-6",
      content: "y",
      lead: "財政課",
    });
    const items = owedItems(registryOf(sheets), "2012-10-10", cal);
    expect(items.map((i) => [i.measureId, i.division])).toEqual([
      ["5-1", "広報課"],
      ["6-2", "人事課"],
    ]);
  });
});

describe("helpers", () => {
  it("stageOf", () => {
    expect(stageOf(2, 10)).toBe("事前通知");
    expect(stageOf(0, 10)).toBe("期限当日");
    expect(stageOf(-9, 10)).toBe("督促");
    expect(stageOf(-10, 10)).toBe("エスカレーション");
  });

  it("compareIds sorts numbers as numbers", () => {
    expect(["1-10", "2-1", "1-2", "1-1"].sort(compareIds)).toEqual(["1-1", "1-2", "1-10", "2-1"]);
  });
});
