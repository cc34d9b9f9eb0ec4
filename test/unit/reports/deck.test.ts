import { describe, expect, it } from "vitest";
import type { Registry } from "../../../src/domain/registry";
import {
  buildDeckModel,
  buildPillarReports,
  DECK_LIMITS,
  type DeckModel,
  type DeckSlide,
  displayWidth,
  fitsLine,
  formatNumber,
  issuesSlides,
  measureFigure,
  wrapText,
} from "../../../src/domain/reports";
import { demoRegistry, measure, pillar, registryWith, report, target } from "./fixtures";

type Kind = DeckSlide["kind"];
type SlideOf<K extends Kind> = Extract<DeckSlide, { kind: K }>;

function slidesOf<K extends Kind>(deck: DeckModel, kind: K): SlideOf<K>[] {
  return deck.slides.filter((s): s is SlideOf<K> => s.kind === kind);
}

/** [label, value of each part] of a bar chart. */
const bars = (
  rows: readonly { label: string; total: number; parts: readonly { value: number }[] }[],
) => rows.map((r) => [r.label, r.total, ...r.parts.map((p) => p.value)]);

const SEED_PILLAR_TITLES = [
  "柱-1 真に市民の役に立つ職員の計画的・戦略的な育成",
  "柱-2 地域主権改革の中で本市行政が果たすべき役割",
  "柱-3 市役所内部の横断的な連携と権限の移譲",
  "柱-4 業務の改善による創造的な仕事への転換",
  "柱-5 市民への情報発信と戦略的広報の推進",
  "柱-6 市役所のPDCAサイクルの確立",
];

