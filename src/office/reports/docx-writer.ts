/**
 * Offline pillar reports: one .docx per PillarReport, laid out with the docx library.
 *
 * A4 portrait; a header with the plan name, page numbers in the footer; the pillar's 戦略 /
 * 到達目標 / 所管課, a summary of grades, then one section per 取組 (a key/value table and the
 * 実施内容 / 課題 / 次の対応 paragraphs). Every run uses one typeface for Latin and East Asian
 * text (see fonts.ts), set in the document defaults, the theme and the styles. Nothing here
 * decides what to say: the words and numbers come from the model; this file only lays them out.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  type IBorderOptions,
  type IParagraphStyleOptions,
  type ITableBordersOptions,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from "docx";
import type { GradeCount, MeasureReport, PillarReport } from "../../domain/reports";
import type { DocWriter, OutputFile } from "../../ports";
import { boundedName, MAX_NAME_BYTES } from "../file-names";
import { safeFileName } from "./file-name";
import { DEFAULT_REPORT_FONT } from "./fonts";
import { directionText, lines, NONE, orNone, rateText, UNREPORTED, withUnit } from "./format";
import { COLOR, gradeSwatch, type Swatch, UNGRADED } from "./palette";

export interface DocxReportWriterOptions {
  /** the typeface for every run, Latin and East Asian (default: Noto Sans CJK JP) */
  readonly font?: string;
}

// A4 in twips (1/20 pt), 20 mm side margins.
const PAGE = { width: 11906, height: 16838, top: 1247, bottom: 1134, side: 1134 } as const;
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.side;
const KEY_WIDTH = 2100;

// Sizes in half-points.
const SIZE = { body: 21, small: 17, tiny: 16, title: 40, h1: 28, h2: 24, label: 19 } as const;

const PDCA_WORDS: Readonly<Record<string, string>> = {
  P: "P（計画）",
  D: "D（実行）",
  C: "C（評価）",
  A: "A（改善）",
};

const thin = (color: string = COLOR.line): IBorderOptions => ({
  style: BorderStyle.SINGLE,
  size: 4,
  color,
});

const TABLE_BORDERS: ITableBordersOptions = {
  top: thin(),
  bottom: thin(),
  left: thin(),
  right: thin(),
  insideHorizontal: thin(),
  insideVertical: thin(),
};

interface RunStyle {
  readonly bold?: boolean;
  readonly color?: string;
  readonly size?: number;
  readonly shade?: string;
}

function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({
    text,
    ...(style.bold ? { bold: true } : {}),
    ...(style.color ? { color: style.color } : {}),
    ...(style.size ? { size: style.size } : {}),
    ...(style.shade
      ? { shading: { type: ShadingType.CLEAR, color: "auto", fill: style.shade } }
      : {}),
  });
}

/** Paragraphs for a possibly multi-line value; 「—」 when empty. */
function textParagraphs(
  value: string,
  style: RunStyle = {},
  spacingAfter = 0,
  keepNext = false,
): Paragraph[] {
  const shown = orNone(value);
  const muted = shown === NONE ? { color: COLOR.muted } : {};
  return lines(shown).map(
    (line) =>
      new Paragraph({
        children: [run(line, { ...style, ...muted })],
        spacing: { after: spacingAfter },
        keepNext,
      }),
  );
}

function cell(
  children: Paragraph[],
  width: number,
  options: { shade?: string; center?: boolean } = {},
): TableCell {
  return new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    verticalAlign: options.center ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP,
    margins: { top: 70, bottom: 70, left: 120, right: 120 },
    ...(options.shade
      ? { shading: { type: ShadingType.CLEAR, color: "auto", fill: options.shade } }
      : {}),
  });
}

function table(rows: TableRow[], columnWidths: number[]): Table {
  return new Table({
    rows,
    columnWidths,
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: TABLE_BORDERS,
  });
}

/** A key/value table: shaded keys on the left, values (paragraphs) on the right. */
function keyValueTable(
  rows: readonly (readonly [string, Paragraph[]])[],
  keepTogether: boolean,
): Table {
  const valueWidth = CONTENT_WIDTH - KEY_WIDTH;
  return table(
    rows.map(
      ([key, value], i) =>
        new TableRow({
          cantSplit: true,
          // keeps the table with its heading and in one piece when it fits on a page
          keepNext: keepTogether && i < rows.length - 1,
          children: [
            cell(
              [
                new Paragraph({
                  children: [run(key, { bold: true, color: COLOR.navy, size: SIZE.label })],
                }),
              ],
              KEY_WIDTH,
              { shade: COLOR.paper },
            ),
            cell(value, valueWidth),
          ],
        }),
    ),
    [KEY_WIDTH, valueWidth],
  );
}

