/**
 * PillarReport → DocLayout: the 柱別報告書 laid out once, as a flow of blocks, for both painters
 * (Google Docs requests and .docx). The word processor sets the blocks on pages; the layout
 * says what each block holds, in which type and colour, and what must stay on one page: a 取組
 * (its heading, figures, chart and narrative) never splits, and its heading is broken evenly
 * (./measure) so no line holds a lone character.
 */
import { formatFiscalYear, formatJapaneseDate } from "../../calendar";
import type { PdcaStep } from "../../schema";
import { fiscalYearBoth, formatNumber, pillarName } from "../deck";
import type { MeasureReport, PillarReport, ReportSubmissions } from "../model";
import { isSubmitted } from "../pillar";
import { displayWidth, NO_LINE_END, NO_LINE_START, wrapText } from "../text";
import { columnsIn, wrapTo } from "./measure";
import { COLOR, FONT_STACK, gradeSwatch, UNGRADED } from "./theme";
import type { DocBlock, DocCell, DocLayout, DocParagraph, DocTable, TextRun } from "./types";

/** A4 portrait (11,906 × 16,838 twips) with 20 mm side margins, in points. */
const A4 = { width: 595.3, height: 841.9 } as const;
const MARGIN = { top: 62.35, bottom: 56.7, side: 56.7 } as const;
/** width of the text column */
export const DOC_WIDTH = Math.round((A4.width - 2 * MARGIN.side) * 10) / 10;

const S = { title: 20, h1: 14, h2: 12, body: 10.5, small: 9 } as const;
const KEY_W = 100;
/**
 * Steps of the per-取組 bar chart: a bar is a shaded run of ideographic spaces, one per 1/20 of
 * the largest value. One cell a bar, not one cell a step: 20 cells a bar made the .docx of a
 * 233-取組 pillar hold ~90 cells a 取組 (5× the time and 3.6× the memory of `genki report`).
 */
export const CHART_STEPS = 20;
/** points: the bar's full width is CHART_STEPS of these ideographic spaces */
const BAR_STEP_PT = 8;
const NOT_SET = "未設定";

/** 評価 and PDCA must never share a bare letter: the step is said in words. */
const PDCA_WORDS: Readonly<Record<PdcaStep, string>> = {
  P: "計画（Plan）",
  D: "実行（Do）",
  C: "検証（Check）",
  A: "改善（Act）",
};

const run = (text: string, size: number = S.body, color: string = COLOR.ink, bold = false) => ({
  text,
  size,
  color,
  ...(bold ? { bold } : {}),
});

const muted = (text: string, size: number = S.body): TextRun => run(text, size, COLOR.muted);

function para(runs: readonly TextRun[], o: Partial<Omit<DocParagraph, "kind">> = {}): DocParagraph {
  return { kind: "paragraph", runs, level: 0, align: "left", before: 0, after: 4, ...o };
}

/** A value, or 「未設定」 in grey. */
const valueOr = (text: string): TextRun[] =>
  text.trim() === "" ? [muted(NOT_SET)] : [run(text.trim())];

/** A line may end after these (punctuation, a space); opening marks (行末禁則) begin one. */
const BREAK_AFTER = "、。）」』・ 　";
const HIRAGANA = /^[\u3041-\u309f]$/u;

/**
 * How good a break between `prev` and `next` is: 0 at punctuation or a space, 1 where a
 * particle (hiragana) meets a word (e.g. 「職員の｜計画的」), null inside a word.
 */
function breakQuality(prev: string, next: string): number | null {
  if (NO_LINE_START.has(next)) return null;
  if (BREAK_AFTER.includes(prev) || NO_LINE_END.has(next)) return 0;
  return HIRAGANA.test(prev) && !HIRAGANA.test(next) ? 1 : null;
}

/**
 * Lines of a heading for a width: one when it fits; two broken at a word boundary near the
 * middle (punctuation first, then where a particle meets a word), so no line holds a lone
 * character; longer headings in lines of even length.
 */
export function balancedLines(text: string, w: number, size: number): string[] {
  const lines = wrapTo(text, w, size);
  if (lines.length <= 1) return lines;
  const max = columnsIn(w, size);
  const chars = Array.from(text);
  const total = displayWidth(text);
  if (lines.length === 2) {
    let best = -1;
    let bestScore = Number.POSITIVE_INFINITY;
    let left = 0;
    for (let i = 1; i < chars.length; i++) {
      left += displayWidth(chars[i - 1] ?? "");
      const q = breakQuality(chars[i - 1] ?? "", chars[i] ?? "");
      if (q === null || left > max || total - left > max) continue;
      const score = Math.abs(left - total / 2) + 3 * q;
      if (score < bestScore) {
        bestScore = score;
        best = i;
      }
    }
    if (best > 0)
      return [chars.slice(0, best).join("").trimEnd(), chars.slice(best).join("").trimStart()];
  }
  return wrapText(text, Math.min(max, Math.ceil(total / lines.length) + 1));
}

