/**
 * Hand-written DeckModels for the Slides request builder, shaped like the domain's deck model
 * (keys submitted / unsubmitted / ungraded / grade codes; issue texts wrapped at 30 columns).
 */
import type { BarRow, DeckModel, DeckSlide, GradeCount } from "../../../src/domain/reports";
import { NO_SUBMISSIONS } from "../../support/report-submissions";

export const PLAN = "藤枝市新公共経営実行計画";

const GRADE_DEFS = [
  { code: "A", label: "計画以上" },
  { code: "B", label: "計画どおり" },
  { code: "C", label: "やや遅れ" },
  { code: "D", label: "遅れ" },
] as const;

interface SeedMeasure {
  readonly id: string;
  readonly content: string;
  readonly grade: string;
  readonly figure: string;
  readonly submitted: boolean;
}

interface SeedPillar {
  readonly id: string;
  readonly name: string;
  readonly strategy: string;
  readonly measures: readonly SeedMeasure[];
}

const m = (id: string, content: string, grade: string, figure: string): SeedMeasure => ({
  id,
  content,
  grade,
  figure,
  submitted: grade !== "—",
});

export const SEED_PILLARS: readonly SeedPillar[] = [
  {
    id: "柱-1",
    name: "真に市民の役に立つ職員の計画的・戦略的な育成",
    strategy: "本気で職員の育成・成長を支援し、職員の自己研鑚や業務の成果を評価する。",
    measures: [
      m(
        "1-1",
        "理想とする職員像(キャリアデザイン)を目指したステップ(キャリアプラン)の実現支援",
        "A",
        "実績 12件 / 目標 10件（120%）",
      ),
      m(
        "1-2",
        "PT活動等による研鑚と職務の成果を、上司の的確なマネジメントにより総合評価",
        "B",
        "実績未入力",
      ),
      m(
        "1-3",
        "新採10年で3か所の経験(ジェネラリスト)と職の公募制(スペシャリスト)で適正配置",
        "B",
        "実績 3か所 / 目標 3か所（100%）",
      ),
    ],
  },
  {
    id: "柱-2",
    name: "地域主権改革の中で本市行政が果たすべき役割",
    strategy:
      "市民の知恵や工夫を市政に取り入れ、市政の力を高めて内外に発信するシティ・プロモーションを展開する。",
    measures: [
      m(
        "2-1",
        "専門的な知識や経験を有する優れた市民人財を市政に活用、協働施策の拡大を推進",
        "C",
        "実績 4人 / 目標 6人（66.7%）",
      ),
      m(
        "2-2",
        "近隣市町を巻き込んで地域の魅力を発信、定住・交流増加に向けて藤枝をプロモーション",
        "A",
        "実績 1,250件",
      ),
    ],
  },
  {
    id: "柱-3",
    name: "市役所内部の横断的な連携と権限の移譲",
    strategy:
      "職場の課題を解決して職員が仕事に打ち込める環境を創り、組織体制を整えて部局マネジメントを行う。",
    measures: [
      m(
        "3-1",
        "職員間の意思疎通を図り(意見交換会)、個別の課題解決を支援(バックアップ体制)",
        "B",
        "実績 8回 / 目標 6回（133.3%）",
      ),
      m(
        "3-2",
        "管理部門4課と調整監(主幹)の連携を強化、必要に応じて「部局連携PT」を設置",
        "—",
        "未報告",
      ),
    ],
  },
  {
    id: "柱-4",
    name: "業務の改善による創造的な仕事への転換",
    strategy:
      "市民のための仕事を考える“ゆとり”を生み出し、職員のやる気=元気を育む改革改善運動を展開する。",
    measures: [
      m(
        "4-1",
        "各課の課題に個別に対応して仕事のプロセスを改良し、“しおどき”を判断(業務改善隊)",
        "B",
        "実績 15課 / 目標 20課（75%）",
      ),
      m(
        "4-2",
        "職員がモチベーションを持って参加し、業務に反映できる「1人1改善運動」に進化",
        "A",
        "実績 1,024件 / 目標 800件（128%）",
      ),
      m(
        "4-3",
        "全庁的に職員の業務を課内で見える化し、負担軽減と平準化を推進(仕事見直し委員会)",
        "D",
        "実績 2課 / 目標 10課（20%）",
      ),
    ],
  },
  {
    id: "柱-5",
    name: "市民への情報発信と戦略的広報の推進",
    strategy:
      "市民に分かりやすく、利用しやすい情報を提供するとともに、内外に藤枝情報を積極的に発信する。",
    measures: [
      m(
        "5-1",
        "職員と市民の相互理解を深め、効果的な市政情報の発信方法を研究(広報監による研究会)",
        "B",
        "実績 5回",
      ),
      m(
        "5-2",
        "報道機関との連携を強化し、空港や新東名の活用を含めた情報を発信(幹部職員の勉強会)",
        "C",
        "実績 3回 / 目標 4回（75%）",
      ),
    ],
  },
  {
    id: "柱-6",
    name: "市役所のPDCAサイクルの確立",
    strategy: "職員にも、市民にも分かりやすいPDCAサイクルの浸透を図る。",
    measures: [
      m(
        "6-1",
        "市役所から市議会を経て市民につなげる市政の検証と反映(改善)の連鎖を構築",
        "—",
        "未報告",
      ),
      m("6-2", "管理部門4課によるPDCA会議を開催して、“選択と集中”の実践を推進", "A", "実績 4回"),
    ],
  },
];

function gradeCounts(p: SeedPillar): GradeCount[] {
  return GRADE_DEFS.map((g) => ({
    code: g.code,
    label: g.label,
    count: p.measures.filter((x) => x.grade === g.code).length,
  }));
}

