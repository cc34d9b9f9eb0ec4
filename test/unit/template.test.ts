import { describe, expect, it } from "vitest";
import { FUJIEDA_PLAN } from "../../sheets-templates";

// The seed (../shared/seed) as published by 藤枝市: these strings are copied from it by hand,
// so the template is checked against the source, not against itself.
const SEED_PILLARS = [
  [
    "柱-1",
    "真に市民の役に立つ職員の計画的・戦略的な育成",
    "本気で職員の育成・成長を支援し、職員の自己研鑚や業務の成果を評価する。",
  ],
  [
    "柱-2",
    "地域主権改革の中で本市行政が果たすべき役割",
    "市民の知恵や工夫を市政に取り入れ、市政の力を高めて内外に発信するシティ・プロモーションを展開する。",
  ],
  [
    "柱-3",
    "市役所内部の横断的な連携と権限の移譲",
    "職場の課題を解決して職員が仕事に打ち込める環境を創り、組織体制を整えて部局マネジメントを行う。",
  ],
  [
    "柱-4",
    "業務の改善による創造的な仕事への転換",
    "市民のための仕事を考える“ゆとり”を生み出し、職員のやる気=元気を育む改革改善運動を展開する。",
  ],
  [
    "柱-5",
    "市民への情報発信と戦略的広報の推進",
    "市民に分かりやすく、利用しやすい情報を提供するとともに、内外に藤枝情報を積極的に発信する。",
  ],
  [
    "柱-6",
    "市役所のPDCAサイクルの確立",
    "職員にも、市民にも分かりやすいPDCAサイクルの浸透を図る。",
  ],
];

describe("the bundled plan (sheets-templates/fujieda-plan.json)", () => {
  it("carries the 6 pillars with name and strategy verbatim", () => {
    expect(FUJIEDA_PLAN.pillars.map((p) => [p.pillarId, p.name, p.strategy])).toEqual(SEED_PILLARS);
  });

  it("carries the 14 measures, 3/2/2/3/2/2 per pillar, verbatim", () => {
    const per = SEED_PILLARS.map(
      ([id]) => FUJIEDA_PLAN.measures.filter((m) => m.pillarId === id).length,
    );
    expect(per).toEqual([3, 2, 2, 3, 2, 2]);
    expect(FUJIEDA_PLAN.measures.map((m) => m.content)).toContain(
      "新採10年で3か所の経験(ジェネラリスト)と職の公募制(スペシャリスト)で適正配置",
    );
    expect(FUJIEDA_PLAN.measures.map((m) => m.content)).toContain(
      "管理部門4課によるPDCA会議を開催して、“選択と集中”の実践を推進",
    );
  });

  it("derives 主担当課 and 関係課 from the pillar's 所管", () => {
    const m11 = FUJIEDA_PLAN.measures.find((m) => m.measureId === "1-1");
    expect(m11).toMatchObject({ lead: "人事課", related: "行政経営課" });
    const m51 = FUJIEDA_PLAN.measures.find((m) => m.measureId === "5-1");
    expect(m51).toMatchObject({ lead: "広報課", related: "" });
    expect(FUJIEDA_PLAN.pillars.find((p) => p.pillarId === "柱-3")?.owners).toBe(
      "人事課、行政経営課、企画政策課、財政課",
    );
  });

  it("lists the divisions named in the plan on a reserved example domain", () => {
    expect(FUJIEDA_PLAN.divisions.map((d) => d.name)).toEqual([
      "人事課",
      "行政経営課",
      "企画政策課",
      "財政課",
      "広報課",
    ]);
    for (const d of FUJIEDA_PLAN.divisions)
      expect(String(d.email)).toMatch(/@city\.fujieda\.example$/);
  });

  it("plans FY2012-FY2014 quarterly and invents nothing: no 到達目標, 指標, 年度目標 or 進捗", () => {
    expect(FUJIEDA_PLAN.settings).toMatchObject({
      startFy: "2012",
      endFy: "2014",
      cycle: "四半期",
    });
    expect(FUJIEDA_PLAN.targets).toEqual([]);
    expect(FUJIEDA_PLAN.progress ?? []).toEqual([]);
    for (const p of FUJIEDA_PLAN.pillars) expect(p.goal).toBe("");
    for (const m of FUJIEDA_PLAN.measures) expect([m.indicator, m.finalTarget]).toEqual(["", ""]);
  });
});
