import { describe, expect, it } from "vitest";
import {
  achievementRate,
  defaultRules,
  grade,
  gradeOf,
  parseCriteria,
  periodTarget,
} from "../../../src/domain/grading";

const AD = [
  { code: "A", label: "計画以上" },
  { code: "B", label: "計画どおり" },
  { code: "C", label: "やや遅れ" },
  { code: "D", label: "遅れ" },
];
const MARKS = [
  { code: "◎", label: "達成" },
  { code: "○", label: "概ね達成" },
  { code: "△", label: "遅れ" },
  { code: "×", label: "未着手" },
];

describe("achievementRate with a 基準値", () => {
  it("measures 増加 from the baseline", () => {
    // 基準 40, 目標 60, 実績 50: half the way
    expect(achievementRate("増加", 60, 50, 40)).toBe(50);
    expect(achievementRate("増加", 60, 60, 40)).toBe(100);
    expect(achievementRate("増加", 60, 70, 40)).toBe(150);
    expect(achievementRate("増加", 60, 30, 40)).toBe(0); // fell below the baseline
  });
  it("measures 減少 as the share of the planned reduction achieved", () => {
    // 基準 100, 目標 80, 実績 90: half the planned reduction
    expect(achievementRate("減少", 80, 90, 100)).toBe(50);
    expect(achievementRate("減少", 80, 70, 100)).toBe(150);
    expect(achievementRate("減少", 80, 120, 100)).toBe(0);
  });
  it("falls back to the plain ratio when the baseline is not on the near side", () => {
    expect(achievementRate("増加", 60, 30, 60)).toBe(50);
    expect(achievementRate("減少", 20, 25, 10)).toBe(80);
    expect(achievementRate("維持", 80, 72, 50)).toBe(90);
  });
});

describe("grades from thresholds", () => {
  const rules = defaultRules(AD);
  it("defaults to A≥100 B≥80 C≥50 else D", () => {
    expect(rules.thresholds).toEqual([
      { code: "A", minRate: 100 },
      { code: "B", minRate: 80 },
      { code: "C", minRate: 50 },
    ]);
    expect([120, 100, 99.9, 80, 79.9, 50, 49.9, 0].map((r) => gradeOf(r, rules))).toEqual([
      "A",
      "A",
      "B",
      "B",
      "C",
      "C",
      "D",
      "D",
    ]);
    expect(gradeOf(null, rules)).toBeNull();
  });
  it("uses the city's own labels", () => {
    const r = defaultRules(MARKS);
    expect([100, 85, 60, 10].map((x) => gradeOf(x, r))).toEqual(["◎", "○", "△", "×"]);
  });
});

describe("parseCriteria (評価基準)", () => {
  it("reads thresholds written in several ways", () => {
    const r = parseCriteria("A≥110% B>=90 C：60以上", AD);
    expect(r).toEqual({
      ok: true,
      rules: {
        grades: AD,
        thresholds: [
          { code: "A", minRate: 110 },
          { code: "B", minRate: 90 },
          { code: "C", minRate: 60 },
        ],
        prorate: true,
      },
    });
    expect(parseCriteria("A≥100 B≥80 C≥50 按分なし", AD)).toMatchObject({
      ok: true,
      rules: { prorate: false },
    });
    const s = parseCriteria("S≥120%、A≥100%、B≥70% 按分", [
      { code: "S", label: "大幅達成" },
      { code: "A", label: "達成" },
      { code: "B", label: "概ね" },
      { code: "C", label: "未達" },
    ]);
    expect(s.ok && s.rules.prorate).toBe(true);
    expect(s.ok && gradeOf(65, s.rules)).toBe("C");
    expect(parseCriteria("◎≥100 ○≥80 △≥50", MARKS).ok).toBe(true);
  });
  it("refuses bad criteria with a reason", () => {
    expect(parseCriteria("A100", AD)).toEqual({ ok: false, reason: "syntax" });
    expect(parseCriteria("X≥100", AD)).toEqual({ ok: false, reason: "unknown-grade" });
    expect(parseCriteria("A≥80 B≥100", AD)).toEqual({ ok: false, reason: "order" });
    expect(parseCriteria("B≥80 A≥100", AD)).toEqual({ ok: false, reason: "order" });
  });
});

