/**
 * 年次報告スライド model: what the deck says, decided once for every painter.
 *
 * Title (plan, year in 和暦 and 西暦, 発行課, 報告日), an overview with one row per 柱 (its
 * name, submission and grade bars), one pillar slide per 柱 (戦略, 到達目標, each 取組 with
 * its 取組目標, target vs actual, 達成率, grade and chart) and the 課題 / 次の対応 grouped per 柱.
 * Where each thing goes, and how a long pillar or issue list spreads over several slides, is
 * decided by ./layout (one measuring function, one theme); painters only paint that layout.
 */
import { formatFiscalYear, formatJapaneseDate, type PlainDate } from "../calendar";
import { type Registry, reportDateOf } from "../registry";
import { noMeasuresText } from "../submissions";
import type {
  BarRow,
  DeckIssue,
  DeckMeasure,
  DeckModel,
  DeckSlide,
  MeasureReport,
  PillarReport,
  ReportScope,
  ReportSubmissions,
} from "./model";
import {
  buildPillarReports,
  isSubmitted,
  reportSubmissions,
  scopeLabel,
  scopeSubmissions,
} from "./pillar";

/**
 * Keys of BarRow parts and legend entries: "submitted" (提出), "unsubmitted" (未提出),
 * "ungraded" (未評価), and each 評価区分 by its code ("A").
 */
export const BAR_KEYS = {
  submitted: "submitted",
  unsubmitted: "unsubmitted",
  ungraded: "ungraded",
  grade: (code: string) => code,
} as const;

export interface DeckOptions {
  /** the date on the title slide; default 設定 報告日, else the last day of the reported year */
  readonly date?: PlainDate;
}

/** Splits a list into chunks of `size` (one empty chunk for an empty list). */
export function chunk<T>(list: readonly T[], size: number): T[][] {
  const n = Math.max(1, Math.floor(size));
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += n) out.push(list.slice(i, i + n));
  return out.length > 0 ? out : [[]];
}

/** "2 / 3" when there is more than one part, else "". */
export function partLabel(index: number, count: number): string {
  return count > 1 ? `${index + 1} / ${count}` : "";
}

/** 1234.5 -> "1,234.5"; float noise beyond 6 decimals is dropped. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const rounded = Math.abs(n) < 1e9 ? Math.round(n * 1e6) / 1e6 : n;
  const text = String(Math.abs(rounded));
  if (/e/i.test(text)) return String(rounded);
  const [int = "0", frac] = text.split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${rounded < 0 ? "-" : ""}${grouped}${frac ? `.${frac}` : ""}`;
}

const NONE = "—";

/** 「平成24年度（2012年度）」 */
export function fiscalYearBoth(fy: number): string {
  const wareki = formatFiscalYear(fy, "ja");
  return wareki === `${fy}年度` ? wareki : `${wareki}（${fy}年度）`;
}

/** The pillar's name as people say it: 「柱1 職員の意識改革」 (its ID alone when unnamed). */
export function pillarName(r: Pick<PillarReport, "pillarId" | "name">): string {
  const name = r.name.trim();
  return name === "" ? r.pillarId : `${r.pillarId} ${name}`;
}

/** The figures and words of one 取組 on its pillar slide. */
/** 10月15日 */
function monthDay(date: PlainDate): string {
  const [, month, day] = date.split("-").map(Number);
  return `${month}月${day}日`;
}

/**
 * What the card says when the report owed for the counted period is missing or late, so that a
 * figure from an earlier quarter is never taken for the current one (the same states as
 * ダッシュボード and the reminders of that day).
 */
function owedNote(m: MeasureReport, owed: ReportSubmissions | undefined, shown: string): string {
  if (!owed) return shown;
  const period = owed.periodLabel.replace(/^\S+年度\s*/, "");
  if (m.submission === "missing") {
    const missing = `${period}の報告は未提出（期限 ${monthDay(owed.dueDate)}）`;
    // the card's one line: what is missing first, then where the figures shown come from
    return m.status === "未報告" || m.periodLabel === null
      ? missing
      : `${missing}・表示は${m.periodLabel}の値`;
  }
  if (m.submission === "late") return `${shown}（期限後に提出）`;
  return shown;
}

