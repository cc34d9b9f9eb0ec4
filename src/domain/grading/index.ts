/**
 * Grading: 目標値, 実績値, 達成率 and the grade of one 取組 for one period or year, by the
 * city's rules in 設定 (評価区分 gives the grade codes best first, 評価基準 the 達成率
 * thresholds).
 *
 * 達成率 (`achievementRate`), in percent, rounded to 0.1:
 * - 増加 with a 基準値 below the 目標値: progress made from the baseline,
 *   (実績 − 基準) / (目標 − 基準) × 100, never below 0;
 * - 減少 with a 基準値 above the 目標値: reduction achieved, (基準 − 実績) / (基準 − 目標) × 100,
 *   never below 0;
 * - without a usable 基準値: 増加 実績 / 目標 × 100 (null when the 目標値 is 0 or below);
 *   減少 目標 / 実績 × 100 (null when 実績 or 目標値 is 0 or below: 0 件 against a target of
 *   5 件 is better than any percentage);
 * - 維持: 100 when the 実績 equals the 目標値, less by the relative gap either way, never below
 *   0; with a 目標値 of 0, 100 when 実績 is 0 and null otherwise;
 * - null when the 方向, 目標値 or 実績 is missing.
 *
 * Pro-rating (按分, on by default): a period's 目標値 is the year's 目標値 × (period / periods in
 * the year) for 増加 and 減少 indicators that add up over the year (人, 件, 回, 円 …), and the
 * 達成率 of a pro-rated target is the plain ratio (the 基準値 is a whole-year figure). Rates and
 * levels (%, 割, 倍, 点, 位 and 維持 targets) are never pro-rated: 62 % at mid-year is
 * compared with the year's 目標 as it is.
 */
import type { Direction } from "../schema";

export interface GradeDef {
  readonly code: string;
  readonly label: string;
}

/** 達成率 at or above `minRate` (percent) earns `code`. */
export interface GradeThreshold {
  readonly code: string;
  readonly minRate: number;
}

export interface GradingRules {
  /** 評価区分, best first; the last one is given below every threshold */
  readonly grades: readonly GradeDef[];
  /** 評価基準, highest first */
  readonly thresholds: readonly GradeThreshold[];
  /** 按分: pro-rate the year's 目標値 of counted indicators over the periods */
  readonly prorate: boolean;
}

/** Minimum 達成率 of each grade but the last when 評価基準 is not set: A≥100 B≥80 C≥50. */
const DEFAULT_MINIMA = [100, 80, 50, 30, 10] as const;

/** The rules when 評価基準 is not set: the first grades get 100 / 80 / 50 %, the last the rest. */
export function defaultRules(grades: readonly GradeDef[]): GradingRules {
  const thresholds = grades
    .slice(0, Math.max(0, grades.length - 1))
    .map((g, i) => ({ code: g.code, minRate: DEFAULT_MINIMA[i] ?? 0 }));
  return { grades, thresholds, prorate: true };
}

/** Units of rates and levels, which do not add up over a year (never pro-rated). */
const LEVEL_UNIT = /^(%|％|パーセント|割|倍|点|位|ポイント|pt|度|段階|歳)$/iu;

/** Whether an indicator in `unit` adds up over the year (人, 件, 回, 円 …). */
export function isCountUnit(unit: string): boolean {
  const u = unit.normalize("NFKC").trim();
  return u !== "" && !LEVEL_UNIT.test(u);
}

export type CriteriaResult =
  | { readonly ok: true; readonly rules: GradingRules }
  | { readonly ok: false; readonly reason: "syntax" | "unknown-grade" | "order" };

/**
 * Parses 評価基準 against 評価区分: "A≥100% B≥80% C≥50%" (also >=, ＞＝, 以上, without %, with
 * 、 or , between), optionally with 按分なし (or "noprorate") to compare every period with the whole year's 目標値. Thresholds must name grades
 * of 評価区分 and fall as the grades get worse.
 */
