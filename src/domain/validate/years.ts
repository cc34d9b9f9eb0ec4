/**
 * Years against the plan period (設定 開始年度..終了年度): 年度目標 and 進捗 outside it are
 * errors; a 取組's 基準年度 after the first year is a warning (a baseline comes before the plan).
 */
import type { Problem } from "../problem";
import type { Registry } from "../registry";
import type { SheetKey } from "../schema";
import { cellProblem, fyParams, type RuleContext } from "./context";

export function planYears(registry: Registry, ctx: RuleContext): Problem[] {
  const { startFy, endFy } = registry.settings;
  const problems: Problem[] = [];
  if (startFy !== null && endFy !== null && startFy <= endFy) {
    const period = { ...fyParams(startFy, "start"), ...fyParams(endFy, "end") };
    const outside = (sheet: SheetKey, records: readonly { row: number; fy: number | null }[]) => {
      for (const r of records) {
        if (r.fy === null || (r.fy >= startFy && r.fy <= endFy)) continue;
        problems.push(
          cellProblem(
            registry,
            ctx,
            { sheet, row: r.row, column: "fy" },
            "year-outside-plan",
            "error",
            {
              ...period,
              ...fyParams(r.fy),
            },
          ),
        );
      }
    };
    outside("targets", registry.targets);
    outside("progress", registry.progress);
  }
  if (startFy !== null) {
    for (const m of registry.measures) {
      if (m.baselineFy === null || m.baselineFy <= startFy) continue;
      problems.push(
        cellProblem(
          registry,
          ctx,
          { sheet: "measures", row: m.row, column: "baselineFy" },
          "baseline-after-start",
          "warning",
          { ...fyParams(m.baselineFy), ...fyParams(startFy, "start") },
        ),
      );
    }
  }
  return problems;
}
