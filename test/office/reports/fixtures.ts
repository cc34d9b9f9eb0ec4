/**
 * Report models for the writer tests, written by hand (the real builders live in
 * src/domain/reports and have tests of their own; only their BAR_KEYS contract is shared
 * here): one set mirroring the seed plan
 * (藤枝市新公共経営実行計画: 6 柱, 14 取組, a 9-slide deck) and a pillar of 100 取組.
 */
import type { GradeCount, MeasureReport, PillarReport } from "../../../src/domain/reports";
import { NO_SUBMISSIONS } from "../../support/report-submissions";

export const PLAN = "藤枝市新公共経営実行計画";
export const FY_LABEL = "平成24年度";
const SCALE: readonly { code: string; label: string }[] = [
  { code: "A", label: "計画以上" },
  { code: "B", label: "計画どおり" },
  { code: "C", label: "やや遅れ" },
  { code: "D", label: "遅れ" },
];

const PILLARS: readonly {
  id: string;
  name: string;
  strategy: string;
  goal: string;
  owners: string[];
  measures: [string, string, string, string[]][];
}[] = [
  {
    id: "柱-1",
    name: "真に市民の役に立つ職員の計画的・戦略的な育成",
    strategy: "本気で職員の育成・成長を支援し、職員の自己研鑚や業務の成果を評価する。",
    goal: "",
    owners: ["人事課", "行政経営課"],
    measures: [
      [
        "1-1",
        "理想とする職員像(キャリアデザイン)を目指したステップ(キャリアプラン)の実現支援",
        "人事課",
        ["行政経営課"],
      ],
      [
        "1-2",
        "PT活動等による研鑚と職務の成果を、上司の的確なマネジメントにより総合評価",
        "人事課",
        ["行政経営課"],
      ],
      [
        "1-3",
        "新採10年で3か所の経験(ジェネラリスト)と職の公募制(スペシャリスト)で適正配置",
        "人事課",
        ["行政経営課"],
      ],
    ],
  },
  {
    id: "柱-2",
    name: "地域主権改革の中で本市行政が果たすべき役割",
    strategy:
      "市民の知恵や工夫を市政に取り入れ、市政の力を高めて内外に発信するシティ・プロモーションを展開する。",
    goal: "市民協働事業を年間30件以上にする",
    owners: ["行政経営課"],
    measures: [
      [
        "2-1",
        "専門的な知識や経験を有する優れた市民人財を市政に活用、協働施策の拡大を推進",
        "行政経営課",
        [],
      ],
      [
        "2-2",
        "近隣市町を巻き込んで地域の魅力を発信、定住・交流増加に向けて藤枝をプロモーション",
        "行政経営課",
        [],
      ],
    ],
  },
  {
    id: "柱-3",
    name: "市役所内部の横断的な連携と権限の移譲",
    strategy:
      "職場の課題を解決して職員が仕事に打ち込める環境を創り、組織体制を整えて部局マネジメントを行う。",
    goal: "",
    owners: ["人事課", "行政経営課", "企画政策課", "財政課"],
    measures: [
      [
        "3-1",
        "職員間の意思疎通を図り(意見交換会)、個別の課題解決を支援(バックアップ体制)",
        "人事課",
        ["行政経営課", "企画政策課", "財政課"],
      ],
      [
        "3-2",
        "管理部門4課と調整監(主幹)の連携を強化、必要に応じて「部局連携PT」を設置",
        "人事課",
        ["行政経営課", "企画政策課", "財政課"],
      ],
    ],
  },
  {
    id: "柱-4",
    name: "業務の改善による創造的な仕事への転換",
    strategy:
      "市民のための仕事を考える“ゆとり”を生み出し、職員のやる気=元気を育む改革改善運動を展開する。",
    goal: "",
    owners: ["人事課", "行政経営課"],
    measures: [
      [
        "4-1",
        "各課の課題に個別に対応して仕事のプロセスを改良し、“しおどき”を判断(業務改善隊)",
        "人事課",
        ["行政経営課"],
      ],
      [
        "4-2",
        "職員がモチベーションを持って参加し、業務に反映できる「1人1改善運動」に進化",
        "人事課",
        ["行政経営課"],
      ],
      [
        "4-3",
        "全庁的に職員の業務を課内で見える化し、負担軽減と平準化を推進(仕事見直し委員会)",
        "人事課",
        ["行政経営課"],
      ],
    ],
  },
  {
    id: "柱-5",
    name: "市民への情報発信と戦略的広報の推進",
    strategy:
      "市民に分かりやすく、利用しやすい情報を提供するとともに、内外に藤枝情報を積極的に発信する。",
    goal: "",
    owners: ["広報課"],
    measures: [
      [
        "5-1",
        "職員と市民の相互理解を深め、効果的な市政情報の発信方法を研究(広報監による研究会)",
        "広報課",
        [],
      ],
      [
        "5-2",
        "報道機関との連携を強化し、空港や新東名の活用を含めた情報を発信(幹部職員の勉強会)",
        "広報課",
        [],
      ],
    ],
  },
  {
    id: "柱-6",
    name: "市役所のPDCAサイクルの確立",
    strategy: "職員にも、市民にも分かりやすいPDCAサイクルの浸透を図る。",
    goal: "",
    owners: ["人事課", "行政経営課", "企画政策課", "財政課"],
    measures: [
      [
        "6-1",
        "市役所から市議会を経て市民につなげる市政の検証と反映(改善)の連鎖を構築",
        "人事課",
        ["行政経営課", "企画政策課", "財政課"],
      ],
      [
        "6-2",
        "管理部門4課によるPDCA会議を開催して、“選択と集中”の実践を推進",
        "人事課",
        ["行政経営課", "企画政策課", "財政課"],
      ],
    ],
  },
];

