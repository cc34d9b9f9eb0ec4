import { describe, expect, it } from "vitest";
import {
  achievementRate,
  buildPillarReport,
  buildPillarReports,
  pickReport,
} from "../../../src/domain/reports";
import { demoRegistry, measure, pillar, registryWith, report, target } from "./fixtures";

const SAMPLE = {
  goal1:
    "（サンプル）職員一人ひとりがキャリアプランを持ち、研修と評価を通じて成長を実感できる状態にする。",
  target2012:
    "（サンプル）キャリアデザイン研修を新設し、若手職員（採用10年以内）全員に受講機会を設ける。",
  target2012of51: "（サンプル）広報監による研究会を設け、ホームページの構成を見直す。",
  done2:
    "（サンプル）研修を4回追加し、累計118人が受講しました。受講者アンケートの満足度は87%でした。",
  issues2: "（サンプル）下期は繁忙期と重なり、日程の確保が難しくなります。",
  next2: "（サンプル）第3四半期は夜間・オンライン開催を試行します。",
  done51: "（サンプル）広報監による研究会を2回開き、ホームページの閲覧は52万件でした。",
  issues51: "（サンプル）知りたい情報にたどり着けないという声があります。",
  next51: "（サンプル）よく見られるページの配置を見直します。",
};

const counts = (grades: readonly { code: string; count: number }[]) =>
  Object.fromEntries(grades.map((g) => [g.code, g.count]));

describe("柱別報告書 for the seed plan, 平成24年度 第2四半期", () => {
  const reports = buildPillarReports(demoRegistry(), { fy: 2012, period: 2 });

  it("has one report per 柱 in sheet order, titled in 和暦 with the period", () => {
    expect(reports.map((r) => r.pillarId)).toEqual([
      "柱-1",
      "柱-2",
      "柱-3",
      "柱-4",
      "柱-5",
      "柱-6",
    ]);
    expect(reports[0]).toMatchObject({
      planName: "藤枝市新公共経営実行計画",
      fy: 2012,
      fyLabel: "平成24年度",
      scopeLabel: "平成24年度 第2四半期",
      name: "真に市民の役に立つ職員の計画的・戦略的な育成",
      strategy: "本気で職員の育成・成長を支援し、職員の自己研鑚や業務の成果を評価する。",
      goal: SAMPLE.goal1,
      owners: ["人事課", "行政経営課"],
      title: "平成24年度 第2四半期 柱-1 真に市民の役に立つ職員の計画的・戦略的な育成 進捗報告書",
    });
  });

  it("fills each 取組 from its 年度目標 and its 第2四半期 row", () => {
    const [m11, m12] = reports[0]?.measures ?? [];
    // 118 人 by 第2四半期 against the year's 250 pro-rated to 125: 94.4 %, computed B as typed
    expect(m11).toMatchObject({
      yearTarget: 250,
      targetValue: 125,
      prorated: true,
      achievementRate: 94.4,
      computedGrade: "B",
      gradeDisagrees: false,
    });
    expect(m11).toMatchObject({
      measureId: "1-1",
      content: "理想とする職員像(キャリアデザイン)を目指したステップ(キャリアプラン)の実現支援",
      lead: "人事課",
      related: ["行政経営課"],
      targetText: SAMPLE.target2012,
      indicator: "（サンプル）キャリアデザイン研修の受講者数",
      unit: "人",
      direction: "増加",
      baseline: 120,
      actual: 118,
      grade: "B",
      gradeLabel: "計画どおり",
      pdca: "D",
      done: SAMPLE.done2,
      issues: SAMPLE.issues2,
      next: SAMPLE.next2,
      status: "確認済",
      submission: "onTime",
      periodLabel: "第2四半期",
      reportedOn: "2012-10-11",
    });
    expect(m12).toMatchObject({ measureId: "1-2", grade: "A", status: "提出済" });
  });

  it("counts grades per 評価区分 in order and the submitted 取組 (12 of 14)", () => {
    expect(reports.map((r) => [r.pillarId, r.submitted, r.measures.length])).toEqual([
      ["柱-1", 3, 3],
      ["柱-2", 2, 2],
      ["柱-3", 2, 2],
      ["柱-4", 3, 3],
      ["柱-5", 1, 2],
      ["柱-6", 1, 2],
    ]);
    expect(reports[0]?.grades).toEqual([
      { code: "A", label: "計画以上", count: 1 },
      { code: "B", label: "計画どおり", count: 2 },
      { code: "C", label: "やや遅れ", count: 0 },
      { code: "D", label: "遅れ", count: 0 },
    ]);
    expect(reports.map((r) => counts(r.grades))).toEqual([
      { A: 1, B: 2, C: 0, D: 0 },
      { A: 1, B: 1, C: 0, D: 0 },
      { A: 1, B: 0, C: 1, D: 0 },
      { A: 1, B: 1, C: 1, D: 0 },
      { A: 1, B: 0, C: 0, D: 0 },
      { A: 0, B: 1, C: 0, D: 0 },
    ]);
  });

  it("marks 5-1 and 6-2, which have no 第2四半期 row, as 未報告 with nothing invented", () => {
    const m51 = reports[4]?.measures[0];
    expect(m51).toMatchObject({
      measureId: "5-1",
      targetText: SAMPLE.target2012of51,
      status: "未報告",
      grade: null,
      gradeLabel: null,
      pdca: null,
      done: "",
      issues: "",
      next: "",
      periodLabel: null,
      reportedOn: null,
    });
    expect(reports[5]?.measures[1]).toMatchObject({ measureId: "6-2", status: "未報告" });
  });
});