describe("the deck for the seed plan, 平成24年度 第2四半期", () => {
  const deck = buildDeckModel(demoRegistry(), { fy: 2012, period: 2 });

  it("has 9 slides: title, overview, 6 pillars, issues", () => {
    expect(deck.slides.map((s) => s.kind)).toEqual([
      "title",
      "overview",
      "pillar",
      "pillar",
      "pillar",
      "pillar",
      "pillar",
      "pillar",
      "issues",
    ]);
    expect(deck).toMatchObject({
      title: "藤枝市新公共経営実行計画 平成24年度 第2四半期 進捗報告",
      fy: 2012,
      fyLabel: "平成24年度",
    });
    expect(deck.slides[0]).toEqual({
      kind: "title",
      title: "藤枝市新公共経営実行計画",
      subtitle: "平成24年度 第2四半期 進捗報告",
      date: "平成24年9月30日",
    });
  });

  it("draws submission and grades per 柱 as bars that add up to the 取組", () => {
    const [overview] = slidesOf(deck, "overview");
    expect(overview?.note).toBe(
      "平成24年度 第2四半期（提出期限 2012-10-15）: 14取組のうち12取組が提出済、うち期限後の提出 2、期限を過ぎて未提出 2（5-1、6-2）。",
    );
    expect(overview?.submission[0]?.parts.map((p) => [p.key, p.label])).toEqual([
      ["submitted", "提出"],
      ["unsubmitted", "未提出"],
    ]);
    expect(bars(overview?.submission ?? [])).toEqual([
      ["柱-1", 3, 3, 0],
      ["柱-2", 2, 2, 0],
      ["柱-3", 2, 2, 0],
      ["柱-4", 3, 3, 0],
      ["柱-5", 2, 1, 1],
      ["柱-6", 2, 1, 1],
    ]);
    expect(overview?.grades[0]?.parts.map((p) => [p.key, p.label])).toEqual([
      ["A", "A 計画以上"],
      ["B", "B 計画どおり"],
      ["C", "C やや遅れ"],
      ["D", "D 遅れ"],
      ["ungraded", "未評価"],
    ]);
    // label, total, A, B, C, D, 未評価
    expect(bars(overview?.grades ?? [])).toEqual([
      ["柱-1", 3, 1, 2, 0, 0, 0],
      ["柱-2", 2, 1, 1, 0, 0, 0],
      ["柱-3", 2, 1, 0, 1, 0, 0],
      ["柱-4", 3, 1, 1, 1, 0, 0],
      ["柱-5", 2, 1, 0, 0, 0, 1],
      ["柱-6", 2, 0, 1, 0, 0, 1],
    ]);
    expect(overview?.legend.map((l) => l.label)).toEqual([
      "提出",
      "未提出",
      "A 計画以上",
      "B 計画どおり",
      "C やや遅れ",
      "D 遅れ",
      "未評価",
    ]);
  });

  it("lists each 柱's 取組 with grade and key figure on one slide", () => {
    const pillars = slidesOf(deck, "pillar");
    expect(pillars.map((s) => s.title)).toEqual(SEED_PILLAR_TITLES);
    expect(pillars.every((s) => s.part === "")).toBe(true);
    expect(pillars[0]?.strategy).toBe(
      "本気で職員の育成・成長を支援し、職員の自己研鑚や業務の成果を評価する。",
    );
    expect(pillars[0]?.rows.map((r) => [r.measureId, r.content, r.grade])).toEqual([
      [
        "1-1",
        "理想とする職員像(キャリアデザイン)を目指したステップ(キャリアプラン)の実現支援",
        "B",
      ],
      ["1-2", "PT活動等による研鑚と職務の成果を、上司の的確なマネジメントにより総合評価", "A"],
      ["1-3", "新採10年で3か所の経験(ジェネラリスト)と職の公募制(スペシャリスト)で適正配置", "B"],
    ]);
    // Every reported 取組 of the sample has a 実績値: no row says 実績未入力.
    for (const s of pillars)
      for (const r of s.rows) expect(r.figure, r.measureId).not.toBe("実績未入力");
    expect(pillars[4]?.rows.map((r) => [r.measureId, r.grade, r.figure])).toEqual([
      ["5-1", "—", "未報告"],
      ["5-2", "A", pillars[4]?.rows[1]?.figure],
    ]);
    expect(pillars[4]?.rows[1]?.figure).toContain("195");
    expect(pillars[3]?.grades.map((g) => g.count)).toEqual([1, 1, 1, 0]);
  });

  it("closes with the 12 reports' 課題 and 次の対応, on one slide", () => {
    const issues = slidesOf(deck, "issues");
    expect(issues).toHaveLength(1);
    expect(issues[0]?.title).toBe("課題と次の対応");
    expect(issues[0]?.part).toBe("");
    expect(issues[0]?.items.map((i) => i.measureId)).toEqual([
      "1-1",
      "1-2",
      "1-3",
      "2-1",
      "2-2",
      "3-1",
      "3-2",
      "4-1",
      "4-2",
      "4-3",
      "5-2",
      "6-1",
    ]);
    expect(issues[0]?.items[5]?.measureId).toBe("3-1");
    expect(issues[0]?.items[5]?.issue.replace(/\n/g, "")).toBe(
      "（サンプル）繁忙期に日程が合わず、開催が計画より遅れています。課題への回答も遅れているものがあります。",
    );
    expect(issues[0]?.items[5]?.next.replace(/\n/g, "")).toBe(
      "（サンプル）回答状況を庁内掲示板に公開します。",
    );
  });
});

describe("the deck for the seed plan, 平成24年度 (whole year)", () => {
  const deck = buildDeckModel(demoRegistry(), { fy: 2012 }, { date: "2013-04-15" });

  it("is the 年次報告 dated as asked, counting the year's last period: nothing for 第4四半期", () => {
    expect(deck.slides.slice(0, 8).map((s) => s.kind)).toEqual([
      "title",
      "overview",
      ...Array<string>(6).fill("pillar"),
    ]);
    expect(deck.title).toBe("藤枝市新公共経営実行計画 平成24年度 年次報告");
    expect(deck.slides[0]).toEqual({
      kind: "title",
      title: "藤枝市新公共経営実行計画",
      subtitle: "平成24年度 年次報告",
      date: "平成25年4月15日",
    });
    const [overview] = slidesOf(deck, "overview");
    expect(overview?.note).toMatch(
      /^平成24年度 第4四半期（提出期限 2013-04-12）: 14取組のうち0取組が提出済、期限を過ぎて未提出 14/,
    );
    expect(overview?.submission.every((b) => b.parts[0]?.value === 0)).toBe(true);
    expect(bars(overview?.grades ?? []).slice(4)).toEqual([
      ["柱-5", 2, 1, 1, 0, 0, 0],
      ["柱-6", 2, 0, 2, 0, 0, 0],
    ]);
    const items = slidesOf(deck, "issues").flatMap((s) => s.items);
    expect(items).toHaveLength(14);
    expect(items.find((i) => i.measureId === "5-1")).toEqual({
      measureId: "5-1",
      issue: "（サンプル）知りたい情報にたどり着けないという声があります。",
      next: "（サンプル）よく見られるページの配置を見直します。",
    });
  });

  it("dates the title slide with the last day of the year when no date is given", () => {
    const undated = buildDeckModel(demoRegistry(), { fy: 2012 });
    expect(undated.slides[0]).toMatchObject({ date: "平成25年3月31日" });
  });
});

