/**
 * 年次報告スライド model: title, overview, one slide per 柱 (more when a 柱 has more than
 * DECK_LIMITS.rowsPerSlide 取組), and the 課題 / 次の対応 slide(s) at the end.
 *
 * Every text is sized here, in full-width columns (ASCII 0.5, see ./text), so renderers never
 * have to cut: single-line fields are shortened with a visible "…" to the limits below (the full
 * texts are in the 柱別報告書), and 課題 / 次の対応 are never shortened: they are wrapped with
 * "\n" at DECK_LIMITS.issueColumns and spread over as many slides as they need.
 */
import {
  fiscalYearEnd,
  formatFiscalYear,
  formatJapaneseDate,
  type PlainDate,
  periodOf,
} from "../calendar";
import type { Registry } from "../registry";
import { noMeasuresText } from "../submissions";
import type {
  BarRow,
  DeckModel,
  DeckSlide,
  GradeCount,
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
import { shorten, wrapText } from "./text";

/** The room renderers must give each field, in full-width columns / lines. */
export const DECK_LIMITS = {
  /** 取組 rows on one pillar slide; more continue on the next slide ("1 / 2") */
  rowsPerSlide: 8,
  /** pillar slide title: "柱-1 名称" */
  titleColumns: 40,
  /** the 戦略 under a pillar slide's title (two lines of 45) */
  strategyColumns: 90,
  /** 取組 content in a pillar slide row (two lines of 20, or one of 40) */
  rowContentColumns: 40,
  /** the key figure in a pillar slide row */
  figureColumns: 40,
  /** width of the 課題 and of the 次の対応 column on the issues slide; texts hold "\n" at it */
  issueColumns: 30,
  /** text lines of one issues slide: an item takes max(課題 lines, 次の対応 lines) */
  issueLinesPerSlide: 16,
} as const;

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
  /** the date on the title slide (today, in Tokyo); default: the last day of the scope */
  readonly date?: PlainDate;
}

type PillarSlide = Extract<DeckSlide, { kind: "pillar" }>;
type IssuesSlide = Extract<DeckSlide, { kind: "issues" }>;
type IssueItem = IssuesSlide["items"][number];

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

/**
 * The key figure of a 取組 for a slide row:
 * 「実績 12件 / 目標 10件（120%）」, 「実績 12件」 (no 目標値), 「実績未入力 / 目標 10件」,
 * 「実績未入力」, or 「未報告」 when there is no report in scope.
 */
export function measureFigure(m: MeasureReport): string {
  if (m.status === "未報告") return "未報告";
  const value = (n: number) => `${formatNumber(n)}${m.unit}`;
  const target = m.targetValue === null ? "" : ` / 目標 ${value(m.targetValue)}`;
  if (m.actual === null) return shorten(`実績未入力${target}`, DECK_LIMITS.figureColumns);
  const rate = m.achievementRate === null ? "" : `（${formatNumber(m.achievementRate)}%）`;
  return shorten(`実績 ${value(m.actual)}${target}${rate}`, DECK_LIMITS.figureColumns);
}

/** The grade shown for a 取組: its code when submitted, else "—". */
export function slideGrade(m: MeasureReport): string {
  return isSubmitted(m.status) && m.grade !== null ? m.grade : "—";
}

function lastDayOfScope(registry: Registry, scope: ReportScope): PlainDate {
  const period =
    scope.period === undefined
      ? undefined
      : periodOf(scope.fy, registry.settings.cycle, scope.period);
  return period?.end ?? fiscalYearEnd(scope.fy);
}

function submissionBar(r: PillarReport): BarRow {
  const total = r.measures.length;
  return {
    label: r.pillarId,
    total,
    parts: [
      { key: BAR_KEYS.submitted, label: "提出", value: r.submitted },
      { key: BAR_KEYS.unsubmitted, label: "未提出", value: total - r.submitted },
    ],
  };
}

function gradeLabel(g: { readonly code: string; readonly label: string }): string {
  return g.label === "" ? g.code : `${g.code} ${g.label}`;
}

