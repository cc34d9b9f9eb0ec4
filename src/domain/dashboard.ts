/**
 * ダッシュボード: for the period being reported on, per pillar and per division, how many reports
 * are due, submitted and confirmed, and the grades given.
 */
import { createBusinessCalendar, formatFiscalYear, type Period, type PlainDate } from "./calendar";
import type { Registry } from "./registry";
import {
  countWhere,
  decidingRows,
  noMeasuresText,
  type PeriodSubmissions,
  periodSubmissions,
  reportingPeriod,
  reportKey,
  type Submission,
} from "./submissions";

export { reportingPeriod };

export interface DashboardLine {
  readonly scope: "柱" | "所属" | "合計";
  readonly name: string;
  readonly due: number;
  readonly submitted: number;
  readonly confirmed: number;
  /** "A:2 B:5" in the order of 評価区分 */
  readonly grades: string;
  /** received after the 提出期限 */
  readonly late: number;
  /** not received, 提出期限 passed */
  readonly missing: number;
}

export interface Dashboard {
  readonly period: Period | null;
  readonly dueDate: PlainDate | null;
  readonly lines: readonly DashboardLine[];
  /** the counts every output shares (see submissions.ts); null when the plan has no period */
  readonly submissions: PeriodSubmissions | null;
}

export function buildDashboard(registry: Registry, today: PlainDate): Dashboard {
  const period = reportingPeriod(registry, today);
  if (!period) return { period: null, dueDate: null, lines: [], submissions: null };
  const rows = decidingRows(registry);
  const ps = periodSubmissions(
    registry,
    period,
    today,
    createBusinessCalendar(registry.closures),
    rows,
  );
  const line = (
    scope: DashboardLine["scope"],
    name: string,
    keep: (s: Submission) => boolean,
  ): DashboardLine => {
    const counts = countWhere(ps, keep);
    const received = ps.submissions
      .filter((s) => keep(s) && (s.state === "onTime" || s.state === "late"))
      .map((s) => rows.get(reportKey(s.measureId, period.fy, period.index))?.grade ?? null);
    const grades = registry.settings.grades
      .map((g) => [g.code, received.filter((code) => code === g.code).length] as const)
      .filter(([, n]) => n > 0)
      .map(([code, n]) => `${code}:${n}`)
      .join(" ");
    return {
      scope,
      name,
      due: counts.owed,
      submitted: counts.submitted,
      confirmed: counts.confirmed,
      grades,
      late: counts.late,
      missing: counts.missing,
    };
  };
  const lines: DashboardLine[] = [
    ...registry.pillars.map((p) =>
      line("柱", `${p.pillarId} ${p.name}`, (s) => s.pillarId === p.pillarId),
    ),
    ...registry.divisions.map((d) => line("所属", d.name, (s) => s.division === d.name.trim())),
    line("合計", "全体", () => true),
  ];
  return { period, dueDate: ps.dueDate, lines, submissions: ps };
}

/** The tab's rows under its header: a line naming the period, then one row per line. */
export function dashboardRows(d: Dashboard, updatedAt: string): (string | number)[][] {
  const heading = d.period
    ? `${formatFiscalYear(d.period.fy, "ja")} ${d.period.labelJa}（提出期限 ${d.dueDate ?? ""}）`
    : "計画年度が設定されていません";
  const empty =
    d.submissions?.owed === 0 ? [["", noMeasuresText("ja"), "", "", "", "", "", ""]] : [];
  return [
    ["対象", heading, "", "", "", `更新 ${updatedAt}`, "", ""],
    ...empty,
    ...d.lines.map((l) => [
      l.scope,
      l.name,
      l.due,
      l.submitted,
      l.confirmed,
      l.grades,
      l.late,
      l.missing,
    ]),
  ];
}
