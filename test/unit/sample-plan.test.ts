import { describe, expect, it } from "vitest";
import { DEMO_FY, DEMO_TODAY, FUJIEDA_DEMO, FUJIEDA_PLAN } from "../../sheets-templates";
import { periodsOf } from "../../src/domain/calendar";
import { planYears } from "../../src/domain/template";
import { demoRegistry } from "./reminders/support";

const SAMPLE = /^（サンプル）/;

describe("the sample plan (sheets-templates/sample-plan.json + demo-progress.json)", () => {
  const registry = demoRegistry();

  it("gives every 柱 a 到達目標, marked （サンプル）, and keeps 柱名 and 戦略 verbatim", () => {
    expect(registry.pillars).toHaveLength(6);
    for (const p of registry.pillars) expect(p.goal, p.pillarId).toMatch(SAMPLE);
    expect(registry.pillars.map((p) => [p.name, p.strategy])).toEqual(
      FUJIEDA_PLAN.pillars.map((p) => [p.name, p.strategy]),
    );
    expect(registry.measures.map((m) => m.content)).toEqual(
      FUJIEDA_PLAN.measures.map((m) => m.content),
    );
  });

  it("gives every 取組 a sample 指標 with 単位, 方向, 基準値, 基準年度 and 最終目標値", () => {
    expect(registry.measures).toHaveLength(14);
    for (const m of registry.measures) {
      expect(m.indicator, m.measureId).toMatch(SAMPLE);
      expect(m.unit, m.measureId).not.toBe("");
      expect(m.direction, m.measureId).not.toBeNull();
      expect(m.baseline, m.measureId).toEqual(expect.any(Number));
      expect(m.baselineFy, m.measureId).toBe(2011);
      expect(m.finalTarget, m.measureId).toEqual(expect.any(Number));
    }
    expect(new Set(registry.measures.map((m) => m.direction))).toEqual(new Set(["増加", "減少"]));
  });

  it("has a 年度目標 with 取組目標 and 目標値 per 取組 and plan year, moving toward 最終目標値", () => {
    const years = planYears(registry.settings);
    expect(years).toEqual([2012, 2013, 2014]);
    for (const m of registry.measures) {
      const targets = years.map((fy) =>
        registry.targets.find((t) => t.measureId === m.measureId && t.fy === fy),
      );
      for (const t of targets) {
        expect(t?.targetText, m.measureId).toMatch(SAMPLE);
        expect(t?.targetValue, m.measureId).toEqual(expect.any(Number));
      }
      const values = targets.map((t) => t?.targetValue ?? Number.NaN);
      expect(values.at(-1), m.measureId).toBe(m.finalTarget);
      const sorted = [...values].sort((a, b) => (m.direction === "減少" ? b - a : a - b));
      expect(values, m.measureId).toEqual(sorted);
    }
  });

  it("reports 実績値 quarterly, with distinct sample texts, and leaves 5-1 and 6-2 owing 第2四半期", () => {
    const [q1, q2] = periodsOf(DEMO_FY, "四半期");
    const of = (index: number | undefined) =>
      registry.progress.filter((r) => r.fy === DEMO_FY && r.period === index);
    expect(of(q1?.index)).toHaveLength(14);
    expect(
      of(q2?.index)
        .map((r) => r.measureId)
        .sort(),
    ).toEqual(
      registry.measures
        .map((m) => m.measureId)
        .filter((id) => id !== "5-1" && id !== "6-2")
        .sort(),
    );
    for (const r of registry.progress) {
      expect(r.actual, `${r.measureId} Q${r.period}`).toEqual(expect.any(Number));
      for (const text of [r.done, r.issues, r.next]) expect(text).toMatch(SAMPLE);
    }
    expect(new Set(registry.progress.map((r) => r.done)).size).toBe(registry.progress.length);
  });

  it("is seen on a day after the 第2四半期 deadline, with some reports sent in late", () => {
    expect(DEMO_TODAY > "2012-10-15").toBe(true);
    const late = registry.progress.filter(
      (r) => r.reportedOn !== null && r.reportedOn > (r.period === 1 ? "2012-07-13" : "2012-10-15"),
    );
    expect(late.map((r) => `${r.measureId} Q${r.period}`).sort()).toEqual([
      "3-1 Q1",
      "3-1 Q2",
      "4-1 Q1",
      "4-1 Q2",
    ]);
    for (const r of registry.progress)
      expect(r.reportedOn && r.reportedOn <= DEMO_TODAY).toBe(true);
  });

  it("carries the issuing division of the seed and the default 評価基準", () => {
    expect(registry.settings.issuingDivision).toBe("企画政策課");
    expect(registry.settings.gradeRules.map((r) => [r.code, r.min])).toEqual([
      ["A", 100],
      ["B", 80],
      ["C", 50],
      ["D", null],
    ]);
    expect(FUJIEDA_DEMO.settings).toEqual(FUJIEDA_PLAN.settings);
  });
});