function gradeBar(r: PillarReport): BarRow {
  const total = r.measures.length;
  const graded = r.grades.reduce((n, g) => n + g.count, 0);
  return {
    label: r.pillarId,
    total,
    parts: [
      ...r.grades.map((g) => ({
        key: BAR_KEYS.grade(g.code),
        label: gradeLabel(g),
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
    title: "提出状況と評価の分布",
    submission: reports.map(submissionBar),
    grades: reports.map(gradeBar),
    legend: [
      { key: BAR_KEYS.submitted, label: "提出" },
      { key: BAR_KEYS.unsubmitted, label: "未提出" },
      ...registry.settings.grades.map((g) => ({
        key: BAR_KEYS.grade(g.code),
        label: gradeLabel(g),
      })),
      { key: BAR_KEYS.ungraded, label: "未評価" },
    ],
    note: total === 0 ? noMeasuresText("ja") : submissions.summary,
  };
}

/** The slide(s) of one 柱: DECK_LIMITS.rowsPerSlide rows each, at least one slide. */
export function pillarSlides(report: PillarReport): PillarSlide[] {
  const rows = report.measures.map((m) => ({
    measureId: m.measureId,
    content: shorten(m.content, DECK_LIMITS.rowContentColumns),
    grade: slideGrade(m),
    figure: measureFigure(m),
  }));
  const pages = chunk(rows, DECK_LIMITS.rowsPerSlide);
  const grades: readonly GradeCount[] = report.grades;
  return pages.map((page, i) => ({
    kind: "pillar",
    title: shorten(`${report.pillarId} ${report.name}`, DECK_LIMITS.titleColumns),
    strategy: shorten(report.strategy, DECK_LIMITS.strategyColumns),
    rows: page,
    grades,
    part: partLabel(i, pages.length),
  }));
}

interface IssueBlock {
  readonly measureId: string;
  readonly issue: readonly string[];
  readonly next: readonly string[];
}

function height(b: IssueBlock): number {
  return Math.max(b.issue.length, b.next.length, 1);
}

function toItem(b: IssueBlock, continued: boolean): IssueItem {
  return {
    measureId: b.measureId,
    issue: b.issue.join("\n"),
    next: b.next.join("\n"),
    ...(continued ? { continued: true } : {}),
  };
}

/**
 * The closing slide(s): every 取組 whose report in scope has a 課題 or a 次の対応, in plan
 * order, wrapped at DECK_LIMITS.issueColumns. An item goes whole onto the next slide when it
 * does not fit in what is left of one; an item taller than a whole slide is split line by line,
 * its later pieces marked `continued`. Always at least one slide (with no items when nothing
 * was written).
 */
export function issuesSlides(reports: readonly PillarReport[]): IssuesSlide[] {
  const budget = Math.max(1, DECK_LIMITS.issueLinesPerSlide);
  const blocks: IssueBlock[] = reports.flatMap((r) =>
    r.measures
      .filter((m) => m.issues.trim() !== "" || m.next.trim() !== "")
      .map((m) => ({
        measureId: m.measureId,
        issue: wrapText(m.issues.trim(), DECK_LIMITS.issueColumns),
        next: wrapText(m.next.trim(), DECK_LIMITS.issueColumns),
      })),
  );
  const pages: IssueItem[][] = [[]];
  let used = 0;
  const newPage = () => {
    pages.push([]);
    used = 0;
  };
  const put = (item: IssueItem, lines: number) => {
    pages[pages.length - 1]?.push(item);
    used += lines;
  };
  for (const block of blocks) {
    let rest = block;
    let continued = false;
    for (;;) {
      const h = height(rest);
      if (h <= budget - used) {
        put(toItem(rest, continued), h);
        break;
      }
      if (used > 0) {
        newPage();
        continue;
      }
      // Taller than a whole slide: a slide's worth now, the rest on the next slides.
      put(
        toItem(
          {
            measureId: rest.measureId,
            issue: rest.issue.slice(0, budget),
            next: rest.next.slice(0, budget),
          },
          continued,
        ),
        budget,
      );
      newPage();
      rest = {
        measureId: rest.measureId,
        issue: rest.issue.slice(budget),
        next: rest.next.slice(budget),
      };
      continued = true;
    }
  }
  const filled = pages.filter((p, i) => p.length > 0 || i === 0);
  return filled.map((items, i) => ({
    kind: "issues",
    title: "課題と次の対応",
    items,
    part: partLabel(i, filled.length),
  }));
}

/**
 * The annual deck: title, overview, the pillar slides in 柱 order, the issues slide(s).
 * The seed plan gives 1 + 1 + 6 + 1 = 9 slides. Title: the plan name; subtitle
 * 「平成24年度 年次報告」 for the whole year, 「平成24年度 第2四半期 進捗報告」 for a period.
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
  const subtitle = `${scopeLabel(registry, scope)} ${kind}`;
  const planName = registry.settings.planName.trim();
  const date = options.date ?? lastDayOfScope(registry, scope);
  const slides: DeckSlide[] = [
    {
      kind: "title",
      title: planName === "" ? kind : planName,
      subtitle,
      date: formatJapaneseDate(date, "ja"),
    },
    overviewSlide(registry, reports, submissions),
    ...reports.flatMap(pillarSlides),
    ...issuesSlides(reports),
  ];
  return {
    title: planName === "" ? subtitle : `${planName} ${subtitle}`,
    fy: scope.fy,
    fyLabel,
    submissions,
    slides,
  };
}