describe("柱別報告書 for the seed plan, 平成24年度 (whole year)", () => {
  const reports = buildPillarReports(demoRegistry(), { fy: 2012 });

  it("uses each 取組's latest report of the year: 第2四半期, or 第1 for 5-1 and 6-2", () => {
    expect(reports[0]?.title).toBe(
      "平成24年度 柱-1 真に市民の役に立つ職員の計画的・戦略的な育成 進捗報告書",
    );
    expect(reports[0]?.scopeLabel).toBe("平成24年度");
    const all = reports.flatMap((r) => r.measures);
    expect(all.map((m) => `${m.measureId}:${m.periodLabel}`)).toEqual([
      "1-1:第2四半期",
      "1-2:第2四半期",
      "1-3:第2四半期",
      "2-1:第2四半期",
      "2-2:第2四半期",
      "3-1:第2四半期",
      "3-2:第2四半期",
      "4-1:第2四半期",
      "4-2:第2四半期",
      "4-3:第2四半期",
      "5-1:第1四半期",
      "5-2:第2四半期",
      "6-1:第2四半期",
      "6-2:第1四半期",
    ]);
    expect(reports[4]?.measures[0]).toMatchObject({
      measureId: "5-1",
      grade: "B",
      pdca: "D",
      done: SAMPLE.done51,
      issues: SAMPLE.issues51,
      next: SAMPLE.next51,
      status: "確認済",
      reportedOn: "2012-07-10",
    });
  });

  it("grades the latest reports (A 5, B 7, C 2) but counts 第4四半期, which nobody has sent", () => {
    expect(reports.reduce((n, r) => n + r.submitted, 0)).toBe(0);
    expect(reports.reduce((n, r) => n + r.submissions.missing, 0)).toBe(14);
    expect(reports[0]?.submissions.periodLabel).toBe("平成24年度 第4四半期");
    const total = { A: 0, B: 0, C: 0, D: 0 } as Record<string, number>;
    for (const r of reports)
      for (const g of r.grades) total[g.code] = (total[g.code] ?? 0) + g.count;
    expect(total).toEqual({ A: 5, B: 7, C: 2, D: 0 });
    expect(counts(reports[4]?.grades ?? [])).toEqual({ A: 1, B: 1, C: 0, D: 0 });
    expect(counts(reports[5]?.grades ?? [])).toEqual({ A: 0, B: 2, C: 0, D: 0 });
  });

  it("builds one 柱 alone, the same as in the full list; undefined for an unknown 柱", () => {
    const r = demoRegistry();
    expect(buildPillarReport(r, "柱-3", { fy: 2012 })).toEqual(reports[2]);
    expect(buildPillarReport(r, "柱-9", { fy: 2012 })).toBeUndefined();
  });
});

