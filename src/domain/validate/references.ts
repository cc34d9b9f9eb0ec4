/**
 * References between sheets: 取組.柱ID -> 柱; 年度目標/進捗.取組ID -> 取組;
 * 取組.主担当課, 取組.関係課 and 柱.所管課 -> 所属. Each missing value is named, with the
 * tab where it should be registered. Skipped when the target tab could not be read (that tab
 * already has its own sheet or header problem, and every reference would look broken).
 */
import type { MessageCode } from "../i18n";
import type { Problem } from "../problem";
import type { Registry } from "../registry";
import type { SheetKey } from "../schema";
import { cellProblem, type RuleContext, sheetNameOf, usableTable } from "./context";

interface Ref {
  readonly row: number;
  readonly values: readonly string[];
}

function check(
  registry: Registry,
  ctx: RuleContext,
  from: { sheet: SheetKey; column: string; refs: readonly Ref[] },
  target: { sheet: SheetKey; known: ReadonlySet<string> },
  code: MessageCode,
): Problem[] {
  if (!usableTable(ctx, target.sheet)) return [];
  const params = { target: sheetNameOf(registry, target.sheet) };
  const problems: Problem[] = [];
  for (const ref of from.refs) {
    for (const value of new Set(ref.values)) {
      if (value === "" || target.known.has(value)) continue;
      problems.push(
        cellProblem(
          registry,
          ctx,
          { sheet: from.sheet, row: ref.row, column: from.column },
          code,
          "error",
          {
            ...params,
            value,
          },
        ),
      );
    }
  }
  return problems;
}

export function references(registry: Registry, ctx: RuleContext): Problem[] {
  const pillars = {
    sheet: "pillars" as const,
    known: new Set(registry.pillars.map((p) => p.pillarId)),
  };
  const measures = {
    sheet: "measures" as const,
    known: new Set(registry.measures.map((m) => m.measureId)),
  };
  const divisions = {
    sheet: "divisions" as const,
    known: new Set(registry.divisions.map((d) => d.name)),
  };
  return [
    ...check(
      registry,
      ctx,
      {
        sheet: "pillars",
        column: "owners",
        refs: registry.pillars.map((p) => ({ row: p.row, values: p.owners })),
      },
      divisions,
      "unknown-division",
    ),
    ...check(
      registry,
      ctx,
      {
        sheet: "measures",
        column: "pillarId",
        refs: registry.measures.map((m) => ({ row: m.row, values: [m.pillarId] })),
      },
      pillars,
      "unknown-pillar",
    ),
    ...check(
      registry,
      ctx,
      {
        sheet: "measures",
        column: "lead",
        refs: registry.measures.map((m) => ({ row: m.row, values: [m.lead] })),
      },
      divisions,
      "unknown-division",
    ),
    ...check(
      registry,
      ctx,
      {
        sheet: "measures",
        column: "related",
        refs: registry.measures.map((m) => ({ row: m.row, values: m.related })),
      },
      divisions,
      "unknown-division",
    ),
    ...check(
      registry,
      ctx,
      {
        sheet: "targets",
        column: "measureId",
        refs: registry.targets.map((t) => ({ row: t.row, values: [t.measureId] })),
      },
      measures,
      "unknown-measure",
    ),
    ...check(
      registry,
      ctx,
      {
        sheet: "progress",
        column: "measureId",
        refs: registry.progress.map((p) => ({ row: p.row, values: [p.measureId] })),
      },
      measures,
      "unknown-measure",
    ),
  ];
}