/** 5-1 and 6-2 have no report in scope, like the demo's second quarter. */
const UNREPORTED_IDS = new Set(["5-1", "6-2"]);
const GRADES = ["B", "B", "C", "A", "B", "B", "D", "A", "B", "C", "-", "B", "-", "-"];

function measure(
  id: string,
  content: string,
  lead: string,
  related: string[],
  n: number,
): MeasureReport {
  const unreported = UNREPORTED_IDS.has(id);
  const listed = GRADES[n] ?? "B";
  const grade = unreported || listed === "-" ? null : listed;
  const label = SCALE.find((s) => s.code === grade)?.label ?? null;
  const numeric = id === "2-1" || id === "4-2";
  return {
    measureId: id,
    content,
    lead,
    related,
    targetText: unreported ? "" : `${content.slice(0, 12)}に関する年度目標を達成する`,
    indicator: numeric ? (id === "2-1" ? "協働事業数" : "改善提案件数") : "",
    unit: numeric ? "件" : "",
    direction: numeric ? "増加" : null,
    baseline: numeric ? 12 : null,
    finalTarget: numeric ? 40 : null,
    yearTarget: numeric ? 30 : null,
    targetValue: numeric ? 30 : null,
    prorated: false,
    actual: numeric && !unreported ? (id === "2-1" ? 36 : 1250) : null,
    achievementRate: numeric && !unreported ? (id === "2-1" ? 120 : 4166.7) : null,
    grade,
    gradeLabel: label,
    computedGrade: numeric && !unreported ? "A" : null,
    typedGrade: grade,
    gradeDisagrees: numeric && !unreported && grade !== "A",
    series: [2012, 2013, 2014].map((fy, i) => ({
      fy,
      target: numeric ? 30 + i * 5 : null,
      actual: numeric && !unreported && fy === 2012 ? (id === "2-1" ? 36 : 1250) : null,
    })),
    pdca: unreported ? null : "D",
    done: unreported
      ? ""
      : id === "4-1"
        ? "業務改善隊が 5 課を訪問し、手順書を見直しました。\n「窓口 & 電話対応」の待ち時間 <10分> を目標に試行しています。"
        : `${id} の実施方針を関係課と協議し、推進体制を整えました。`,
    issues: unreported
      ? ""
      : id === "4-1"
        ? '手順書 <v2> & 様式の "統一" が遅れている'
        : `${id} 関係課との役割分担の明確化`,
    next: unreported
      ? ""
      : id === "3-1"
        ? "意見交換会を月1回に増やします。\n出席者の少ない職場には個別に伺います。"
        : `${id} 第3四半期に試行し、結果を検証します。`,
    status: unreported ? "未報告" : n % 3 === 0 ? "確認済" : "提出済",
    submission: unreported ? "missing" : "onTime",
    periodLabel: unreported ? null : "第2四半期",
    reportedOn: unreported ? null : "2012-10-12",
  };
}

function gradeCounts(measures: readonly MeasureReport[]): GradeCount[] {
  return SCALE.map((s) => ({
    code: s.code,
    label: s.label,
    count: measures.filter((m) => m.grade === s.code).length,
  }));
}

function pillarReport(
  p: (typeof PILLARS)[number],
  measures: MeasureReport[],
  title = `${PLAN}_${FY_LABEL}_${p.id}_${p.name}`,
): PillarReport {
  return {
    planName: PLAN,
    fy: 2012,
    fyLabel: FY_LABEL,
    scopeLabel: `${FY_LABEL} 第2四半期`,
    pillarId: p.id,
    name: p.name,
    strategy: p.strategy,
    goal: p.goal,
    owners: p.owners,
    measures,
    grades: gradeCounts(measures),
    submitted: measures.filter((m) => m.status !== "未報告").length,
    submissions: NO_SUBMISSIONS,
    issuer: "行政経営課",
    reportDate: "2013-03-31",
    title,
  };
}

export function seedReports(): PillarReport[] {
  let n = 0;
  return PILLARS.map((p) =>
    pillarReport(
      p,
      p.measures.map(([id, content, lead, related]) => measure(id, content, lead, related, n++)),
    ),
  );
}

/** 100 取組 in one pillar, with long texts. */
export function bigReport(count = 100): PillarReport {
  const base = PILLARS[3];
  if (!base) throw new Error("fixture");
  const measures = Array.from({ length: count }, (_, i) => {
    const id = `4-${i + 1}`;
    return measure(
      id,
      `改善活動その${i + 1}：各課の事務手順を見直し、電子化と様式の統一で処理時間を短縮する取組（${i % 7 === 0 ? "長い説明を含みます。".repeat(4) : "標準"}）`,
      "人事課",
      ["行政経営課"],
      i % 14,
    );
  });
  return pillarReport(base, measures, `${PLAN}_${FY_LABEL}_100取組`);
}