describe("a year with no progress (平成25年度)", () => {
  it("reports every 取組 as 未報告, with the year's 取組目標 and no grades", () => {
    const reports = buildPillarReports(demoRegistry(), { fy: 2013 });
    expect(reports).toHaveLength(6);
    expect(reports[0]?.title).toBe(
      "平成25年度 柱-1 真に市民の役に立つ職員の計画的・戦略的な育成 進捗報告書",
    );
    const all = reports.flatMap((r) => r.measures);
    expect(all).toHaveLength(14);
    expect(new Set(all.map((m) => m.status))).toEqual(new Set(["未報告"]));
    expect(all.map((m) => m.targetText)).toContain(
      "（サンプル）中堅職員向け課程を加え、受講者が自らキャリアプランを作成する。",
    );
    for (const m of all) expect(m.targetText).toMatch(/^（サンプル）/);
    expect(all.map((m) => m.targetValue)).not.toContain(null);
    expect(reports.every((r) => r.submitted === 0)).toBe(true);
    expect(reports.flatMap((r) => r.grades).every((g) => g.count === 0)).toBe(true);
  });

  it("labels 令和元年度 by the municipal convention", () => {
    const [r] = buildPillarReports(demoRegistry(), { fy: 2019, period: 1 });
    expect(r?.scopeLabel).toBe("令和元年度 第1四半期");
  });
});

describe("which 進捗 row a 取組 reports with", () => {
  it("for the year, prefers the latest submitted period over a later 未提出 or 差戻し row", () => {
    const rows = [
      report("1-1", 2012, 1, { status: "確認済", grade: "B", row: 2 }),
      report("1-1", 2012, 2, { status: "提出済", grade: "A", row: 3 }),
      report("1-1", 2012, 3, { status: "未提出", grade: null, row: 4 }),
      report("1-1", 2012, 4, { status: "差戻し", grade: "D", row: 5 }),
    ];
    expect(pickReport(rows, { fy: 2012 })?.row).toBe(3);
    // A period asked for by name is what it is, even 未提出.
    expect(pickReport(rows, { fy: 2012, period: 3 })?.row).toBe(4);
    expect(pickReport(rows, { fy: 2013 })).toBeUndefined();
  });

  it("falls back to the latest row of any status when nothing was submitted", () => {
    const rows = [
      report("1-1", 2012, 1, { status: "差戻し", row: 2 }),
      report("1-1", 2012, 2, { status: "未提出", row: 3 }),
    ];
    expect(pickReport(rows, { fy: 2012 })?.row).toBe(3);
  });

  it("between duplicates of one period takes the higher status, then the lower row", () => {
    const a = report("1-1", 2012, 2, { status: "提出済", row: 7 });
    const b = report("1-1", 2012, 2, { status: "確認済", row: 3 });
    const c = report("1-1", 2012, 2, { status: "確認済", row: 9 });
    expect(pickReport([a, b], { fy: 2012, period: 2 })?.row).toBe(3);
    expect(pickReport([a, b, c], { fy: 2012, period: 2 })?.row).toBe(9);
    expect(pickReport([c, b, a], { fy: 2012 })?.row).toBe(9);
  });

  it("ignores rows without 年度 or 期", () => {
    const rows = [report("1-1", 2012, 1, { period: null }), report("1-1", 2012, 1, { fy: null })];
    expect(pickReport(rows, { fy: 2012 })).toBeUndefined();
    expect(pickReport(rows, { fy: 2012, period: 1 })).toBeUndefined();
  });

  it("keeps a 未提出 row's texts but does not count it as submitted or graded", () => {
    const registry = registryWith({
      pillars: [pillar("柱-1")],
      measures: [measure("1-1", "柱-1"), measure("1-2", "柱-1")],
      progress: [
        report("1-1", 2012, 1, { status: "未提出", grade: "A", issues: "下書きの課題" }),
        report("1-2", 2012, 1, { status: "確認済", grade: "Z" }),
      ],
    });
    const [r] = buildPillarReports(registry, { fy: 2012, period: 1 });
    expect(r?.measures[0]).toMatchObject({
      status: "未提出",
      grade: "A",
      gradeLabel: "計画以上",
      issues: "下書きの課題",
    });
    // Z is not a 評価区分: kept on the 取組, counted nowhere.
    expect(r?.measures[1]).toMatchObject({ status: "確認済", grade: "Z", gradeLabel: null });
    expect(r?.submitted).toBe(1);
    expect(r?.grades.every((g) => g.count === 0)).toBe(true);
  });
});

