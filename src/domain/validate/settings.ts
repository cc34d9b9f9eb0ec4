/**
 * Consistency of 設定 beyond each value's own format (checked while parsing):
 * 終了年度 before 開始年度 (error) and a plan longer than MAX_PLAN_YEARS fiscal years (warning),
 * both on the 終了年度 value cell.
 */
import type { Problem } from "../problem";
import type { Registry } from "../registry";
import { fyParams, type RuleContext, settingCell } from "./context";

/** Longer plans are almost always a typo in 開始年度 or 終了年度 (2014 -> 2041). */
export const MAX_PLAN_YEARS = 10;

export function settingsConsistency(registry: Registry, ctx: RuleContext): Problem[] {
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