function heading(text: string, level: 1 | 2, extra: Partial<DocParagraph> = {}): DocParagraph {
  const size = level === 1 ? S.h1 : S.h2;
  return para([run(balancedLines(text, DOC_WIDTH, size).join("\n"), size, COLOR.navy, true)], {
    level,
    before: level === 1 ? 16 : 14,
    after: 6,
    keepWithNext: true,
    ...(level === 2 ? { fill: COLOR.band } : {}),
    ...extra,
  });
}

function table(
  widths: readonly number[],
  rows: readonly (readonly DocCell[])[],
  keepWithNext: boolean,
): DocTable {
  return {
    kind: "table",
    widths,
    rows,
    border: COLOR.line,
    padding: 4,
    size: S.body,
    keepWithNext,
  };
}

const keyCell = (text: string): DocCell => ({
  runs: [run(text, S.small, COLOR.navy, true)],
  fill: COLOR.paper,
});

/** Shaded keys on the left, values on the right. */
function keyValues(rows: readonly (readonly [string, TextRun[]])[], keep: boolean): DocTable {
  return table(
    [KEY_W, DOC_WIDTH - KEY_W],
    rows.map(([k, v]) => [keyCell(k), { runs: v }]),
    keep,
  );
}

/**
 * What a reader must see about the report owed for the counted period, or null when it came on
 * time (or is not due yet): 「平成24年度 第2四半期の報告が未提出です（提出期限 2012-10-15）」.
 */
export function submissionNotice(
  m: Pick<MeasureReport, "submission">,
  s: Pick<ReportSubmissions, "periodLabel" | "dueDate">,
): string | null {
  if (m.submission === "missing")
    return `${s.periodLabel}の報告が未提出です（提出期限 ${s.dueDate}）`;
  if (m.submission === "late")
    return `${s.periodLabel}の報告は提出期限（${s.dueDate}）後に届きました`;
  return null;
}

const withUnit = (n: number | null, unit: string): string | null =>
  n === null ? null : `${formatNumber(n)}${unit}`;

/** The grade as a reader sees it, with its colours (UNGRADED without one). */
function gradeCell(r: PillarReport, m: MeasureReport): DocCell {
  const inks = (t: string, fill: string, ink: string, bold = true): DocCell => ({
    runs: [run(t, S.body, ink, bold)],
    fill,
    align: "center",
  });
  if (m.status === "未報告") return inks("未報告", UNGRADED.fill, COLOR.alert);
  if (!isSubmitted(m.status)) return inks(`なし（${m.status}）`, UNGRADED.fill, UNGRADED.ink);
  if (m.grade === null) return inks("未評価", UNGRADED.fill, UNGRADED.ink, false);
  const sw = gradeSwatch(r.grades.findIndex((g) => g.code === m.grade));
  return inks(m.gradeLabel ? `${m.grade} ${m.gradeLabel}` : m.grade, sw.fill, sw.ink);
}

function figures(r: PillarReport, m: MeasureReport): DocBlock[] {
  const head = (t: string): DocCell => ({ ...keyCell(t), align: "center" });
  const cell = (text: string | null, bold = true, none = NOT_SET): DocCell => ({
    runs: [text === null ? muted(none) : run(text, S.body, COLOR.ink, bold)],
    align: "center",
  });
  const actual = m.status === "未報告" ? null : withUnit(m.actual, m.unit);
  const q = DOC_WIDTH / 4;
  const blocks: DocBlock[] = [
    table(
      [q, q, q, q],
      [
        [
          head(m.prorated ? "目標値（按分）" : "目標値"),
          head("実績値"),
          head("達成率"),
          head("評価"),
        ],
        [
          cell(withUnit(m.targetValue, m.unit)),
          cell(actual, true, m.status === "未報告" ? "未報告" : "未入力"),
          cell(
            m.achievementRate === null ? null : `${formatNumber(m.achievementRate)}%`,
            true,
            "算出不可",
          ),
          gradeCell(r, m),
        ],
      ],
      true,
    ),
  ];
  const notes: TextRun[] = [];
  if (m.periodLabel !== null && m.status !== "未報告")
    notes.push(
      muted(
        `${m.periodLabel}の報告（状態：${m.status}${m.reportedOn ? `、報告日 ${m.reportedOn}` : ""}）`,
        S.small,
      ),
    );
  if (isSubmitted(m.status) && m.gradeDisagrees && m.computedGrade !== null)
    notes.push(
      run(
        `${notes.length > 0 ? "\n" : ""}入力された評価「${m.typedGrade ?? ""}」は、達成率から求めた評価「${m.computedGrade}」と異なります`,
        S.small,
        COLOR.alert,
        true,
      ),
    );
  if (notes.length > 0) blocks.push(para(notes, { before: 2, keepWithNext: true }));
  return blocks;
}

