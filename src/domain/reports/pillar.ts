/**
 * 柱別報告書 models: for each 柱, its 取組 with the year's 目標 and the progress report in scope.
 *
 * Which 進捗 row a 取組 reports with (`pickReport`):
 * - rows with no 年度 or no 期 (flagged by validation) are never used;
 * - with a period in scope: the row of that 年度 and 期;
 * - for the whole year: the row of the latest 期 of that 年度 that was submitted (提出済 or
 *   確認済); only when no period has a submitted row, the latest row of any status, so a blank
 *   未提出 row made in advance for 第3四半期, or a 差戻し, never hides the report the 取組 gave
 *   in 第2四半期;
 * - two rows for the same 期 (a duplicate, also flagged): 確認済 before 提出済 before 差戻し
 *   before 未提出, then the lower row in the sheet (the later one).
 * A 取組 without a row is 未報告. A 未提出 or 差戻し row still gives its figures and texts (the
 * status says what they are), but it is not counted as submitted and its 評価 is not counted in
 * the grade summary: only 提出済 and 確認済 reports are.
 *
 * 達成率, 目標値 for the period and the computed grade come from ../grading, by the rules in
 * 設定 (評価区分, 評価基準).
 */
import { formatFiscalYear, periodOf, periodSlots } from "../calendar";
import { defaultRules, type GradingRules, grade as gradeMeasure } from "../grading";
import {
  type AnnualTarget,
  type Measure,
  type Pillar,
  type ProgressReport,
  type Registry,
  reportDateOf,
} from "../registry";
import type { Status } from "../schema";
import {
  AFTER_ALL_DUE_DATES,
  idsIn,
  narrowSubmissions,
  type PeriodSubmissions,
  periodSubmissions,
  type SubmissionState,
  submissionSummary,
  yearReportingPeriod,
} from "../submissions";
import type {
  GradeCount,
  MeasureReport,
  PillarReport,
  ReportScope,
  ReportSubmissions,
} from "./model";

/** Statuses that count as reported: 提出済 and 確認済. */
export function isSubmitted(status: Status | "未報告"): boolean {
  return status === "提出済" || status === "確認済";
}

const STATUS_RANK: Readonly<Record<Status, number>> = {
  確認済: 3,
  提出済: 2,
  差戻し: 1,
  未提出: 0,
};

/** The better of two rows for the same 期: higher status, then the lower row in the sheet. */
function better(a: ProgressReport, b: ProgressReport): ProgressReport {
  const ra = STATUS_RANK[a.status];
  const rb = STATUS_RANK[b.status];
  if (ra !== rb) return ra > rb ? a : b;
  return b.row > a.row ? b : a;
}

/** The 進捗 row a 取組 reports with for a scope, from that 取組's rows (see the module comment). */
export function pickReport(
  rows: readonly ProgressReport[],
  scope: ReportScope,
): ProgressReport | undefined {
  const inYear = rows.filter((r) => r.fy === scope.fy && r.period !== null);
  if (scope.period !== undefined) {
    return inYear
      .filter((r) => r.period === scope.period)
      .reduce<ProgressReport | undefined>((best, r) => (best ? better(best, r) : r), undefined);
  }
  const latest = (candidates: readonly ProgressReport[]) =>
    candidates.reduce<ProgressReport | undefined>((best, r) => {
      if (!best) return r;
      const bp = best.period ?? 0;
      const rp = r.period ?? 0;
      if (rp !== bp) return rp > bp ? r : best;
      return better(best, r);
    }, undefined);
  return latest(inYear.filter((r) => isSubmitted(r.status))) ?? latest(inYear);
}

export { achievementRate } from "../grading";

/** 第2四半期 / 上期 / 通期; 第5期 for an index the cycle does not have. */
export function periodLabel(registry: Registry, fy: number, period: number): string {
  return periodOf(fy, registry.settings.cycle, period)?.labelJa ?? `第${period}期`;
}

/** "平成24年度" for the whole year, "平成24年度 第2四半期" for a period. */
export function scopeLabel(registry: Registry, scope: ReportScope): string {
  const fy = formatFiscalYear(scope.fy, "ja");
  return scope.period === undefined ? fy : `${fy} ${periodLabel(registry, scope.fy, scope.period)}`;
}

/**
 * The submissions a report counts: for a period, that period; for the whole year, the latest
 * period of the year ended by scope.asOf (the last one when asOf is absent). Decided by
 * submissions.ts, as ダッシュボード, 全体チェック and the reminders decide them.
 */