describe("a year with no progress", () => {
  const deck = buildDeckModel(demoRegistry(), { fy: 2013 });

  it("still has 9 slides, with every bar 未提出 / 未評価 and no issues", () => {
    expect(deck.slides.map((s) => s.kind)).toEqual([
      "title",
      "overview",
      ...Array<Kind>(6).fill("pillar"),
      "issues",
    ]);
    const [overview] = slidesOf(deck, "overview");
    expect(bars(overview?.submission ?? [])).toEqual([
      ["柱-1", 3, 0, 3],
      ["柱-2", 2, 0, 2],
      ["柱-3", 2, 0, 2],
      ["柱-4", 3, 0, 3],
      ["柱-5", 2, 0, 2],
      ["柱-6", 2, 0, 2],
    ]);
    for (const bar of overview?.grades ?? []) {
      expect(bar.parts.at(-1)).toEqual({ key: "ungraded", label: "未評価", value: bar.total });
    }
    expect(overview?.note).toContain("14取組のうち0取組が提出済");
    const rows = slidesOf(deck, "pillar").flatMap((s) => s.rows);
    expect(rows).toHaveLength(14);
    expect(rows.every((r) => r.grade === "—" && r.figure === "未報告")).toBe(true);
    expect(slidesOf(deck, "issues")).toEqual([
      { kind: "issues", title: "課題と次の対応", items: [], part: "" },
    ]);
  });

  it("has a title and overview even for a plan without 柱", () => {
    const empty = buildDeckModel(registryWith({ pillars: [], measures: [] }), { fy: 2013 });
    expect(empty.slides.map((s) => s.kind)).toEqual(["title", "overview", "issues"]);
    expect(slidesOf(empty, "overview")[0]?.note).toBe(
      "取組が登録されていないため、提出状況はまだありません。取組シートに取組を入力してください。",
    );
  });
});

describe("key figures", () => {
  const registry = registryWith({
    pillars: [pillar("柱-1")],
    measures: [
      measure("1-1", "柱-1", { indicator: "受講者数", unit: "件", direction: "増加" }),
      measure("1-2", "柱-1", { indicator: "受講者数", unit: "人", direction: "増加" }),
      measure("1-3", "柱-1", { indicator: "時間外勤務", unit: "時間", direction: "減少" }),
      measure("1-4", "柱-1", { indicator: "件数", unit: "件", direction: "増加" }),
      measure("1-5", "柱-1", { indicator: "満足度", unit: "%", direction: "維持" }),
      measure("1-6", "柱-1"),
    ],
    targets: [
      target("1-1", 2012, { targetValue: 10 }),
      target("1-2", 2012, { targetValue: 1500 }),
      target("1-3", 2012, { targetValue: 20 }),
      target("1-5", 2012, { targetValue: 80 }),
    ],
    progress: [
      report("1-1", 2012, 2, { actual: 12 }),
      report("1-2", 2012, 2, { actual: null }),
      report("1-3", 2012, 2, { actual: 24.5 }),
      report("1-4", 2012, 2, { actual: 3 }),
      report("1-5", 2012, 2, { actual: 79.9 }),
      report("1-6", 2012, 2, { actual: null }),
    ],
  });

  it("shows 実績 / 目標 (達成率), and says when the 実績 is missing", () => {
    const [r] = buildPillarReports(registry, { fy: 2012, period: 2 });
    expect(r?.measures.map(measureFigure)).toEqual([
      "実績 12件 / 目標 10件（120%）",
      "実績未入力 / 目標 1,500人",
      "実績 24.5時間 / 目標 20時間（81.6%）",
      "実績 3件",
      "実績 79.9% / 目標 80%（99.9%）",
      "実績未入力",
    ]);
    const rows = slidesOf(buildDeckModel(registry, { fy: 2012, period: 2 }), "pillar")[0]?.rows;
    expect(rows?.map((row) => row.figure)[0]).toBe("実績 12件 / 目標 10件（120%）");
  });

  it("formats numbers with thousands separators and without float noise", () => {
    expect(formatNumber(1234567.5)).toBe("1,234,567.5");
    expect(formatNumber(0.1 + 0.2)).toBe("0.3");
    expect(formatNumber(-1200)).toBe("-1,200");
    expect(formatNumber(0)).toBe("0");
  });
});