function gradeIndex(report: PillarReport, code: string | null): number {
  return code === null ? -1 : report.grades.findIndex((g) => g.code === code);
}

/** The grade as a coloured chip followed by its label, or 「未報告」/「—」. */
function gradeParagraph(report: PillarReport, m: MeasureReport): Paragraph {
  if (m.grade === null) {
    const text = m.status === UNREPORTED ? UNREPORTED : NONE;
    return new Paragraph({
      children: [
        run(
          text,
          text === UNREPORTED ? { bold: true, color: COLOR.alert } : { color: COLOR.muted },
        ),
      ],
    });
  }
  const swatch = gradeSwatch(gradeIndex(report, m.grade));
  return new Paragraph({
    children: [
      run(` ${m.grade} `, { bold: true, color: swatch.ink, shade: swatch.fill }),
      ...(m.gradeLabel ? [run(`　${m.gradeLabel}`)] : []),
    ],
  });
}

function figures(m: MeasureReport): Paragraph[] {
  const period = m.periodLabel === null ? "" : `（${m.periodLabel}）`;
  return [
    new Paragraph({
      children: [
        run("目標 ", { color: COLOR.muted, size: SIZE.small }),
        run(withUnit(m.targetValue, m.unit), { bold: m.targetValue !== null }),
        run("　／　実績 ", { color: COLOR.muted, size: SIZE.small }),
        run(withUnit(m.actual, m.unit), { bold: m.actual !== null }),
        ...(m.actual !== null && period !== ""
          ? [run(period, { color: COLOR.muted, size: SIZE.small })]
          : []),
      ],
    }),
  ];
}

function indicatorParagraphs(m: MeasureReport): Paragraph[] {
  const details = [
    m.direction === null ? "" : directionText(m.direction),
    m.baseline === null ? "" : `基準値 ${withUnit(m.baseline, m.unit)}`,
    m.unit === "" ? "" : `単位 ${m.unit}`,
  ].filter((s) => s !== "");
  return [
    ...textParagraphs(m.indicator),
    ...(details.length > 0
      ? [
          new Paragraph({
            children: [run(details.join("　・　"), { color: COLOR.muted, size: SIZE.small })],
          }),
        ]
      : []),
  ];
}

function statusParagraph(m: MeasureReport): Paragraph {
  const unreported = m.status === UNREPORTED;
  return new Paragraph({
    children: [
      run(m.status, unreported ? { bold: true, color: COLOR.alert } : { bold: true }),
      run(`　期 ${m.periodLabel ?? NONE}`, { color: COLOR.muted, size: SIZE.small }),
      run(`　報告日 ${m.reportedOn ?? NONE}`, { color: COLOR.muted, size: SIZE.small }),
    ],
  });
}

function measureSection(report: PillarReport, m: MeasureReport): (Paragraph | Table)[] {
  const unreported = m.status === UNREPORTED;
  const heading = new Paragraph({
    heading: HeadingLevel.HEADING_2,
    keepNext: true,
    children: [
      run(`${m.measureId}　`, { color: COLOR.accent }),
      run(m.content),
      ...(unreported ? [run(`　［${UNREPORTED}］`, { color: COLOR.alert, size: SIZE.small })] : []),
    ],
  });
  const rows: [string, Paragraph[]][] = [
    ["主担当課", textParagraphs(m.lead)],
    ["関係課", textParagraphs(m.related.join("、"))],
    ["取組目標", textParagraphs(m.targetText)],
    ["指標", indicatorParagraphs(m)],
    ["目標値／実績値", figures(m)],
    ["達成率", textParagraphs(rateText(m.achievementRate), { bold: m.achievementRate !== null })],
    ["評価", [gradeParagraph(report, m)]],
    ["PDCA", textParagraphs(m.pdca === null ? "" : (PDCA_WORDS[m.pdca] ?? m.pdca))],
    ["状態／期", [statusParagraph(m)]],
  ];
  const narrative = (label: string, value: string): Paragraph[] => [
    new Paragraph({ style: "FieldLabel", keepNext: true, children: [run(label)] }),
    ...textParagraphs(value, {}, 40),
  ];
  return [
    heading,
    keyValueTable(rows, true),
    ...narrative("実施内容", m.done),
    ...narrative("課題", m.issues),
    ...narrative("次の対応", m.next),
  ];
}