export function scopeSubmissions(registry: Registry, scope: ReportScope): PeriodSubmissions {
  const period =
    (scope.period !== undefined
      ? periodOf(scope.fy, registry.settings.cycle, scope.period)
      : undefined) ?? yearReportingPeriod(registry, scope.fy, scope.asOf);
  return periodSubmissions(registry, period, scope.asOf ?? AFTER_ALL_DUE_DATES);
}

/** The counts and sentence a report shows, from submissions.ts. */
export function reportSubmissions(ps: PeriodSubmissions): ReportSubmissions {
  return {
    owed: ps.owed,
    submitted: ps.submitted,
    confirmed: ps.confirmed,
    late: ps.late,
    missing: ps.missing,
    pending: ps.pending,
    periodLabel: `${formatFiscalYear(ps.period.fy, "ja")} ${ps.period.labelJa}`,
    dueDate: ps.dueDate,
    missingIds: idsIn(ps, "missing"),
    lateIds: idsIn(ps, "late"),
    summary: submissionSummary(ps, "ja"),
  };
}

/** What every pillar shares: rows indexed once, so 1,400 取組 stay linear. */
interface ReportIndex {
  readonly registry: Registry;
  readonly scope: ReportScope;
  readonly scopeLabel: string;
  readonly fyLabel: string;
  readonly targets: ReadonlyMap<string, AnnualTarget>;
  readonly progress: ReadonlyMap<string, readonly ProgressReport[]>;
  readonly submissions: PeriodSubmissions;
  readonly states: ReadonlyMap<string, SubmissionState>;
  readonly rules: GradingRules;
  /** the plan's years, for the per-取組 chart (the scope's year alone when the plan has none) */
  readonly years: readonly number[];
  /** 目標値 per 取組 and 年度, all plan years */
  readonly allTargets: ReadonlyMap<string, number | null>;
  /** latest submitted 実績値 per 取組 and 年度 (any status when none submitted) */
  readonly allActuals: ReadonlyMap<string, number | null>;
}

/** The grading rules of a registry: 評価基準 when set, else the defaults over 評価区分. */
export function gradingRules(registry: Registry): GradingRules {
  const { grades, gradeRules } = registry.settings;
  const thresholds = gradeRules.flatMap((r) =>
    r.min === null ? [] : [{ code: r.code, minRate: r.min }],
  );
  return thresholds.length > 0 ? { grades, thresholds, prorate: true } : defaultRules(grades);
}

function planYears(registry: Registry, fy: number): number[] {
  const { startFy, endFy } = registry.settings;
  if (startFy === null || endFy === null || endFy < startFy || endFy - startFy > 20) return [fy];
  return Array.from({ length: endFy - startFy + 1 }, (_, i) => startFy + i);
}

function indexRegistry(registry: Registry, scope: ReportScope): ReportIndex {
  const targets = new Map<string, AnnualTarget>();
  for (const t of registry.targets) {
    // The first row of a 取組 and 年度 counts; a duplicate is flagged by validation.
    if (t.fy === scope.fy && !targets.has(t.measureId)) targets.set(t.measureId, t);
  }
  const years = planYears(registry, scope.fy);
  const allTargets = new Map<string, number | null>();
  for (const t of registry.targets) {
    const key = `${t.measureId}|${t.fy}`;
    if (t.fy !== null && !allTargets.has(key)) allTargets.set(key, t.targetValue);
  }
  const progress = new Map<string, ProgressReport[]>();
  const byYear = new Map<string, ProgressReport[]>();
  for (const p of registry.progress) {
    const key = `${p.measureId}|${p.fy}`;
    const rows = byYear.get(key);
    if (rows) rows.push(p);
    else byYear.set(key, [p]);
    if (p.fy !== scope.fy) continue;
    const list = progress.get(p.measureId);
    if (list) list.push(p);
    else progress.set(p.measureId, [p]);
  }
  const allActuals = new Map<string, number | null>();
  for (const [key, rows] of byYear) {
    const fy = rows[0]?.fy;
    if (fy === null || fy === undefined) continue;
    allActuals.set(key, pickReport(rows, { fy })?.actual ?? null);
  }
  const submissions = scopeSubmissions(registry, scope);
  return {
    registry,
    scope,
    submissions,
    states: new Map(submissions.submissions.map((s) => [s.measureId, s.state])),
    scopeLabel: scopeLabel(registry, scope),
    fyLabel: formatFiscalYear(scope.fy, "ja"),
    targets,
    progress,
    rules: gradingRules(registry),
    years,
    allTargets,
    allActuals,
  };
}