/** The seed plan plus 柱-7 with `n` 取組, each reported in 第2四半期. */
function withBigPillar(n: number): Registry {
  const seed = demoRegistry();
  const ids = Array.from({ length: n }, (_, i) => `7-${i + 1}`);
  return {
    ...seed,
    pillars: [...seed.pillars, pillar("柱-7", { name: "大量の取組を持つ柱" })],
    measures: [
      ...seed.measures,
      ...ids.map((id) =>
        measure(id, "柱-7", {
          // 55 columns: more than a row's 40
          content: `取組${id}：市民サービスの向上に向けた業務プロセスの見直しと改善を全庁的に推進し、職員の負担を軽減する`,
        }),
      ),
    ],
    progress: [
      ...seed.progress,
      ...ids.map((id, i) =>
        report(id, 2012, 2, { grade: "ABCD"[i % 4] ?? "A", issues: `${id}の課題`, next: "" }),
      ),
    ],
  };
}

describe("a 柱 with 100 取組", () => {
  const deck = buildDeckModel(withBigPillar(100), { fy: 2012, period: 2 });
  const big = slidesOf(deck, "pillar").filter((s) => s.title.startsWith("柱-7"));

  it("spreads the rows over 13 slides of at most 8, marked 1 / 13 … 13 / 13", () => {
    expect(big).toHaveLength(13);
    expect(big.map((s) => s.rows.length)).toEqual([...Array<number>(12).fill(8), 4]);
    expect(big.map((s) => s.part)).toEqual(Array.from({ length: 13 }, (_, i) => `${i + 1} / 13`));
    expect(big.every((s) => s.title === "柱-7 大量の取組を持つ柱")).toBe(true);
  });

  it("loses no 取組: every measureId appears exactly once, in order", () => {
    const ids = big.flatMap((s) => s.rows.map((r) => r.measureId));
    expect(ids).toEqual(Array.from({ length: 100 }, (_, i) => `7-${i + 1}`));
    expect(new Set(ids).size).toBe(100);
    expect(big[12]?.rows.map((r) => r.grade)).toEqual(["A", "B", "C", "D"]);
  });

  it("shortens long content visibly to the row's room", () => {
    const row = big[0]?.rows[0];
    expect(row?.content.endsWith("…")).toBe(true);
    expect(row?.content.startsWith("取組7-1：市民サービス")).toBe(true);
    expect(displayWidth(row?.content ?? "")).toBeLessThanOrEqual(DECK_LIMITS.rowContentColumns);
  });

  it("lists all 112 issues over as many issues slides as they need", () => {
    const issues = slidesOf(deck, "issues");
    // at most 16 lines to a slide: 112 entries of one or more lines need at least 7 slides
    const n = issues.length;
    expect(n).toBeGreaterThanOrEqual(7);
    expect(issues.map((s) => s.part)).toEqual(
      Array.from({ length: n }, (_, i) => `${i + 1} / ${n}`),
    );
    const ids = issues.flatMap((s) => s.items.filter((i) => !i.continued).map((i) => i.measureId));
    expect(ids).toHaveLength(112);
    expect(new Set(ids).size).toBe(112);
    expect(deck.slides).toHaveLength(1 + 1 + 6 + 13 + n);
  });
});

