/**
 * ダッシュボード: for the period being reported on, per pillar and per division, how many reports
 * are due, submitted and confirmed, and the grades given.
 */
import {
  createBusinessCalendar,
  dueDateOfPeriod,
  formatFiscalYear,
  type Period,
  type PlainDate,
  periodsOf,
} from "./calendar";
import type { Measure, Registry } from "./registry";
import { planYears } from "./template";

export interface DashboardLine {
  readonly scope: "柱" | "所属" | "合計";
  readonly name: string;
  readonly due: number;
  readonly submitted: number;
  readonly confirmed: number;
  /** "A:2 B:5" in the order of 評価区分 */
  readonly grades: string;
}

export interface Dashboard {
  readonly period: Period | null;
  readonly dueDate: PlainDate | null;
  readonly lines: readonly DashboardLine[];
}

/** The period being reported on: the latest one that has ended by `today`, within the plan. */
export function reportingPeriod(registry: Registry, today: PlainDate): Period | null {
  const periods = planYears(registry.settings).flatMap((fy) =>
    periodsOf(fy, registry.settings.cycle),
  );
  const ended = periods.filter((p) => p.end < today);
  return ended.at(-1) ?? periods[0] ?? null;
}

export function buildDashboard(registry: Registry, today: PlainDate): Dashboard {
  const period = reportingPeriod(registry, today);
  if (!period) return { period: null, dueDate: null, lines: [] };
  const cal = createBusinessCalendar(registry.closures);
  const dueDate = dueDateOfPeriod(period, registry.settings.dueBusinessDays, cal);
  const reports = new Map(
    registry.progress
      .filter((p) => p.fy === period.fy && p.period === period.index)
      .map((p) => [p.measureId, p]),
  );
  const line = (
    scope: DashboardLine["scope"],
    name: string,
    measures: readonly Measure[],
  ): DashboardLine => {
    const rows = measures.flatMap((m) => {
      const r = reports.get(m.measureId);
      return r ? [r] : [];
    });
    const submitted = rows.filter((r) => r.status === "提出済" || r.status === "確認済");
    const grades = registry.settings.grades
      .map((g) => [g.code, submitted.filter((r) => r.grade === g.code).length] as const)
      .filter(([, n]) => n > 0)
      .map(([code, n]) => `${code}:${n}`)
      .join(" ");
    return {
      scope,
      name,
      due: measures.length,
      submitted: submitted.length,
      confirmed: rows.filter((r) => r.status === "確認済").length,
      grades,
    };
  };
  const lines: DashboardLine[] = [
    ...registry.pillars.map((p) =>
      line(
        "柱",
        `${p.pillarId} ${p.name}`,
        registry.measures.filter((m) => m.pillarId === p.pillarId),
      ),
    ),
    ...registry.divisions.map((d) =>
      line(
        "所属",
        d.name,
        registry.measures.filter((m) => m.lead === d.name),
      ),
    ),
    line("合計", "全体", registry.measures),
  ];
  return { period, dueDate, lines };
}

/** The tab's rows under its header: a line naming the period, then one row per line. */
export function dashboardRows(d: Dashboard, updatedAt: string): (string | number)[][] {
  const heading = d.period
    ? `${formatFiscalYear(d.period.fy, "ja")} ${d.period.labelJa}（提出期限 ${d.dueDate ?? ""}）`
    : "計画年度が設定されていません";
  return [
    ["対象", heading, "", "", "", `更新 ${updatedAt}`],
    ...d.lines.map((l) => [l.scope, l.name, l.due, l.submitted, l.confirmed, l.grades]),
  ];
}
