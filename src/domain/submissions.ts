/**
 * Who has reported for a period, decided once for every output: ダッシュボード, the summary of
 * 全体チェック (`genki validate`), the reminders and the 柱別報告書 / 年次報告 models all count
 * from here, so they agree on the same day.
 *
 * For each 取組 and period one report is owed. The row that decides is the best row of that
 * 取組, 年度 and 期 (確認済 > 提出済 > 差戻し > 未提出, then the lower row: duplicates are a
 * validation error). The report is
 * - onTime: 提出済 or 確認済, with 報告日 on or before the 提出期限 (or no 報告日 to say otherwise);
 * - late: 提出済 or 確認済, with 報告日 after the 提出期限;
 * - missing: not received (no row, 未提出 or 差戻し) and the 提出期限 has passed;
 * - pending: not received and the 提出期限 is today or later.
 */
import {
  type BusinessCalendar,
  createBusinessCalendar,
  dueDateOfPeriod,
  formatFiscalYear,
  type Period,
  type PlainDate,
  periodsOf,
} from "./calendar";
import { formatMessage } from "./i18n";
import type { Measure, ProgressReport, Registry } from "./registry";
import type { Lang, Status } from "./schema";
import { planYears } from "./template";

export type SubmissionState = "onTime" | "late" | "missing" | "pending";

export interface Submission {
  readonly measureId: string;
  readonly pillarId: string;
  /** 主担当課 of the 取組, trimmed */
  readonly division: string;
  readonly state: SubmissionState;
  /** status of the deciding row; 未報告 when the 取組 has no row for the period */
  readonly status: Status | "未報告";
  readonly reportedOn: PlainDate | null;
}

export interface SubmissionCounts {
  /** reports owed for the period: one per 取組 */
  readonly owed: number;
  /** received (提出済 or 確認済), on time or late */
  readonly submitted: number;
  /** received and 確認済 */
  readonly confirmed: number;
  /** received after the 提出期限 */
  readonly late: number;
  /** not received, 提出期限 passed */
  readonly missing: number;
  /** not received, 提出期限 not yet passed */
  readonly pending: number;
}

export interface PeriodSubmissions extends SubmissionCounts {
  readonly period: Period;
  readonly dueDate: PlainDate;
  /** the day the states are decided for */
  readonly asOf: PlainDate;
  /** one per 取組, in the order of the 取組 sheet */
  readonly submissions: readonly Submission[];
}

const STATUS_RANK: Readonly<Record<Status, number>> = {
  確認済: 3,
  提出済: 2,
  差戻し: 1,
  未提出: 0,
};

/** 提出済 and 確認済: a report that was handed in. */
export function isReceived(status: Status | "未報告"): boolean {
  return status === "提出済" || status === "確認済";
}

/** Key of one report: `${measureId}|${fy}|${period}`. */
export function reportKey(measureId: string, fy: number, period: number): string {
  return `${measureId}|${fy}|${period}`;
}

/** The deciding row of each report (see the module comment), by reportKey. */
export function decidingRows(registry: Registry): Map<string, ProgressReport> {
  const out = new Map<string, ProgressReport>();
  for (const r of registry.progress) {
    if (r.fy === null || r.period === null || r.measureId === "") continue;
    const key = reportKey(r.measureId, r.fy, r.period);
    const was = out.get(key);
    if (!was) out.set(key, r);
    else {
      const [ra, rb] = [STATUS_RANK[was.status], STATUS_RANK[r.status]];
      if (rb > ra || (rb === ra && r.row > was.row)) out.set(key, r);
    }
  }
  return out;
}

/** The 取組 with an ID, the first row of each ID (duplicates are a validation error). */
export function uniqueMeasures(registry: Registry): Measure[] {
  const seen = new Set<string>();
  return registry.measures.filter((m) => {
    if (m.measureId === "" || seen.has(m.measureId)) return false;
    seen.add(m.measureId);
    return true;
  });
}

/** 提出期限 of a period: its end + 提出期限(期末から営業日) business days. */
export function dueDateOf(registry: Registry, period: Period, cal: BusinessCalendar): PlainDate {
  return dueDateOfPeriod(period, Math.max(0, Math.trunc(registry.settings.dueBusinessDays)), cal);
}

/**
 * The period being reported on, on `today`: the latest period of the plan that has ended;
 * before the first one ends, the first one.
 */
export function reportingPeriod(registry: Registry, today: PlainDate): Period | null {
  const periods = planYears(registry.settings).flatMap((fy) =>
    periodsOf(fy, registry.settings.cycle),
  );
  const ended = periods.filter((p) => p.end < today);
  return ended.at(-1) ?? periods[0] ?? null;
}

