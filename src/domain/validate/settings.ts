/**
 * Consistency of 設定 beyond each value's own format (checked while parsing):
 * 終了年度 before 開始年度 (error) and a plan longer than MAX_PLAN_YEARS fiscal years (warning),
 * both on the 終了年度 value cell; a 評価基準 code that is not a 評価区分 code (error, on 評価基準).
 */
import type { Problem } from "../problem";
import type { Registry } from "../registry";
import { fyParams, type RuleContext, settingCell } from "./context";

/** Longer plans are almost always a typo in 開始年度 or 終了年度 (2014 -> 2041). */
export const MAX_PLAN_YEARS = 10;

export function settingsConsistency(registry: Registry, ctx: RuleContext): Problem[] {
  return [...planYearsConsistency(registry, ctx), ...gradeRulesConsistency(registry, ctx)];
}

/** Every code in 評価基準 must be a 評価区分 code, or a computed grade could not be typed. */
function gradeRulesConsistency(registry: Registry, ctx: RuleContext): Problem[] {
  const { grades, gradeRules } = registry.settings;
  const codes = new Set(grades.map((g) => g.code));
  const unknown = gradeRules.filter((r) => !codes.has(r.code)).map((r) => r.code);
  if (unknown.length === 0) return [];
  return [
    {
      ...settingCell(registry, ctx, "gradeRules"),
      code: "grade-rules-unknown-code",
      severity: "error",
      params: {
        settingKey: "gradeRules",
        codes: unknown.join("、"),
        allowed: grades.map((g) => g.code).join("・"),
      },
    },
  ];
}

function planYearsConsistency(registry: Registry, ctx: RuleContext): Problem[] {
  const { startFy, endFy } = registry.settings;
  if (startFy === null || endFy === null) return [];
  const params = { ...fyParams(startFy, "start"), ...fyParams(endFy, "end"), settingKey: "endFy" };
  if (endFy < startFy) {
    return [
      {
        ...settingCell(registry, ctx, "endFy"),
        code: "plan-years-reversed",
        severity: "error",
        params,
      },
    ];
  }
  const years = endFy - startFy + 1;
  if (years > MAX_PLAN_YEARS) {
    return [
      {
        ...settingCell(registry, ctx, "endFy"),
        code: "plan-too-long",
        severity: "warning",
        params: { ...params, years, max: MAX_PLAN_YEARS },
      },
    ];
  }
  return [];
}
