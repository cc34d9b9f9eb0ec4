import { describe, expect, it } from "vitest";
import { FUJIEDA_DEMO } from "../../sheets-templates";
import { buildDashboard, dashboardRows, reportingPeriod } from "../../src/domain/dashboard";
import { parseRegistry } from "../../src/domain/registry";
import { SHEETS } from "../../src/domain/schema";
import { templateRows } from "../../src/domain/template";

const demo = () =>
  parseRegistry(
    SHEETS.map((def) => ({
      name: def.ja,
      values: [def.columns.map((c) => c.ja), ...templateRows(def, FUJIEDA_DEMO)],
    })),
  ).registry;

describe("ダッシュボード", () => {
  it("reports on the latest period that has ended", () => {
    const r = demo();
    expect(reportingPeriod(r, "2012-10-20")).toMatchObject({
      fy: 2012,
      index: 2,
      labelJa: "第2四半期",
    });
    expect(reportingPeriod(r, "2012-09-30")).toMatchObject({ fy: 2012, index: 1 });
    expect(reportingPeriod(r, "2012-05-01")).toMatchObject({ fy: 2012, index: 1 });
    expect(reportingPeriod(r, "2016-01-01")).toMatchObject({ fy: 2014, index: 4 });
  });

  it("counts the demo's second quarter: 12 of 14 submitted, grades per 評価区分 order", () => {
    const d = buildDashboard(demo(), "2012-10-20");
    expect(d.dueDate).toBe("2012-10-15");
    expect(d.lines.at(-1)).toEqual({
      scope: "合計",
      name: "全体",
      due: 14,
      submitted: 12,
      confirmed: 5,
      grades: "A:5 B:5 C:2",
    });
    expect(d.lines.find((l) => l.name.startsWith("柱-5"))).toMatchObject({ due: 2, submitted: 1 });
    expect(d.lines.find((l) => l.name === "広報課")).toMatchObject({
      scope: "所属",
      due: 2,
      submitted: 1,
    });
  });

  it("renders a heading row naming the period in 和暦", () => {
    const rows = dashboardRows(buildDashboard(demo(), "2012-10-20"), "2012-10-20 09:00");
    expect(rows[0]).toEqual([
      "対象",
      "平成24年度 第2四半期（提出期限 2012-10-15）",
      "",
      "",
      "",
      "更新 2012-10-20 09:00",
    ]);
    expect(rows).toHaveLength(1 + 6 + 5 + 1);
  });
});