describe("target vs actual", () => {
  const registry = registryWith({
    pillars: [pillar("柱-1")],
    measures: [
      measure("1-1", "柱-1", { indicator: "研修受講者数", unit: "人", direction: "増加" }),
      measure("1-2", "柱-1", { indicator: "時間外勤務", unit: "時間", direction: "減少" }),
      measure("1-3", "柱-1", { indicator: "満足度", unit: "%", direction: "維持" }),
      measure("1-4", "柱-1", { indicator: "件数", unit: "件" }),
    ],
    targets: [
      target("1-1", 2012, { targetText: "受講者を増やす", targetValue: 100 }),
      target("1-1", 2013, { targetValue: 150 }),
      target("1-2", 2012, { targetValue: 20 }),
      target("1-3", 2012, { targetValue: 80 }),
      target("1-4", 2012, { targetValue: 10 }),
    ],
    progress: [
      report("1-1", 2012, 1, { actual: 30 }),
      report("1-1", 2012, 2, { actual: 120 }),
      report("1-2", 2012, 2, { actual: null }),
      report("1-3", 2012, 2, { actual: 72 }),
      report("1-4", 2012, 2, { actual: 12 }),
    ],
  });

  it("takes the year's 目標値 and the row's 実績, and rates by direction", () => {
    const [r] = buildPillarReports(registry, { fy: 2012, period: 2 });
    expect(
      r?.measures.map((m) => [m.measureId, m.targetValue, m.actual, m.achievementRate]),
    ).toEqual([
      ["1-1", 50, 120, 240], // 人 add up: the year's 100 pro-rated to 第2四半期
      ["1-2", 10, null, null], // 実績 missing
      ["1-3", 80, 72, 90], // 維持: 10 % off the target
      ["1-4", 10, 12, null], // no direction
    ]);
    expect(r?.measures[0]?.targetText).toBe("受講者を増やす");
    const q1 = buildPillarReports(registry, { fy: 2012, period: 1 })[0];
    expect(q1?.measures[0]?.achievementRate).toBe(120); // 30 of 25
    expect(q1?.measures[1]).toMatchObject({ status: "未報告", actual: null, targetValue: 20 });
  });

  it("rates 増加 as 実績/目標", () => {
    expect(achievementRate("増加", 10, 12)).toBe(120);
    expect(achievementRate("増加", 3, 1)).toBe(33.3);
    expect(achievementRate("増加", 10, 0)).toBe(0);
    expect(achievementRate("増加", 0, 5)).toBeNull();
    expect(achievementRate("増加", -5, 5)).toBeNull();
  });

  it("rates 減少 as 目標/実績", () => {
    expect(achievementRate("減少", 20, 25)).toBe(80);
    expect(achievementRate("減少", 20, 16)).toBe(125);
    expect(achievementRate("減少", 20, 0)).toBeNull();
    expect(achievementRate("減少", 0, 3)).toBeNull();
  });

  it("rates 維持 as 100 at the target, less by the relative gap either way, never below 0", () => {
    expect(achievementRate("維持", 80, 80)).toBe(100);
    expect(achievementRate("維持", 80, 88)).toBe(90);
    expect(achievementRate("維持", 80, 72)).toBe(90);
    expect(achievementRate("維持", 80, 200)).toBe(0);
    expect(achievementRate("維持", 0, 0)).toBe(100);
    expect(achievementRate("維持", 0, 1)).toBeNull();
  });

  it("gives null when anything is missing", () => {
    expect(achievementRate(null, 10, 10)).toBeNull();
    expect(achievementRate("増加", null, 10)).toBeNull();
    expect(achievementRate("増加", 10, null)).toBeNull();
    expect(achievementRate("増加", 10, Number.NaN)).toBeNull();
  });
});
