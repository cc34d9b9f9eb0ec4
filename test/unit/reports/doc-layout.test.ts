/** The 柱別報告書 layout: what it says, how headings break, what stays on one page. */
import { describe, expect, it } from "vitest";
import { DEMO_FY, DEMO_TODAY } from "../../../sheets-templates";
import { buildPillarReports, type PillarReport } from "../../../src/domain/reports";
import {
  balancedLines,
  CHART_STEPS,
  columnsIn,
  DOC_WIDTH,
  type DocBlock,
  type DocParagraph,
  layoutPillarDoc,
} from "../../../src/domain/reports/layout";
import { displayWidth } from "../../../src/domain/reports/text";
import { demoRegistry } from "./fixtures";

const reports = buildPillarReports(demoRegistry(), { fy: DEMO_FY, asOf: DEMO_TODAY });
const textOf = (b: DocBlock): string =>
  b.kind === "paragraph"
    ? b.runs.map((r) => r.text).join("")
    : b.rows.map((row) => row.map((c) => c.runs.map((r) => r.text).join("")).join("\t")).join("\n");
const all = (r: PillarReport) => layoutPillarDoc(r).blocks.map(textOf).join("\n");

describe("layoutPillarDoc", () => {
  it("opens with the pillar, the plan, the year in 和暦 and 西暦, 発行課 and 報告日", () => {
    const r = reports[0] as PillarReport;
    const text = all({ ...r, issuer: "企画政策課" });
    expect(text).toContain("藤枝市新公共経営実行計画");
    expect(text).toContain("平成24年度（2012年度）の進捗");
    expect(text).toContain("発行　企画政策課\n報告日　平成25年3月31日");
    expect(text).toContain(r.strategy);
    expect(text).toContain(r.goal);
    expect(text).toContain(r.submissions.summary);
  });

  it("breaks headings evenly: no line of a heading holds fewer than three columns", () => {
    for (const r of reports) {
      for (const b of layoutPillarDoc(r).blocks) {
        if (b.kind !== "paragraph") continue;
        const size = b.runs[0]?.size ?? 0;
        if (b.level === 0 && size < 20) continue;
        const lines = textOf(b).split("\n");
        for (const line of lines) {
          expect(displayWidth(line), line).toBeLessThanOrEqual(columnsIn(DOC_WIDTH, size));
          if (lines.length > 1) expect(displayWidth(line), line).toBeGreaterThanOrEqual(3);
        }
      }
    }
    // 36 columns where fewer fit: two lines of about 18, never 35 and 1
    const text = "あ".repeat(36);
    const size = DOC_WIDTH / 40;
    expect(columnsIn(DOC_WIDTH, size)).toBeLessThan(36);
    const lines = balancedLines(text, DOC_WIDTH, size);
    expect(lines).toHaveLength(2);
    for (const l of lines) expect(l.length).toBeGreaterThanOrEqual(17);
    expect(lines.join("")).toBe(text);
  });

  it("keeps each 取組 together: every block of it but the last keeps with the next", () => {
    for (const r of reports) {
      const blocks = layoutPillarDoc(r).blocks;
      const starts = blocks.flatMap((b, i) => (b.kind === "paragraph" && b.level === 2 ? [i] : []));
      expect(starts).toHaveLength(r.measures.length);
      starts.forEach((s, k) => {
        const end = (starts[k + 1] ?? blocks.length) - 1;
        for (let i = s; i < end; i++)
          expect(blocks[i]?.keepWithNext, `${r.pillarId} block ${i}`).toBe(true);
        expect(blocks[end]?.keepWithNext ?? false).toBe(false);
      });
    }
  });

  it("says 未設定 for what is not set, never a bare dash, and PDCA in words beside 評価 with its label", () => {
    for (const r of reports) {
      const text = all({ ...r, goal: "" });
      expect(text).not.toMatch(/—|－|^-$/m);
      expect(text).toContain("到達目標\t未設定");
      expect(text).not.toMatch(/^PDCAの段階\t[PDCA]$/m);
      const steps = text.match(/PDCAの段階\t(計画（Plan）|実行（Do）|検証（Check）|改善（Act）)/g);
      expect(steps?.length ?? 0).toBe(r.measures.filter((x) => x.pdca !== null).length);
    }
  });

  it("shows a typed grade that disagrees with the computed one", () => {
    const r = reports.find((x) => x.measures.some((m) => m.grade !== null)) as PillarReport;
    const m = r.measures.find(
      (x) => x.grade !== null && (x.status === "提出済" || x.status === "確認済"),
    );
    if (!m) throw new Error("no graded 取組");
    const odd = {
      ...m,
      typedGrade: "D",
      grade: "D",
      gradeLabel: "遅れ",
      computedGrade: "A",
      gradeDisagrees: true,
    };
    const text = all({ ...r, measures: [odd] });
    expect(text).toContain("D 遅れ");
    expect(text).toContain("入力された評価「D」は、達成率から求めた評価「A」と異なります");
  });

  it("draws target vs actual per plan year as shaded bars, one cell a bar", () => {
    const r = reports.find((x) => x.measures.some((m) => m.series.some((p) => p.actual !== null)));
    if (!r) throw new Error("no figures");
    const charts = layoutPillarDoc(r).blocks.filter(
      (b) =>
        b.kind === "table" &&
        b.rows.some((row) => row[2]?.runs.some((run) => run.background !== undefined)),
    );
    expect(charts.length).toBeGreaterThan(0);
    const chart = charts[0];
    if (chart?.kind !== "table") throw new Error("no chart");
    // 目標 for every plan year, 実績 up to the reported one; the longest bar fills every step
    const series = r.measures[0]?.series ?? [];
    expect(chart.rows).toHaveLength(series.length + series.filter((p) => p.fy <= r.fy).length);
    // four cells a row: year, 目標/実績, the bar, the value
    expect(chart.rows.every((row) => row.length === 4)).toBe(true);
    const lengths = chart.rows.map((row) => row[2]?.runs.map((run) => run.text).join("").length);
    expect(Math.max(...lengths.map((n) => n ?? 0))).toBe(CHART_STEPS);
  });

  it("says plainly when a pillar has no 取組", () => {
    const r = { ...(reports[0] as PillarReport), measures: [], grades: [] };
    const layout = layoutPillarDoc(r);
    expect(all(r)).toContain("この柱に登録された取組はありません。");
    expect(layout.measuresFrom).toBe(layout.blocks.length);
    expect(layout.blocks.some((b) => (b as DocParagraph).pageBreakBefore)).toBe(false);
  });
});
