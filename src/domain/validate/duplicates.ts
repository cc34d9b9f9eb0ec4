/**
 * Duplicates: 柱ID, 取組ID, 所属名, 閉庁日; 年度目標 (取組ID + 年度) and 進捗 (取組ID + 年度 + 期).
 * The later row is reported, on its first key cell, naming the first row.
 * Rows whose key is empty or unreadable are left to the required and type checks.
 */
import { formatFiscalYear, periodOf } from "../calendar";
import type { MessageCode, MessageParams } from "../i18n";
import type { Problem, Severity } from "../problem";
import type { Registry } from "../registry";
import type { SheetKey } from "../schema";
import { cellProblem, dateLabel, fyParams, type RuleContext } from "./context";

interface Keyed {
  readonly row: number;
  /** null: no complete key, not compared */
  readonly key: string | null;
  readonly params: MessageParams;
}

function duplicatesOf(
  registry: Registry,
  ctx: RuleContext,
  sheet: SheetKey,
  column: string,
  records: readonly Keyed[],
  code: MessageCode,
  severity: Severity,
): Problem[] {
  const first = new Map<string, number>();
  const problems: Problem[] = [];
  for (const r of records) {
    if (r.key === null) continue;
    const firstRow = first.get(r.key);
    if (firstRow === undefined) {
      first.set(r.key, r.row);
      continue;
    }
    problems.push(
      cellProblem(registry, ctx, { sheet, row: r.row, column }, code, severity, {
        ...r.params,
        firstRow,
      }),
    );
  }
  return problems;
}

const single = (row: number, value: string): Keyed => ({
  row,
  key: value === "" ? null : value,
  params: { value },
});

export function duplicates(registry: Registry, ctx: RuleContext): Problem[] {
  const { cycle } = registry.settings;
  return [
    ...duplicatesOf(
      registry,
      ctx,
      "pillars",
      "pillarId",
      registry.pillars.map((p) => single(p.row, p.pillarId)),
      "duplicate-pillar",
      "error",
    ),
    ...duplicatesOf(
      registry,
      ctx,
      "measures",
      "measureId",
      registry.measures.map((m) => single(m.row, m.measureId)),
      "duplicate-measure",
      "error",
    ),
    ...duplicatesOf(
      registry,
      ctx,
      "targets",
      "measureId",
      registry.targets.map((t) => ({
        row: t.row,
        key: t.measureId === "" || t.fy === null ? null : `${t.measureId}\u0000${t.fy}`,
        params: { measure: t.measureId, ...(t.fy === null ? {} : fyParams(t.fy)) },
      })),
      "duplicate-target",
      "error",
    ),
    ...duplicatesOf(
      registry,
      ctx,
      "progress",
      "measureId",
      registry.progress.map((p) => {
        const period =
          p.fy === null || p.period === null ? undefined : periodOf(p.fy, cycle, p.period);
        return {
          row: p.row,
          key:
            p.measureId === "" || !period ? null : `${p.measureId}\u0000${p.fy}\u0000${p.period}`,
          params: {
            measure: p.measureId,
            ...(period
              ? {
                  fyJa: formatFiscalYear(period.fy, "ja"),
                  fyEn: formatFiscalYear(period.fy, "en"),
                  periodJa: period.labelJa,
                  periodEn: period.labelEn,
                }
              : {}),
          },
        };
      }),
      "duplicate-progress",
      "error",
    ),
    ...duplicatesOf(
      registry,
      ctx,
      "divisions",
      "name",
      registry.divisions.map((d) => single(d.row, d.name)),
      "duplicate-division",
      "error",
    ),
    ...duplicatesOf(
      registry,
      ctx,
      "closures",
      "date",
      registry.closures.map((c) => ({
        row: c.row,
        key: c.date,
        params: { value: dateLabel(c.date) },
      })),
      "duplicate-closure",
      "warning",
    ),
  ];
}