function gradeSummary(report: PillarReport): Table {
  const widths = [1700, 4238, 1700, 2000];
  const total = report.measures.length;
  const graded = report.grades.reduce((n, g) => n + g.count, 0);
  const share = (n: number): string => (total === 0 ? NONE : `${Math.round((n / total) * 100)}%`);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: ["評価区分", "意味", "取組数", "構成比"].map((h, i) =>
      cell(
        [
          new Paragraph({
            alignment: i >= 2 ? AlignmentType.RIGHT : AlignmentType.LEFT,
            children: [run(h, { bold: true, color: COLOR.white, size: SIZE.label })],
          }),
        ],
        widths[i] ?? 0,
        { shade: COLOR.navy },
      ),
    ),
  });
  const line = (
    code: Paragraph,
    label: string,
    count: number,
    shade?: string,
    bold = false,
  ): TableRow =>
    new TableRow({
      cantSplit: true,
      children: [
        cell([code], widths[0] ?? 0, { center: true, ...(shade ? { shade } : {}) }),
        cell([new Paragraph({ children: [run(label, { bold })] })], widths[1] ?? 0, {
          center: true,
          ...(shade ? { shade } : {}),
        }),
        cell(
          [
            new Paragraph({
              alignment: AlignmentType.RIGHT,
              children: [run(String(count), { bold: true })],
            }),
          ],
          widths[2] ?? 0,
          { center: true, ...(shade ? { shade } : {}) },
        ),
        cell(
          [new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(share(count))] })],
          widths[3] ?? 0,
          { center: true, ...(shade ? { shade } : {}) },
        ),
      ],
    });
  const chip = (text: string, swatch: Swatch): Paragraph =>
    new Paragraph({
      children: [run(` ${text} `, { bold: true, color: swatch.ink, shade: swatch.fill })],
    });
  const gradeRows = report.grades.map((g: GradeCount, i) =>
    line(chip(g.code, gradeSwatch(i)), g.label, g.count),
  );
  return table(
    [
      header,
      ...gradeRows,
      line(chip(NONE, UNGRADED), `未評価・${UNREPORTED}`, Math.max(0, total - graded)),
      line(
        new Paragraph({ children: [run("合計", { bold: true })] }),
        "",
        total,
        COLOR.paper,
        true,
      ),
    ],
    widths,
  );
}

function overview(report: PillarReport): Table {
  const text = (value: string): Paragraph[] => textParagraphs(value);
  return keyValueTable(
    [
      ["計画名", text(report.planName)],
      ["対象", text(report.scopeLabel)],
      ["柱", text(`${report.pillarId}　${report.name}`)],
      ["戦略", text(report.strategy)],
      ["到達目標", text(report.goal)],
      ["所管課", text(report.owners.join("、"))],
      ["提出状況", text(`${report.measures.length} 取組中 ${report.submitted} 取組が提出済`)],
    ],
    false,
  );
}

/** Label line (kind, pillar ID, scope), the pillar's name as the title, the plan below. */
function titleBlock(report: PillarReport): Paragraph[] {
  return [
    new Paragraph({
      spacing: { after: 120 },
      children: [
        run(" 柱別報告書 ", {
          bold: true,
          color: COLOR.white,
          size: SIZE.small,
          shade: COLOR.accent,
        }),
        run(`　${report.pillarId}`, { bold: true, color: COLOR.accent, size: SIZE.label }),
        run(`　${report.scopeLabel}`, { color: COLOR.muted, size: SIZE.small }),
      ],
    }),
    new Paragraph({ style: "ReportTitle", children: [run(report.name)] }),
    new Paragraph({
      spacing: { after: 240 },
      children: [run(`${report.planName}　｜　${report.scopeLabel}`, { color: COLOR.muted })],
    }),
  ];
}

function heading1(text: string, newPage = false): Paragraph {
  return new Paragraph({
    heading: HeadingLevel.HEADING_1,
    keepNext: true,
    ...(newPage ? { pageBreakBefore: true } : {}),
    children: [run(text)],
  });
}

function body(report: PillarReport): (Paragraph | Table)[] {
  const measures: (Paragraph | Table)[] =
    report.measures.length === 0
      ? [
          new Paragraph({
            children: [run("この柱に登録された取組はありません。", { color: COLOR.muted })],
          }),
        ]
      : report.measures.flatMap((m) => measureSection(report, m));
  return [
    ...titleBlock(report),
    heading1("柱の概要"),
    overview(report),
    heading1("評価の概要"),
    gradeSummary(report),
    // the summary makes the first page; the measures start on the next
    heading1("取組の状況", report.measures.length > 0),
    ...measures,
  ];
}