describe("long 課題 text", () => {
  const sentence =
    "（サンプル）関係課との役割分担が不明確なため、PDCA会議での協議（全4回）を経て、" +
    "令和7年度までに推進体制を再構築する必要がある。";
  const longIssue = sentence.repeat(12);
  const registry = registryWith({
    pillars: [pillar("柱-1"), pillar("柱-2")],
    measures: [measure("1-1", "柱-1"), measure("1-2", "柱-1"), measure("2-1", "柱-2")],
    progress: [
      report("1-1", 2012, 2, { issues: "短い課題", next: "短い対応" }),
      report("1-2", 2012, 2, { issues: longIssue, next: "次の四半期に関係課と協議します。" }),
      report("2-1", 2012, 2, { issues: "", next: "  " }),
    ],
  });
  const deck = buildDeckModel(registry, { fy: 2012, period: 2 });
  const issues = slidesOf(deck, "issues");
  const pieces = issues.flatMap((s) => s.items).filter((i) => i.measureId === "1-2");

  it("wraps it to the column and splits it over slides, later pieces marked continued", () => {
    // 63 columns a sentence, 756 in all: 26 lines of 30 at least, more than the 16 of a slide
    expect(displayWidth(sentence)).toBe(63);
    expect(wrapText(longIssue, DECK_LIMITS.issueColumns).length).toBeGreaterThanOrEqual(26);
    // 1-1 on slide 1; the long item does not fit under it, so it starts on slide 2 (16 lines)
    // and goes on on slide 3.
    expect(issues).toHaveLength(3);
    expect(issues[0]?.items.map((i) => i.measureId)).toEqual(["1-1"]);
    expect(issues[1]?.items.map((i) => i.measureId)).toEqual(["1-2"]);
    expect(issues[2]?.items.map((i) => i.measureId)).toEqual(["1-2"]);
    expect(pieces).toHaveLength(2);
    expect(pieces[0]?.issue.split("\n")).toHaveLength(16);
    // 次の対応 is one line: it stays with the first piece
    expect(pieces.map((p) => p.next)).toEqual(["次の四半期に関係課と協議します。", ""]);
    expect(pieces[0]?.continued).toBeUndefined();
    expect(pieces.slice(1).every((p) => p.continued === true)).toBe(true);
    for (const s of issues) {
      const height = s.items.reduce(
        (h, i) => h + Math.max(i.issue.split("\n").length, i.next.split("\n").length),
        0,
      );
      expect(height).toBeLessThanOrEqual(DECK_LIMITS.issueLinesPerSlide);
    }
    expect(issues.map((s) => s.part)).toEqual(issues.map((_, i) => `${i + 1} / ${issues.length}`));
  });

  it("loses no character, and no line is wider than the column", () => {
    expect(pieces.map((p) => p.issue.replace(/\n/g, "")).join("")).toBe(longIssue);
    expect(pieces.map((p) => p.next.replace(/\n/g, "")).join("")).toBe(
      "次の四半期に関係課と協議します。",
    );
    for (const p of pieces) {
      for (const line of p.issue.split("\n")) {
        expect(fitsLine(line, DECK_LIMITS.issueColumns)).toBe(true);
      }
    }
  });

  it("leaves out 取組 with neither 課題 nor 次の対応", () => {
    expect(issues.flatMap((s) => s.items).some((i) => i.measureId === "2-1")).toBe(false);
  });

  it("splits an item that is too tall into slide-sized pieces, even on the first slide", () => {
    const [r] = buildPillarReports(registry, { fy: 2012, period: 2 });
    const only = { ...(r as NonNullable<typeof r>), measures: (r?.measures ?? []).slice(1, 2) };
    const twice = { ...only, measures: [...only.measures, ...only.measures] };
    const slides = issuesSlides([twice]);
    // each copy: 16 lines, then the rest (≤ 16) — the second copy does not fit beside that rest
    expect(slides.map((s) => s.items.map((i) => i.continued ?? false))).toEqual([
      [false],
      [true],
      [false],
      [true],
    ]);
    expect(slides[0]?.items[0]?.issue.split("\n")).toHaveLength(16);
  });
});