/**
 * The period of fiscal year `fy` that a report on the year counts submissions for: the latest
 * period of that year that has ended by `asOf` (the first one if none has), or its last period
 * when no day is given (the year seen as a whole, after it ended).
 */
export function yearReportingPeriod(registry: Registry, fy: number, asOf?: PlainDate): Period {
  const periods = periodsOf(fy, registry.settings.cycle);
  const last = periods[periods.length - 1] as Period;
  if (asOf === undefined) return last;
  return periods.filter((p) => p.end < asOf).at(-1) ?? (periods[0] as Period);
}

function stateOf(row: ProgressReport | undefined, dueDate: PlainDate, asOf: PlainDate) {
  if (row && isReceived(row.status))
    return row.reportedOn !== null && row.reportedOn > dueDate ? "late" : "onTime";
  return dueDate < asOf ? "missing" : "pending";
}

export function countSubmissions(submissions: readonly Submission[]): SubmissionCounts {
  const n = (s: SubmissionState) => submissions.filter((x) => x.state === s).length;
  return {
    owed: submissions.length,
    submitted: n("onTime") + n("late"),
    confirmed: submissions.filter((s) => s.status === "確認済").length,
    late: n("late"),
    missing: n("missing"),
    pending: n("pending"),
  };
}

/**
 * Every 取組's report for `period` as of `asOf`. `rows` (decidingRows of the registry) may be
 * passed in to share one index across periods; `cal` defaults to the registry's calendar.
 */
export function periodSubmissions(
  registry: Registry,
  period: Period,
  asOf: PlainDate,
  cal: BusinessCalendar = createBusinessCalendar(registry.closures),
  rows: ReadonlyMap<string, ProgressReport> = decidingRows(registry),
): PeriodSubmissions {
  const dueDate = dueDateOf(registry, period, cal);
  const submissions = uniqueMeasures(registry).map((m): Submission => {
    const row = rows.get(reportKey(m.measureId, period.fy, period.index));
    return {
      measureId: m.measureId,
      pillarId: m.pillarId,
      division: m.lead.trim(),
      state: stateOf(row, dueDate, asOf),
      status: row?.status ?? "未報告",
      reportedOn: row?.reportedOn ?? null,
    };
  });
  return { period, dueDate, asOf, submissions, ...countSubmissions(submissions) };
}

/** The submissions of some 取組 only (a 柱, a 所属), counted the same way. */
export function narrowSubmissions(
  ps: PeriodSubmissions,
  keep: (s: Submission) => boolean,
): PeriodSubmissions {
  const submissions = ps.submissions.filter(keep);
  return { ...ps, submissions, ...countSubmissions(submissions) };
}

export function countWhere(
  ps: PeriodSubmissions,
  keep: (s: Submission) => boolean,
): SubmissionCounts {
  return countSubmissions(ps.submissions.filter(keep));
}

/** IDs of the 取組 in a state, in sheet order. */
export function idsIn(ps: PeriodSubmissions, state: SubmissionState): string[] {
  return ps.submissions.filter((s) => s.state === state).map((s) => s.measureId);
}

/**
 * One sentence for people: 「平成24年度 第2四半期（提出期限 2012-10-15）: 14取組のうち12取組が
 * 提出済（うち期限後 2）、期限を過ぎて未提出 2（5-1、6-2）」.
 */
export function submissionSummary(ps: PeriodSubmissions, lang: Lang): string {
  const label = lang === "ja" ? ps.period.labelJa : ps.period.labelEn;
  const params = {
    period: `${formatFiscalYear(ps.period.fy, lang)} ${label}`,
    due: ps.dueDate,
    owed: ps.owed,
    submitted: ps.submitted,
    late: ps.late,
    missing: ps.missing,
    pending: ps.pending,
    missingIds: idsIn(ps, "missing").join(lang === "ja" ? "、" : ", "),
    pendingIds: idsIn(ps, "pending").join(lang === "ja" ? "、" : ", "),
  };
  const parts = [formatMessage("submissions-summary", params, lang)];
  if (ps.late > 0) parts.push(formatMessage("submissions-late", params, lang));
  if (ps.missing > 0) parts.push(formatMessage("submissions-missing", params, lang));
  if (ps.pending > 0) parts.push(formatMessage("submissions-pending", params, lang));
  return parts.join(lang === "ja" ? "、" : ", ") + (lang === "ja" ? "。" : ".");
}

/** A day after every 提出期限: reports not received by then are all missing. */
export const AFTER_ALL_DUE_DATES: PlainDate = "9999-12-31";

/** What to say when the registry has no 取組 (a new, empty registry). */
export function noMeasuresText(lang: Lang): string {
  return formatMessage("submissions-none", {}, lang);
}