/** Target vs actual per plan year as bars of shaded cells, which every painter draws alike. */
function chart(fy: number, m: MeasureReport): DocBlock[] {
  const values = m.series
    .flatMap((p) => [p.target, p.actual])
    .filter((v): v is number => v !== null);
  const max = Math.max(0, ...values);
  if (max <= 0) return [];
  const labelW = 58;
  const kindW = 30;
  const valueW = 80;
  const barW = CHART_STEPS * BAR_STEP_PT + 4;
  const bar = (v: number | null, fill: string): DocCell => {
    const n = v === null || v <= 0 ? 0 : Math.max(1, Math.round((CHART_STEPS * v) / max));
    return {
      runs:
        n === 0 ? [] : [{ text: "　".repeat(n), size: BAR_STEP_PT, color: fill, background: fill }],
    };
  };
  const row = (year: string, kind: string, v: number | null, fill: string, none: string) => [
    { runs: year === "" ? [] : [run(year, S.small, COLOR.ink, true)] },
    { runs: [muted(kind, S.small)] },
    bar(v, fill),
    {
      runs:
        v !== null
          ? [run(withUnit(v, m.unit) ?? "", S.small, COLOR.ink, year === "")]
          : none === ""
            ? []
            : [muted(none, S.small)],
      align: "right" as const,
    },
  ];
  const rows = m.series.flatMap((p) => [
    row(formatFiscalYear(p.fy, "ja").replace(/年度$/, ""), "目標", p.target, COLOR.target, NOT_SET),
    // years after the reported one have no 実績 yet: no empty row for them
    ...(p.fy > fy ? [] : [row("", "実績", p.actual, COLOR.accent, "未入力")]),
  ]);
  return [
    para(
      [
        muted("目標値と実績値の推移　", S.small),
        run("■目標　", S.small, COLOR.target, true),
        run("■実績", S.small, COLOR.accent, true),
      ],
      { before: 6, after: 2, keepWithNext: true },
    ),
    {
      kind: "table",
      widths: [labelW, kindW, barW, valueW],
      rows,
      padding: 1,
      size: 7,
      keepWithNext: true,
    },
  ];
}

function indicatorText(m: MeasureReport): TextRun[] {
  if (m.indicator.trim() === "") return [muted(NOT_SET)];
  const details = [
    m.unit === "" ? "" : `単位：${m.unit}`,
    m.direction === null ? "" : `${m.direction}をめざす`,
    m.baseline === null ? "" : `基準値 ${withUnit(m.baseline, m.unit)}`,
    m.finalTarget === null ? "" : `最終目標 ${withUnit(m.finalTarget, m.unit)}`,
  ].filter((t) => t !== "");
  return [
    run(m.indicator.trim(), S.body, COLOR.ink, true),
    ...(details.length > 0 ? [muted(`\n${details.join("　")}`, S.small)] : []),
  ];
}

/** One 取組: every block but the last stays with the next, so the whole never splits. */
function measureBlock(r: PillarReport, m: MeasureReport): DocBlock[] {
  const notice = submissionNotice(m, r.submissions);
  const lead = [m.lead, ...(m.related.length > 0 ? [`関係課：${m.related.join("、")}`] : [])]
    .filter((t) => t.trim() !== "")
    .join("　");
  const story: [string, TextRun[]][] = [
    ["PDCAの段階", m.pdca === null ? [] : [run(PDCA_WORDS[m.pdca])]],
    ["実施内容", m.done.trim() === "" ? [] : [run(m.done.trim())]],
    ["課題", m.issues.trim() === "" ? [] : [run(m.issues.trim())]],
    ["次の対応", m.next.trim() === "" ? [] : [run(m.next.trim())]],
  ];
  const told = story.filter(([, v]) => v.length > 0);
  const blocks: DocBlock[] = [
    heading(`${m.measureId}　${m.content.trim()}`, 2),
    ...(notice === null
      ? []
      : [para([run(notice, S.body, COLOR.alert, true)], { keepWithNext: true })]),
    keyValues(
      [
        ["取組目標", valueOr(m.targetText)],
        ["担当", valueOr(lead)],
        ["指標", indicatorText(m)],
      ],
      true,
    ),
    para([], { after: 2, keepWithNext: true }),
    ...figures(r, m),
    ...chart(r.fy, m),
    para([], { after: 2, keepWithNext: true }),
    told.length > 0
      ? keyValues(told, false)
      : para([muted("実施内容・課題・次の対応は未記入です。", S.small)]),
  ];
  return blocks;
}