function styles(font: string) {
  const fonts = { ascii: font, hAnsi: font, eastAsia: font, cs: font, hint: "eastAsia" };
  const paragraphStyles: IParagraphStyleOptions[] = [
    {
      id: "ReportTitle",
      name: "Report Title",
      basedOn: "Normal",
      next: "Normal",
      run: { font: fonts, size: SIZE.title, bold: true, color: COLOR.navy },
      paragraph: {
        spacing: { before: 0, after: 80, line: 300 },
        border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: COLOR.accent, space: 6 } },
        keepNext: true,
      },
    },
    {
      id: "FieldLabel",
      name: "Field Label",
      basedOn: "Normal",
      next: "Normal",
      run: { font: fonts, size: SIZE.label, bold: true, color: COLOR.navy },
      paragraph: {
        spacing: { before: 140, after: 40 },
        border: { left: { style: BorderStyle.SINGLE, size: 24, color: COLOR.accent, space: 4 } },
        indent: { left: 80 },
        keepNext: true,
      },
    },
  ];
  return {
    default: {
      document: {
        run: {
          font: fonts,
          size: SIZE.body,
          color: COLOR.ink,
          language: { value: "ja-JP", eastAsia: "ja-JP" },
        },
        paragraph: { spacing: { after: 0, line: 288 } },
      },
      heading1: {
        run: { font: fonts, size: SIZE.h1, bold: true, color: COLOR.navy },
        paragraph: {
          spacing: { before: 360, after: 140 },
          border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: COLOR.line, space: 4 } },
          keepNext: true,
        },
      },
      heading2: {
        run: { font: fonts, size: SIZE.h2, bold: true, color: COLOR.navy },
        paragraph: {
          spacing: { before: 320, after: 100 },
          shading: { type: ShadingType.CLEAR, color: "auto", fill: COLOR.band },
          keepNext: true,
          keepLines: true,
        },
      },
    },
    paragraphStyles,
  };
}

/** The whole document for one pillar. */
export function pillarDocument(report: PillarReport, font: string = DEFAULT_REPORT_FONT): Document {
  const themeFont = { latin: font, eastAsia: font, scripts: { Jpan: font } };
  return new Document({
    title: report.title,
    subject: `${report.planName} ${report.scopeLabel}`,
    creator: "genki-plan",
    description: `${report.pillarId} ${report.name}`,
    theme: { fonts: { headings: themeFont, body: themeFont } },
    styles: styles(font),
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: {
              top: PAGE.top,
              bottom: PAGE.bottom,
              left: PAGE.side,
              right: PAGE.side,
              header: 567,
              footer: 567,
            },
          },
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                border: {
                  bottom: { style: BorderStyle.SINGLE, size: 4, color: COLOR.line, space: 4 },
                },
                children: [
                  run(report.planName, { color: COLOR.muted, size: SIZE.tiny }),
                  run(`　${report.fyLabel}　${report.pillarId}`, {
                    color: COLOR.muted,
                    size: SIZE.tiny,
                  }),
                ],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: [PageNumber.CURRENT, " / ", PageNumber.TOTAL_PAGES],
                    size: SIZE.tiny,
                    color: COLOR.muted,
                  }),
                ],
              }),
            ],
          }),
        },
        children: body(report),
      },
    ],
  });
}

/** Writes one .docx per pillar report into `dir`; `folderId` and `templateId` are for GAS. */
export class DocxReportWriter implements DocWriter {
  /** paths written so far, in order */
  readonly written: string[] = [];
  private readonly names = new Set<string>();

  constructor(
    private readonly dir: string,
    private readonly options: DocxReportWriterOptions = {},
  ) {}

  async writePillarReport(
    report: PillarReport,
    _options: { folderId?: string; templateId?: string } = {},
  ): Promise<OutputFile> {
    const buffer = await Packer.toBuffer(
      pillarDocument(report, this.options.font ?? DEFAULT_REPORT_FONT),
    );
    let base = safeFileName(report.title, report.pillarId);
    // two reports with the same title in one run must not overwrite each other
    if (this.names.has(base))
      base = boundedName(base, ` (${safeFileName(report.pillarId, "柱")})`, MAX_NAME_BYTES - 5);
    this.names.add(base);
    const name = `${base}.docx`;
    await mkdir(this.dir, { recursive: true });
    const path = resolve(this.dir, name);
    await writeFile(path, buffer);
    this.written.push(path);
    return { name, url: path };
  }
}