export function deckMeasure(m: MeasureReport, owed?: ReportSubmissions): DeckMeasure {
  const value = (n: number | null) => (n === null ? NONE : `${formatNumber(n)}${m.unit}`);
  const actual =
    m.status === "未報告" ? "未報告" : m.actual === null ? "実績未入力" : value(m.actual);
  const note =
    m.status === "未報告"
      ? "この期間の報告はありません"
      : !isSubmitted(m.status)
        ? `${m.periodLabel ?? ""}の報告は${m.status}です`
        : m.prorated
          ? `${m.periodLabel ?? ""}の報告（目標は年度目標を按分）`
          : `${m.periodLabel ?? ""}の報告`;
  const submitted = isSubmitted(m.status);
  const alert = owed !== undefined && (m.submission === "missing" || m.submission === "late");
  return {
    measureId: m.measureId,
    content: m.content,
    targetText: m.targetText,
    indicator:
      m.indicator === "" ? "" : m.unit === "" ? m.indicator : `${m.indicator}（${m.unit}）`,
    target: value(m.targetValue),
    actual,
    rate: m.achievementRate === null ? NONE : `${formatNumber(m.achievementRate)}%`,
    grade: submitted ? (m.grade ?? "") : "",
    gradeLabel: submitted ? (m.gradeLabel ?? "") : "",
    computedGrade: submitted && m.gradeDisagrees ? (m.computedGrade ?? "") : "",
    note: owedNote(m, owed, note),
    noteAlert: alert,
    unit: m.unit,
    series: m.series.map((p) => ({
      label: formatFiscalYear(p.fy, "ja").replace(/年度$/, ""),
      target: p.target,
      actual: p.actual,
    })),
  };
}

function gradeName(g: { readonly code: string; readonly label: string }): string {
  return g.label === "" ? g.code : `${g.code} ${g.label}`;
}

function submissionBar(r: PillarReport): BarRow {
  const total = r.measures.length;
  return {
    label: pillarName(r),
    total,
    parts: [
      { key: BAR_KEYS.submitted, label: "提出", value: r.submitted },
      { key: BAR_KEYS.unsubmitted, label: "未提出", value: total - r.submitted },
    ],
  };
}

function gradeBar(r: PillarReport): BarRow {
  const total = r.measures.length;
  const graded = r.grades.reduce((n, g) => n + g.count, 0);
  return {
    label: pillarName(r),
    total,
    parts: [
      ...r.grades.map((g) => ({
        key: BAR_KEYS.grade(g.code),
        label: gradeName(g),
        value: g.count,
      })),
      // 未提出 / 差戻し / 未報告, and any grade that is not a 評価区分
      { key: BAR_KEYS.ungraded, label: "未評価", value: total - graded },
    ],
  };
}

function overviewSlide(
  registry: Registry,
  reports: readonly PillarReport[],
  submissions: ReportSubmissions,
): DeckSlide {
  const total = reports.reduce((n, r) => n + r.measures.length, 0);
  return {
    kind: "overview",
    title: "柱ごとの提出状況と評価",
    pillars: reports.map((r) => ({
      name: pillarName(r),
      submission: submissionBar(r),
      grades: gradeBar(r),
    })),
    legend: [
      { key: BAR_KEYS.submitted, label: "提出" },
      { key: BAR_KEYS.unsubmitted, label: "未提出" },
      ...registry.settings.grades.map((g) => ({
        key: BAR_KEYS.grade(g.code),
        label: gradeName(g),
      })),
      { key: BAR_KEYS.ungraded, label: "未評価" },
    ],
    // the sentence ダッシュボード and 全体チェック give for the same period and day
    note: total === 0 ? noMeasuresText("ja") : submissions.summary,
  };
}

