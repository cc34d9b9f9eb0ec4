/**
 * Indicators: a 取組 with a 指標 needs a 単位 and a 方向 to be reported and charted;
 * a 年度目標 with a 目標値 needs its 取組 to have a 指標. All warnings.
 */
import { listChoices } from "../i18n";
import type { Problem } from "../problem";
import type { Measure, Registry } from "../registry";
import { DIRECTIONS } from "../schema";
import { cellProblem, isBlankCell, type RuleContext } from "./context";

export function indicators(registry: Registry, ctx: RuleContext): Problem[] {
  const problems: Problem[] = [];
  for (const m of registry.measures) {
    if (m.indicator === "") continue;
    const at = (column: string) => ({ sheet: "measures" as const, row: m.row, column });
    const params = { indicator: m.indicator, measure: m.measureId };
    if (m.unit === "") {
      problems.push(
        cellProblem(registry, ctx, at("unit"), "indicator-without-unit", "warning", params),
      );
    }
    // An unreadable 方向 already has its invalid-enum error.
    if (m.direction === null && isBlankCell(ctx, "measures", m.row, "direction")) {
      problems.push(
        cellProblem(registry, ctx, at("direction"), "indicator-without-direction", "warning", {
          ...params,
          allowedJa: listChoices(DIRECTIONS, "ja"),
          allowedEn: listChoices(DIRECTIONS, "en"),
        }),
      );
    }
  }
  const byId = new Map<string, Measure>();
  for (const m of registry.measures) if (!byId.has(m.measureId)) byId.set(m.measureId, m);
  for (const t of registry.targets) {
    if (t.targetValue === null) continue;
    // Skips a 取組ID that is not in 取組 too: the reference check reports it.
    if (byId.get(t.measureId)?.indicator !== "") continue;
    problems.push(
      cellProblem(
        registry,
        ctx,
        { sheet: "targets", row: t.row, column: "targetValue" },
        "target-value-without-indicator",
        "warning",
        { measure: t.measureId },
      ),
    );
  }
  return problems;
}