function gradeSummary(r: PillarReport): DocTable {
  const total = r.measures.length;
  const graded = r.grades.reduce((n, g) => n + g.count, 0);
  const w = [90, DOC_WIDTH - 190, 100];
  const num = (n: number, bold = false): DocCell => ({
    runs: [run(`${n}`, S.body, COLOR.ink, bold)],
    align: "right",
  });
  return table(
    w,
    [
      [keyCell("評価"), keyCell("意味"), { ...keyCell("取組数"), align: "right" }],
      ...r.grades.map((g, i) => {
        const sw = gradeSwatch(i);
        return [
          { runs: [run(g.code, S.body, sw.ink, true)], fill: sw.fill, align: "center" as const },
          { runs: valueOr(g.label) },
          num(g.count),
        ];
      }),
      [
        { runs: [run("評価なし", S.small, UNGRADED.ink)], fill: UNGRADED.fill, align: "center" },
        { runs: [muted("未報告・未提出・差戻し・未評価")] },
        num(Math.max(0, total - graded)),
      ],
      [
        keyCell("合計"),
        { runs: [], fill: COLOR.paper },
        { ...num(total, true), fill: COLOR.paper },
      ],
    ],
    false,
  );
}

function cover(r: PillarReport): DocBlock[] {
  const period = r.scopeLabel.replace(r.fyLabel, "").trim();
  const issued = [
    r.issuer === "" ? "" : `発行　${r.issuer}`,
    `報告日　${formatJapaneseDate(r.reportDate, "ja")}`,
  ].filter((t) => t !== "");
  return [
    para([run("柱別報告書", S.small, COLOR.accent, true)], { after: 2 }),
    para(
      [run(balancedLines(pillarName(r), DOC_WIDTH, S.title).join("\n"), S.title, COLOR.navy, true)],
      { after: 6 },
    ),
    para(
      [
        run(`${r.planName.trim() || "進捗報告"}\n`, S.h2, COLOR.ink, true),
        run(`${fiscalYearBoth(r.fy)}${period === "" ? "" : ` ${period}`}の進捗`, S.h2),
      ],
      { after: 6 },
    ),
    para([muted(issued.join("\n"))], { align: "right", after: 8 }),
  ];
}

/** The whole 柱別報告書 of one 柱. */
export function layoutPillarDoc(r: PillarReport): DocLayout {
  const missing = r.measures.flatMap((m) => {
    const n = submissionNotice(m, r.submissions);
    return n === null ? [] : [run(`\n${m.measureId}：${n}`, S.body, COLOR.alert, true)];
  });
  const head: DocBlock[] = [
    ...cover(r),
    heading("柱の概要", 1),
    keyValues(
      [
        ["戦略", valueOr(r.strategy)],
        ["到達目標", valueOr(r.goal)],
        ["所管課", valueOr(r.owners.join("、"))],
      ],
      false,
    ),
    heading("提出状況", 1),
    para(
      r.measures.length === 0
        ? [muted("この柱に登録された取組はありません。")]
        : [run(r.submissions.summary), ...missing],
    ),
    heading("評価の概要", 1),
    gradeSummary(r),
  ];
  const measures: DocBlock[] =
    r.measures.length === 0
      ? []
      : [
          heading("取組の状況", 1, { pageBreakBefore: true }),
          ...r.measures.flatMap((m) => measureBlock(r, m)),
        ];
  return {
    title: r.title,
    width: A4.width,
    height: A4.height,
    margin: MARGIN,
    fonts: FONT_STACK,
    header: [r.planName.trim(), r.fyLabel, pillarName(r)].filter((t) => t !== "").join("　"),
    blocks: [...head, ...measures],
    measuresFrom: head.length,
  };
}

/**
 * The values of a Docs template's {{placeholders}} (設定 Docsテンプレート): the words the
 * layout's cover and summary use.
 */
export function docPlaceholders(r: PillarReport): Record<string, string> {
  const or = (t: string) => (t.trim() === "" ? NOT_SET : t.trim());
  return {
    計画名: r.planName,
    年度: r.fyLabel,
    対象: r.scopeLabel,
    柱ID: r.pillarId,
    柱名: r.name,
    戦略: or(r.strategy),
    到達目標: or(r.goal),
    所管課: or(r.owners.join("、")),
    提出状況: r.submissions.summary,
    評価概要: r.grades.map((g) => `${g.code}:${g.count}`).join(" "),
    発行課: or(r.issuer),
    報告日: formatJapaneseDate(r.reportDate, "ja"),
  };
}
