import { describe, expect, it } from "vitest";
import { buildDeckModel, issueGroups, yearOutsidePlan } from "../../../src/domain/reports";
import { buildPillarReports } from "../../../src/domain/reports/pillar";
import { demoRegistry } from "./fixtures";

describe("年次報告スライド model on the demo plan", () => {
  const registry = demoRegistry();
  const deck = buildDeckModel(registry, { fy: 2012 });

  it("titles the deck with the plan, the year in 和暦 and 西暦, 発行課 and the year's end", () => {
    expect(deck.slides[0]).toEqual({
      kind: "title",
      title: "藤枝市新公共経営実行計画",
      subtitle: "平成24年度（2012年度） 年次報告",
      issuer: registry.settings.issuingDivision,
      date: "平成25年3月31日",
    });
    // the year once in the footer
    expect(deck.footer.match(/平成24年度/g)).toHaveLength(1);
  });

  it("names the pillars on the overview and gives each its 到達目標 and 取組", () => {
    const overview = deck.slides[1];
    expect(overview?.kind === "overview" && overview.pillars[0]?.name).toMatch(/^柱-1 \S/);
    const pillars = deck.slides.filter((s) => s.kind === "pillar");
    expect(pillars).toHaveLength(registry.pillars.length);
    for (const p of pillars) if (p.kind === "pillar") expect(p.goal).not.toBe("");
  });

  it("says 実績未入力 only where a report has no 実績値", () => {
    const reports = buildPillarReports(registry, { fy: 2012 });
    const byId = new Map(reports.flatMap((r) => r.measures).map((m) => [m.measureId, m]));
    for (const s of deck.slides) {
      if (s.kind !== "pillar") continue;
      for (const m of s.measures) {
        const r = byId.get(m.measureId);
        expect(m.actual === "実績未入力").toBe(r?.status !== "未報告" && r?.actual === null);
      }
    }
  });

  it("lists a 課題 written the same way by several 取組 of a 柱 once, with all their IDs", () => {
    const reports = buildPillarReports(registry, { fy: 2012 });
    const first = reports[0];
    if (!first) throw new Error("no pillar");
    const copy = {
      ...first,
      measures: first.measures.map((m) => ({ ...m, issues: "同じ課題", next: "同じ対応" })),
    };
    const groups = issueGroups([copy]);
    expect(groups).toEqual([
      {
        pillar: `${first.pillarId} ${first.name}`,
        items: [
          {
            measureIds: first.measures.map((m) => m.measureId),
            issue: "同じ課題",
            next: "同じ対応",
          },
        ],
      },
    ]);
  });

  it("refuses a year outside the plan with a message that names the plan's years", () => {
    expect(yearOutsidePlan(registry, 2013)).toBeNull();
    expect(yearOutsidePlan(registry, 2030)).toBe(
      "令和12年度（2030年度）は計画期間（平成24年度（2012年度）〜平成26年度（2014年度））の外です。計画期間内の年度を指定してください。",
    );
  });
});