function measureReport(ix: ReportIndex, m: Measure): MeasureReport {
  const target = ix.targets.get(m.measureId);
  const row = pickReport(ix.progress.get(m.measureId) ?? [], ix.scope);
  const cycle = ix.registry.settings.cycle;
  const g = gradeMeasure(
    {
      direction: m.direction,
      baseline: m.baseline,
      yearTarget: target?.targetValue ?? null,
      actual: row?.actual ?? null,
      typedGrade: row?.grade ?? null,
      period: row?.period ?? undefined,
      periods: periodSlots(cycle).length,
      unit: m.unit,
      cumulative: m.aggregation === null ? null : m.aggregation === "累計",
    },
    ix.rules,
  );
  const grade = g.shown;
  const labelOf = (code: string | null) =>
    code === null
      ? null
      : (ix.registry.settings.grades.find((x) => x.code === code)?.label ?? null);
  return {
    measureId: m.measureId,
    content: m.content,
    lead: m.lead,
    related: m.related,
    targetText: target?.targetText ?? "",
    indicator: m.indicator,
    unit: m.unit,
    direction: m.direction,
    baseline: m.baseline,
    finalTarget: m.finalTarget,
    yearTarget: target?.targetValue ?? null,
    targetValue: g.target,
    prorated: g.prorated,
    actual: g.actual,
    achievementRate: g.rate,
    grade,
    gradeLabel: labelOf(grade),
    computedGrade: g.computed,
    gradeDisagrees: g.disagrees,
    typedGrade: g.typed,
    series: ix.years.map((fy) => ({
      fy,
      target: ix.allTargets.get(`${m.measureId}|${fy}`) ?? null,
      actual: fy > ix.scope.fy ? null : (ix.allActuals.get(`${m.measureId}|${fy}`) ?? null),
    })),
    pdca: row?.pdca ?? null,
    done: row?.done ?? "",
    issues: row?.issues ?? "",
    next: row?.next ?? "",
    status: row?.status ?? "未報告",
    submission: ix.states.get(m.measureId) ?? "missing",
    periodLabel: row?.period != null ? periodLabel(ix.registry, ix.scope.fy, row.period) : null,
    reportedOn: row?.reportedOn ?? null,
  };
}

/**
 * Submitted 取組 per 評価区分 code, in the order of 評価区分 (every code listed, 0 included).
 * 未提出 / 差戻し / 未報告 and grades that are not a 評価区分 are not counted.
 */
export function gradeCounts(registry: Registry, measures: readonly MeasureReport[]): GradeCount[] {
  return registry.settings.grades.map((g) => ({
    code: g.code,
    label: g.label,
    count: measures.filter((m) => isSubmitted(m.status) && m.grade === g.code).length,
  }));
}

function pillarReport(ix: ReportIndex, pillar: Pillar): PillarReport {
  const measures = ix.registry.measures
    .filter((m) => m.pillarId === pillar.pillarId)
    .map((m) => measureReport(ix, m));
  const name = pillar.name.trim();
  const submissions = reportSubmissions(
    narrowSubmissions(ix.submissions, (s) => s.pillarId === pillar.pillarId),
  );
  return {
    planName: ix.registry.settings.planName,
    fy: ix.scope.fy,
    fyLabel: ix.fyLabel,
    scopeLabel: ix.scopeLabel,
    pillarId: pillar.pillarId,
    name: pillar.name,
    strategy: pillar.strategy,
    goal: pillar.goal,
    owners: pillar.owners,
    measures,
    grades: gradeCounts(ix.registry, measures),
    submitted: submissions.submitted,
    submissions,
    issuer: ix.registry.settings.issuingDivision.trim(),
    reportDate: reportDateOf(ix.registry.settings, ix.scope.fy),
    title: [ix.scopeLabel, pillar.pillarId, name, "進捗報告書"].filter((s) => s !== "").join(" "),
  };
}

/** One report per 柱, in the order of the 柱 sheet. */
export function buildPillarReports(registry: Registry, scope: ReportScope): PillarReport[] {
  const ix = indexRegistry(registry, scope);
  return registry.pillars.map((p) => pillarReport(ix, p));
}

/** The report of one 柱; undefined when the registry has no such 柱. */
export function buildPillarReport(
  registry: Registry,
  pillarId: string,
  scope: ReportScope,
): PillarReport | undefined {
  const pillar = registry.pillars.find((p) => p.pillarId === pillarId);
  return pillar ? pillarReport(indexRegistry(registry, scope), pillar) : undefined;
}
