/**
 * The cells of a pillar report's tables and the values of its {{placeholders}}: decided once
 * here so the Google Doc and any other renderer say the same thing.
 */
import { formatNumber } from "./deck";
import type { MeasureReport, PillarReport } from "./model";
import { isSubmitted } from "./pillar";

const NONE = "—";

const orNone = (s: string | null | undefined): string =>
  s === null || s === undefined || s.trim() === "" ? NONE : s;

function withUnit(n: number | null, unit: string): string {
  return n === null ? NONE : `${formatNumber(n)}${unit}`;
}

/** 「目標 10件 / 実績 12件（120%）」, or what is missing. */
export function figureText(m: MeasureReport): string {
  if (m.indicator === "" && m.targetValue === null && m.actual === null) return NONE;
  const rate = m.achievementRate === null ? "" : `（達成率 ${formatNumber(m.achievementRate)}%）`;
  const indicator = m.indicator === "" ? "" : `${m.indicator}: `;
  return `${indicator}目標 ${withUnit(m.targetValue, m.unit)} / 実績 ${withUnit(m.actual, m.unit)}${rate}`;
}

/** The grade as the summary counts it: only submitted or confirmed reports carry a grade. */
export function gradeText(m: MeasureReport): string {
  if (m.status === "未報告") return "未報告";
  if (!isSubmitted(m.status)) return `${NONE}（${m.status}）`;
  if (m.grade === null) return NONE;
  return m.gradeLabel ? `${m.grade}（${m.gradeLabel}）` : m.grade;
}

export function measureTable(report: PillarReport): string[][] {
  return [
    ["取組", "取組目標", "指標・目標／実績", "評価", "PDCA", "実施内容"],
    ...report.measures.map((m) => [
      `${m.measureId} ${m.content}\n主担当: ${m.lead}${m.related.length > 0 ? `／関係: ${m.related.join("、")}` : ""}`,
      orNone(m.targetText),
      figureText(m),
      gradeText(m),
      orNone(m.pdca),
      orNone(m.done),
    ]),
  ];
}

export function gradeTable(report: PillarReport): string[][] {
  return [
    ["評価", "意味", "取組数"],
    ...report.grades.map((g) => [g.code, g.label, String(g.count)]),
    [
      "—",
      "未評価・未報告",
      String(report.measures.length - report.grades.reduce((n, g) => n + g.count, 0)),
    ],
  ];
}

export function issuesTable(report: PillarReport): string[][] {
  const rows = report.measures
    .filter((m) => m.issues.trim() !== "" || m.next.trim() !== "")
    .map((m) => [m.measureId, orNone(m.issues), orNone(m.next)]);
  return [
    ["取組", "課題", "次の対応"],
    ...(rows.length > 0 ? rows : [[NONE, "記載はありません", NONE]]),
  ];
}

export function pillarPlaceholders(report: PillarReport): {
  values: Record<string, string>;
  summaryRows: string[][];
} {
  const submission = `${report.measures.length} 取組中 ${report.submitted} 取組が提出済`;
  const gradeSummary = report.grades.map((g) => `${g.code}:${g.count}`).join(" ");
  const values: Record<string, string> = {
    計画名: report.planName,
    年度: report.fyLabel,
    対象: report.scopeLabel,
    柱ID: report.pillarId,
    柱名: report.name,
    戦略: orNone(report.strategy),
    到達目標: orNone(report.goal),
    所管課: orNone(report.owners.join("、")),
    提出状況: submission,
    評価概要: gradeSummary === "" ? NONE : gradeSummary,
  };
  return {
    values,
    summaryRows: [
      ["戦略", values.戦略 ?? NONE],
      ["到達目標", values.到達目標 ?? NONE],
      ["所管課", values.所管課 ?? NONE],
      ["提出状況", submission],
    ],
  };
}