export function submissionRow(label: string, submitted: number, total: number): BarRow {
  return {
    label,
    total,
    parts: [
      { key: "submitted", label: "提出", value: submitted },
      { key: "unsubmitted", label: "未提出", value: total - submitted },
    ],
  };
}

function gradeRow(p: SeedPillar): BarRow {
  const counts = gradeCounts(p);
  const graded = counts.reduce((n, g) => n + g.count, 0);
  return {
    label: p.id,
    total: p.measures.length,
    parts: [
      ...counts.map((g) => ({ key: g.code, label: `${g.code} ${g.label}`, value: g.count })),
      { key: "ungraded", label: "未評価", value: p.measures.length - graded },
    ],
  };
}

export const SEED_ISSUES = [
  {
    measureId: "1-2",
    issue: "評価者によって評価の基準にばらつきがあり、\n職員の納得感が十分に得られていない。",
    next: "評価者研修を年2回に増やし、\n評価基準の事例集を作成して共有する。",
  },
  {
    measureId: "2-1",
    issue: "市民人財の登録者が想定より少ない。",
    next: "広報ふじえだと市ホームページで募集を周知し、\n地域の団体にも協力を依頼する。",
  },
  {
    measureId: "4-3",
    issue: "業務の見える化の様式が課ごとに異なり、\n全庁での比較ができない。",
    next: "様式を統一し、仕事見直し委員会で進捗を確認する。",
  },
  {
    measureId: "5-2",
    issue: "勉強会の参加者が幹部職員に偏っている。",
    next: "係長級にも対象を広げる。",
  },
] as const;

/** the seed plan's deck: title, overview, 6 pillars, issues = 9 slides */
export function seedDeck(): DeckModel {
  const total = SEED_PILLARS.reduce((n, p) => n + p.measures.length, 0);
  const submitted = SEED_PILLARS.reduce(
    (n, p) => n + p.measures.filter((x) => x.submitted).length,
    0,
  );
  const slides: DeckSlide[] = [
    { kind: "title", title: PLAN, subtitle: "平成24年度 年次報告", date: "平成25年3月31日" },
    {
      kind: "overview",
      title: "提出状況と評価の分布",
      submission: SEED_PILLARS.map((p) =>
        submissionRow(p.id, p.measures.filter((x) => x.submitted).length, p.measures.length),
      ),
      grades: SEED_PILLARS.map(gradeRow),
      legend: [
        { key: "submitted", label: "提出" },
        { key: "unsubmitted", label: "未提出" },
        ...GRADE_DEFS.map((g) => ({ key: g.code, label: `${g.code} ${g.label}` })),
        { key: "ungraded", label: "未評価" },
      ],
      note: `全${total}取組のうち${submitted}取組が提出済みです。`,
    },
    ...SEED_PILLARS.map(
      (p): DeckSlide => ({
        kind: "pillar",
        title: `${p.id} ${p.name}`,
        strategy: p.strategy,
        rows: p.measures.map((x) => ({
          measureId: x.id,
          content: x.content,
          grade: x.grade,
          figure: x.figure,
        })),
        grades: gradeCounts(p),
        part: "",
      }),
    ),
    { kind: "issues", title: "課題と次の対応", items: [...SEED_ISSUES], part: "" },
  ];
  return {
    title: `${PLAN} 平成24年度 年次報告`,
    fy: 2012,
    fyLabel: "平成24年度",
    submissions: NO_SUBMISSIONS,
    slides,
  };
}

/** every text of a deck model that must reach the slides whole */
export function modelTexts(deck: DeckModel): string[] {
  const out: string[] = [];
  for (const s of deck.slides) {
    out.push(s.title);
    switch (s.kind) {
      case "title":
        out.push(s.subtitle, s.date);
        break;
      case "overview":
        out.push(s.note, ...s.legend.map((l) => l.label));
        for (const r of [...s.submission, ...s.grades])
          out.push(r.label, ...r.parts.map((p) => p.label));
        break;
      case "pillar":
        out.push(s.strategy, s.part, ...s.grades.map((g) => g.label));
        for (const r of s.rows) out.push(r.measureId, r.content, r.grade, r.figure);
        break;
      case "issues":
        out.push(s.part);
        for (const i of s.items) out.push(i.measureId, i.issue, i.next);
        break;
    }
  }
  return [...new Set(out.filter((t) => t.trim() !== ""))];
}

/** a pillar with `n` measures, split 8 per slide as the model does */
export function bigPillarDeck(n: number): DeckModel {
  const rows = Array.from({ length: n }, (_, i) => ({
    measureId: `9-${i + 1}`,
    content: `取組${i + 1}：職員の業務を課内で見える化し、負担軽減と平準化を推進する`,
    grade: (["A", "B", "C", "D", "—"] as const)[i % 5] ?? "—",
    figure: `実績 ${i * 7}件 / 目標 ${i * 8}件（${i === 0 ? 0 : Math.round((7 / 8) * 100)}%）`,
  }));
  const pages: (typeof rows)[] = [];
  for (let i = 0; i < rows.length; i += 8) pages.push(rows.slice(i, i + 8));
  const grades = GRADE_DEFS.map((g) => ({
    code: g.code,
    label: g.label,
    count: rows.filter((r) => r.grade === g.code).length,
  }));
  return {
    title: "大規模計画 令和7年度 年次報告",
    fy: 2025,
    fyLabel: "令和7年度",
    submissions: NO_SUBMISSIONS,
    slides: pages.map((page, i) => ({
      kind: "pillar",
      title: "柱-9 市役所の業務改革",
      strategy: "全庁的な業務改革を進める。",
      rows: page,
      grades,
      part: pages.length > 1 ? `${i + 1} / ${pages.length}` : "",
    })),
  };
}