describe("periodTarget (按分)", () => {
  const prorate = { ...defaultRules(AD), prorate: true };
  it("pro-rates a yearly count over the quarters unless the rules say 按分なし", () => {
    expect(periodTarget(100, "増加", prorate, 1, 4)).toEqual({ value: 25, prorated: true });
    expect(periodTarget(100, "増加", prorate, 3, 4)).toEqual({ value: 75, prorated: true });
    expect(periodTarget(100, "増加", prorate, 4, 4)).toEqual({ value: 100, prorated: false });
    expect(periodTarget(100, "増加", { ...prorate, prorate: false }, 1, 4).value).toBe(100);
    expect(periodTarget(80, "増加", prorate, 2, 4, "%").value).toBe(80); // a rate does not add up
    expect(periodTarget(40, "減少", prorate, 2, 4, "件")).toEqual({ value: 20, prorated: true });
    expect(periodTarget(80, "維持", prorate, 1, 4).value).toBe(80);
    expect(periodTarget(100, "増加", prorate, undefined, 4).value).toBe(100);
  });

  it("follows the 取組's 集計方法 over its 単位", () => {
    // a monthly average in 時間 (時点) is compared with the whole year's target
    expect(periodTarget(12, "減少", prorate, 2, 4, "時間", false)).toEqual({
      value: 12,
      prorated: false,
    });
    // the same unit left to the default is taken as a count
    expect(periodTarget(12, "減少", prorate, 2, 4, "時間")).toEqual({ value: 6, prorated: true });
    // a percentage typed as 累計 (a share reached step by step) is pro-rated
    expect(periodTarget(80, "増加", prorate, 2, 4, "%", true)).toEqual({
      value: 40,
      prorated: true,
    });
  });
});

describe("grade", () => {
  const rules = { ...defaultRules(AD), prorate: false };
  const base = {
    unit: "件",
    direction: "増加" as const,
    baseline: null,
    yearTarget: 100,
    actual: 85,
    typedGrade: null,
    period: 2,
    periods: 4,
  };
  it("computes the grade when staff typed none", () => {
    expect(grade({ ...base, period: 4 }, defaultRules(AD))).toMatchObject({
      target: 100,
      rate: 85,
    });
    expect(grade(base, rules)).toMatchObject({
      target: 100,
      rate: 85,
      computed: "B",
      shown: "B",
      disagrees: false,
    });
  });
  it("shows a typed grade that disagrees as such", () => {
    expect(grade({ ...base, typedGrade: "A" }, rules)).toMatchObject({
      computed: "B",
      typed: "A",
      shown: "A",
      disagrees: true,
    });
    expect(grade({ ...base, typedGrade: "B" }, rules).disagrees).toBe(false);
  });
  it("keeps a typed grade without figures, and does not call it a disagreement", () => {
    expect(grade({ ...base, actual: null, typedGrade: "C" }, rules)).toMatchObject({
      rate: null,
      computed: null,
      shown: "C",
      disagrees: false,
    });
  });
  it("grades a quarter against the pro-rated target without the yearly baseline", () => {
    const g = grade({ ...base, baseline: 40, actual: 45 }, { ...rules, prorate: true });
    expect(g).toMatchObject({ target: 50, prorated: true, rate: 90, computed: "B" });
  });
  it("grades a 時点 indicator against the year's target, from its baseline", () => {
    // 月平均時間外 14.8 h → target 12 h, 13.4 h in Q2: half the planned reduction
    const g = grade(
      {
        ...base,
        unit: "時間",
        direction: "減少",
        baseline: 14.8,
        yearTarget: 12,
        actual: 13.4,
        cumulative: false,
      },
      { ...rules, prorate: true },
    );
    expect(g).toMatchObject({ target: 12, prorated: false, rate: 50, computed: "C" });
  });
});