export function parseCriteria(text: string, grades: readonly GradeDef[]): CriteriaResult {
  const parts = text
    .normalize("NFKC")
    .split(/[\s、,;]+/)
    .filter((p) => p !== "");
  const thresholds: GradeThreshold[] = [];
  let prorate = true;
  for (const p of parts) {
    if (p === "按分" || p.toLowerCase() === "prorate") continue;
    if (p === "按分なし" || p.toLowerCase() === "noprorate") {
      prorate = false;
      continue;
    }
    const m = /^(.+?)(?:≥|>=|=>|:)(\d+(?:\.\d+)?)%?(?:以上)?$/.exec(p);
    if (!m?.[1] || m[2] === undefined) return { ok: false, reason: "syntax" };
    const code = m[1].trim();
    if (!grades.some((g) => g.code === code)) return { ok: false, reason: "unknown-grade" };
    thresholds.push({ code, minRate: Number(m[2]) });
  }
  if (thresholds.length === 0) {
    return prorate
      ? { ok: true, rules: { ...defaultRules(grades), prorate } }
      : { ok: false, reason: "syntax" };
  }
  const rank = (code: string) => grades.findIndex((g) => g.code === code);
  for (let i = 1; i < thresholds.length; i++) {
    const a = thresholds[i - 1] as GradeThreshold;
    const b = thresholds[i] as GradeThreshold;
    if (rank(b.code) <= rank(a.code) || b.minRate >= a.minRate)
      return { ok: false, reason: "order" };
  }
  return { ok: true, rules: { grades, thresholds, prorate } };
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

/** 達成率 in percent (see the module comment); null when it cannot be said. */
export function achievementRate(
  direction: Direction | null,
  target: number | null,
  actual: number | null,
  baseline: number | null = null,
): number | null {
  if (direction === null || target === null || actual === null) return null;
  if (!Number.isFinite(target) || !Number.isFinite(actual)) return null;
  const base = baseline !== null && Number.isFinite(baseline) ? baseline : null;
  switch (direction) {
    case "増加":
      if (base !== null && target > base) {
        return round1(Math.max(0, ((actual - base) / (target - base)) * 100));
      }
      return target > 0 ? round1(Math.max(0, (actual / target) * 100)) : null;
    case "減少":
      if (base !== null && target < base) {
        return round1(Math.max(0, ((base - actual) / (base - target)) * 100));
      }
      return target > 0 && actual > 0 ? round1((target / actual) * 100) : null;
    case "維持":
      if (target === 0) return actual === 0 ? 100 : null;
      return round1(Math.max(0, 100 - (Math.abs(actual - target) / Math.abs(target)) * 100));
  }
}

/** The grade code a 達成率 earns; null when there is no rate or no 評価区分. */
export function gradeOf(rate: number | null, rules: GradingRules): string | null {
  if (rate === null) return null;
  for (const t of rules.thresholds) if (rate >= t.minRate) return t.code;
  const below = rules.grades.filter((g) => !rules.thresholds.some((t) => t.code === g.code));
  return below.at(-1)?.code ?? rules.thresholds.at(-1)?.code ?? null;
}

/**
 * The 目標値 that applies to period `period` of `periods` (undefined period = the whole year):
 * the year's 目標値, pro-rated when the rules say 按分 and the direction is not 維持.
 */
export function periodTarget(
  yearTarget: number | null,
  direction: Direction | null,
  rules: GradingRules,
  period: number | undefined,
  periods: number,
  unit = "件",
  cumulative: boolean | null = null,
): { readonly value: number | null; readonly prorated: boolean } {
  if (
    yearTarget === null ||
    period === undefined ||
    !rules.prorate ||
    (direction !== "増加" && direction !== "減少") ||
    !(cumulative ?? isCountUnit(unit))
  ) {
    return { value: yearTarget, prorated: false };
  }
  if (period >= periods) return { value: yearTarget, prorated: false };
  return { value: Math.round(((yearTarget * period) / periods) * 100) / 100, prorated: true };
}

export interface GradeInput {
  readonly direction: Direction | null;
  readonly baseline: number | null;
  /** 目標値 of the year */
  readonly yearTarget: number | null;
  readonly actual: number | null;
  /** the grade staff typed in 進捗 (null when blank) */
  readonly typedGrade: string | null;
  /** the period reported, 1-based; undefined for a whole-year figure */
  readonly period?: number;
  readonly periods: number;
  /** 単位 of the 指標: counts (人, 件) are pro-rated, rates (%) are not */
  readonly unit: string;
  /**
   * 集計方法 of the 取組: true (累計) adds up over the year and is pro-rated, false (時点: an
   * average, a rate, a stock) is not, whatever its 単位; null/absent: decided by 単位
   */
  readonly cumulative?: boolean | null;
}

export interface Grading {
  readonly target: number | null;
  /** true when `target` is the year's 目標値 pro-rated to the period */
  readonly prorated: boolean;
  readonly actual: number | null;
  readonly rate: number | null;
  /** the grade the rules give; null when no 達成率 */
  readonly computed: string | null;
  readonly typed: string | null;
  /** the grade to show: what staff typed, else the computed one */
  readonly shown: string | null;
  /** staff typed a grade that is not the one the rules give */
  readonly disagrees: boolean;
}

/** Target, 実績, 達成率 and grades of one 取組 for one period (or the year). */
export function grade(input: GradeInput, rules: GradingRules): Grading {
  const t = periodTarget(
    input.yearTarget,
    input.direction,
    rules,
    input.period,
    input.periods,
    input.unit,
    input.cumulative ?? null,
  );
  const rate = achievementRate(
    input.direction,
    t.value,
    input.actual,
    t.prorated ? null : input.baseline,
  );
  const computed = gradeOf(rate, rules);
  const typed = input.typedGrade;
  return {
    target: t.value,
    prorated: t.prorated,
    actual: input.actual,
    rate,
    computed,
    typed,
    shown: typed ?? computed,
    disagrees: typed !== null && computed !== null && typed !== computed,
  };
}

/** The label of a grade code in 評価区分 ("" when not one). */
export function gradeLabel(code: string | null, rules: GradingRules): string {
  return code === null ? "" : (rules.grades.find((g) => g.code === code)?.label ?? "");
}
