/** Registries for the report tests: the seed plan with its demo progress, and small edits of it. */
import { FUJIEDA_DEMO } from "../../../sheets-templates";
import type {
  AnnualTarget,
  Measure,
  Pillar,
  ProgressReport,
  Registry,
} from "../../../src/domain/registry";
import { parseRegistry } from "../../../src/domain/registry";
import { SHEETS } from "../../../src/domain/schema";
import { templateRows } from "../../../src/domain/template";

/** The seed plan (藤枝市, 平成24〜26年度) with the demo's 第1・第2四半期 progress. */
export function demoRegistry(): Registry {
  return parseRegistry(
    SHEETS.map((def) => ({
      name: def.ja,
      values: [def.columns.map((c) => c.ja), ...templateRows(def, FUJIEDA_DEMO)],
    })),
  ).registry;
}

export function pillar(pillarId: string, over: Partial<Pillar> = {}): Pillar {
  return {
    row: 2,
    pillarId,
    name: `${pillarId}の名称`,
    strategy: `${pillarId}の戦略`,
    goal: "",
    owners: [],
    ...over,
  };
}

export function measure(measureId: string, pillarId: string, over: Partial<Measure> = {}): Measure {
  return {
    row: 2,
    measureId,
    pillarId,
    content: `取組${measureId}の内容`,
    lead: "人事課",
    related: [],
    indicator: "",
    unit: "",
    direction: null,
    baseline: null,
    baselineFy: null,
    finalTarget: null,
    aggregation: null,
    ...over,
  };
}

export function target(
  measureId: string,
  fy: number,
  over: Partial<AnnualTarget> = {},
): AnnualTarget {
  return { row: 2, measureId, fy, targetText: "", targetValue: null, ...over };
}

export function report(
  measureId: string,
  fy: number,
  period: number,
  over: Partial<ProgressReport> = {},
): ProgressReport {
  return {
    row: 2,
    measureId,
    fy,
    period,
    actual: null,
    grade: "B",
    pdca: "D",
    done: "",
    issues: "",
    next: "",
    reporter: "",
    reportedOn: null,
    status: "提出済",
    ...over,
  };
}

/** The seed registry's settings with other plan data. */
export function registryWith(data: {
  readonly pillars: readonly Pillar[];
  readonly measures: readonly Measure[];
  readonly targets?: readonly AnnualTarget[];
  readonly progress?: readonly ProgressReport[];
}): Registry {
  return {
    ...demoRegistry(),
    pillars: data.pillars,
    measures: data.measures,
    targets: data.targets ?? [],
    progress: data.progress ?? [],
  };
}