function pillarSlide(registry: Registry, r: PillarReport): DeckSlide {
  return {
    kind: "pillar",
    title: pillarName(r),
    strategy: r.strategy.trim(),
    goal: r.goal.trim(),
    measures: r.measures.map((m) => deckMeasure(m, r.submissions)),
    gradeOrder: registry.settings.grades.map((g) => g.code),
  };
}

/**
 * 課題 / 次の対応 per 柱, in plan order, real text only: 取組 that wrote nothing are left out,
 * and 取組 of a 柱 that wrote the very same pair are listed once, with all their IDs.
 */
export function issueGroups(
  reports: readonly PillarReport[],
): Extract<DeckSlide, { kind: "issues" }>["groups"] {
  return reports.flatMap((r) => {
    const items: { measureIds: string[]; issue: string; next: string }[] = [];
    const byText = new Map<string, (typeof items)[number]>();
    for (const m of r.measures) {
      const issue = m.issues.trim();
      const next = m.next.trim();
      if (issue === "" && next === "") continue;
      const key = `${issue}\u0000${next}`;
      const seen = byText.get(key);
      if (seen) seen.measureIds.push(m.measureId);
      else {
        const item = { measureIds: [m.measureId], issue, next };
        byText.set(key, item);
        items.push(item);
      }
    }
    return items.length > 0 ? [{ pillar: pillarName(r), items: items as DeckIssue[] }] : [];
  });
}

/**
 * Why a report for `fy` cannot be made: the year lies outside the plan (開始年度–終了年度).
 * null when it can (or when the plan's years are not set).
 */
export function yearOutsidePlan(registry: Registry, fy: number): string | null {
  const { startFy, endFy } = registry.settings;
  if (startFy === null || endFy === null) return null;
  if (fy >= startFy && fy <= endFy) return null;
  return `${fiscalYearBoth(fy)}は計画期間（${fiscalYearBoth(startFy)}〜${fiscalYearBoth(endFy)}）の外です。計画期間内の年度を指定してください。`;
}

/** The report date: the option, else 設定 報告日, else the last day of the reported year. */
function reportDate(registry: Registry, scope: ReportScope, options: DeckOptions): PlainDate {
  return options.date ?? reportDateOf(registry.settings, scope.fy);
}

/**
 * The annual deck: title, overview, one pillar slide per 柱, the issues. Title: the plan name;
 * subtitle 「平成24年度（2012年度） 年次報告」 for the whole year, with the period for a period.
 */
export function buildDeckModel(
  registry: Registry,
  scope: ReportScope,
  options: DeckOptions = {},
): DeckModel {
  const reports = buildPillarReports(registry, scope);
  const submissions = reportSubmissions(scopeSubmissions(registry, scope));
  const fyLabel = formatFiscalYear(scope.fy, "ja");
  const kind = scope.period === undefined ? "年次報告" : "進捗報告";
  const scopeText = scopeLabel(registry, scope);
  const yearText = scopeText.replace(fyLabel, fiscalYearBoth(scope.fy));
  const subtitle = `${yearText} ${kind}`;
  const planName = registry.settings.planName.trim();
  const slides: DeckSlide[] = [
    {
      kind: "title",
      title: planName === "" ? kind : planName,
      subtitle,
      issuer: registry.settings.issuingDivision.trim(),
      date: formatJapaneseDate(reportDate(registry, scope, options), "ja"),
    },
    overviewSlide(registry, reports, submissions),
    ...reports.map((r) => pillarSlide(registry, r)),
    {
      kind: "issues",
      title: "課題と次の対応",
      groups: issueGroups(reports),
      empty: "記載された課題・次の対応はありません。",
    },
  ];
  const short = `${scopeText} ${kind}`;
  return {
    title: planName === "" ? short : `${planName} ${short}`,
    footer: planName === "" ? short : `${planName}　${short}`,
    fy: scope.fy,
    fyLabel,
    submissions,
    slides,
  };
}
